package org.measures311.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.measures311.ingest.LedgerEntry;

/**
 * The drop ledger: one {@link LedgerEntry} per drop in {@link Container#LEDGER}, partitioned by landing month, plus
 * two kinds of {@link Container#CONTROL} documents that let every read name its partition:
 * <ul>
 *   <li>{@value #MONTHS_ID}: the month partitions that hold entries, so listing needs no cross-partition query.
 *       Months are added with an ETag-checked replace in a retry loop, so concurrent writers never drop a month,
 *       and before the entry itself is written, so a listed ledger never misses an entry that exists.</li>
 *   <li>{@code content~<sha256>}: which drop first claimed a content hash. Created with create-if-absent, so of
 *       two concurrent deliveries of the same bytes exactly one wins and the other becomes its duplicate.</li>
 *   <li>{@code attempts~<dropId>}: how many deliveries of a drop failed, so a poison drop can be quarantined
 *       instead of retried for ever.</li>
 * </ul>
 */
public final class LedgerRepository {

    static final String MONTHS_ID = "ledger~months";
    static final String CONTENT_PREFIX = "content~";
    static final String ATTEMPTS_PREFIX = "attempts~";
    private static final int MAX_ATTEMPTS = 100;
    private static final Comparator<LedgerEntry> LANDING_ORDER =
            Comparator.comparing(LedgerEntry::landedAt).thenComparing(LedgerEntry::path).thenComparing(LedgerEntry::dropId);

    private final DocumentStore store;
    /** Months this process has seen registered; saves skip the control document for them. */
    private final Set<String> knownMonths = ConcurrentHashMap.newKeySet();

    public LedgerRepository(DocumentStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /** Writes (or rewrites) a drop's ledger entry, registering its month first. */
    public void save(LedgerEntry entry) {
        String month = entry.partitionKey();
        if (!entry.dropId().startsWith(month + "~")) {
            throw new IllegalArgumentException("drop id " + entry.dropId() + " does not start with its landing month " + month);
        }
        registerMonth(month);
        store.upsert(Container.LEDGER, LedgerDocuments.toDocument(entry, entry.dropId(), month));
    }

    public Optional<LedgerEntry> find(String dropId) {
        return store.read(Container.LEDGER, LedgerEntry.partitionOfDropId(dropId), dropId)
                .map(document -> StoreJson.fromDocument(document.body(), LedgerEntry.class));
    }

    /** Every entry that landed in {@code fromMonth} or later, in landing order. */
    public List<LedgerEntry> list(YearMonth fromMonth) {
        List<LedgerEntry> entries = new ArrayList<>();
        for (YearMonth month : months()) {
            if (!month.isBefore(fromMonth)) {
                entries.addAll(entriesOf(month.toString()));
            }
        }
        entries.sort(LANDING_ORDER);
        return entries;
    }

    /** Every entry of the ledger, in landing order. */
    public List<LedgerEntry> listAll() {
        List<YearMonth> months = months();
        return months.isEmpty() ? List.of() : list(months.get(0));
    }

    /** The landing months that hold ledger entries, oldest first. */
    public List<YearMonth> months() {
        return store.read(Container.CONTROL, MONTHS_ID, MONTHS_ID)
                .map(document -> monthsOf(document.body()).stream().map(YearMonth::parse).toList())
                .orElse(List.of());
    }

    /**
     * Claims a content hash for a drop; returns the drop that owns it: {@code dropId} when this call won, else
     * the drop that claimed it first (this drop is then a duplicate of that one).
     */
    public String claimContent(String sha256, String dropId) {
        String id = contentId(sha256);
        ObjectNode claim = LedgerDocuments.object()
                .put("id", id).put(Container.PARTITION_KEY_FIELD, id)
                .put("contentHash", sha256.toLowerCase(Locale.ROOT)).put("dropId", dropId)
                .put("claimedAt", Instant.now().toString());
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            if (store.createIfAbsent(Container.CONTROL, claim)) {
                return dropId;
            }
            Optional<String> owner = claimant(id);
            if (owner.isPresent()) {
                return owner.get();
            }
            // The claim vanished between our create and our read (deleted by hand): try to create it again.
        }
        throw new IllegalStateException("could not claim content " + sha256 + " after " + MAX_ATTEMPTS + " attempts");
    }

    /**
     * Counts one more failed delivery of a drop (an error the host will retry), keeping the last error; returns how
     * many deliveries of it have now failed. A {@code attempts~<dropId>} control document, updated with an
     * ETag-checked replace so that concurrent failures are all counted.
     */
    public int recordFailedDelivery(String dropId, String error) {
        String id = ATTEMPTS_PREFIX + dropId;
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Optional<StoredDocument> current = store.read(Container.CONTROL, id, id);
            int failures = current.map(d -> d.body().path("failures").asInt(0)).orElse(0) + 1;
            ObjectNode next = LedgerDocuments.object()
                    .put("id", id).put(Container.PARTITION_KEY_FIELD, id).put("dropId", dropId)
                    .put("failures", failures).put("lastError", error).put("lastFailedAt", Instant.now().toString());
            boolean stored = current.isEmpty()
                    ? store.createIfAbsent(Container.CONTROL, next)
                    : store.replaceIfMatch(Container.CONTROL, next, current.get().etag());
            if (stored) {
                return failures;
            }
        }
        throw new IllegalStateException("could not count a failed delivery of " + dropId + " after " + MAX_ATTEMPTS + " attempts");
    }

    /** The ledger entry of the drop that claimed this content, if it claimed it and its entry is saved. */
    public Optional<LedgerEntry> findByContentHash(String sha256) {
        return claimant(contentId(sha256)).flatMap(this::find);
    }

    /** When the newest drop landed (for /health); empty while the ledger is empty. */
    public Optional<Instant> latestLanding() {
        List<YearMonth> months = months();
        for (int i = months.size() - 1; i >= 0; i--) {
            Optional<Instant> latest = entriesOf(months.get(i).toString()).stream().map(LedgerEntry::landedAt).max(Comparator.naturalOrder());
            if (latest.isPresent()) {
                return latest;
            }
        }
        return Optional.empty();
    }

    private List<LedgerEntry> entriesOf(String month) {
        return store.readPartition(Container.LEDGER, month).stream()
                .map(document -> StoreJson.fromDocument(document.body(), LedgerEntry.class))
                .toList();
    }

    private Optional<String> claimant(String contentId) {
        return store.read(Container.CONTROL, contentId, contentId).map(document -> document.body().path("dropId").asText());
    }

    private void registerMonth(String month) {
        if (knownMonths.contains(month)) {
            return;
        }
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Optional<StoredDocument> current = store.read(Container.CONTROL, MONTHS_ID, MONTHS_ID);
            TreeSet<String> months = new TreeSet<>(current.map(d -> monthsOf(d.body())).orElse(List.of()));
            if (!months.add(month)) {
                knownMonths.add(month);
                return;
            }
            ObjectNode next = monthsDocument(months);
            boolean stored = current.isEmpty()
                    ? store.createIfAbsent(Container.CONTROL, next)
                    : store.replaceIfMatch(Container.CONTROL, next, current.get().etag());
            if (stored) {
                knownMonths.add(month);
                return;
            }
        }
        throw new IllegalStateException("could not register ledger month " + month + " after " + MAX_ATTEMPTS + " attempts");
    }

    private static ObjectNode monthsDocument(Set<String> months) {
        ObjectNode document = LedgerDocuments.object()
                .put("id", MONTHS_ID).put(Container.PARTITION_KEY_FIELD, MONTHS_ID);
        ArrayNode list = document.putArray("months");
        months.forEach(list::add);
        return document;
    }

    private static List<String> monthsOf(ObjectNode document) {
        List<String> months = new ArrayList<>();
        for (JsonNode month : document.path("months")) {
            months.add(month.asText());
        }
        return months;
    }

    private static String contentId(String sha256) {
        if (sha256 == null || !sha256.matches("[0-9a-fA-F]{64}")) {
            throw new IllegalArgumentException("not a SHA-256 in hex: " + sha256);
        }
        return CONTENT_PREFIX + sha256.toLowerCase(Locale.ROOT);
    }
}
