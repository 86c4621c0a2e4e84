package org.measures311.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.IntConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.zip.ZipException;
import org.apache.arrow.memory.BufferAllocator;
import org.measures311.config.Settings;
import org.measures311.facts.CuratedDrop;
import org.measures311.facts.FactBatchWriter;
import org.measures311.store.Lake;
import org.measures311.store.LakeFile;
import org.measures311.store.LedgerRepository;

/**
 * Ingests one landing-zone drop: records it in the ledger, recognises repeated deliveries and duplicate
 * content, parses it with its source's reader into an immutable curated Arrow file, and quarantines what
 * cannot be trusted. Idempotent: the same blob version processed again returns its existing ledger entry and
 * writes nothing. The landing file is only ever read.
 *
 * <p>Order of writes, so a crash at any point leaves nothing half-counted: the curated file first (invisible
 * to compaction until the ledger names it), the ledger entry last.
 */
public final class DropIngestor {
    private static final Logger LOG = Logger.getLogger(DropIngestor.class.getName());
    /** Failed deliveries after which a drop is quarantined; host.json's blobs.poisonBlobThreshold is the same. */
    public static final int POISON_THRESHOLD = 5;
    private static final IntConsumer NO_BATCH_LISTENER = rows -> { };

    private final Lake landing;
    private final Lake curated;
    private final Lake quarantine;
    private final LedgerRepository ledger;
    private final DropReaders readers;
    private final Settings settings;
    private final BufferAllocator allocator;
    private final Clock clock;
    private final Path tempDir;

    /*
     * The error-report mapper is built on first quarantine, not per ingestor: most drops are never quarantined,
     * and a mapper with the JSR-310 module is a noticeable share of a cold start's class loading and set-up.
     */
    private static final class ReportJson {
        static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT);

        private ReportJson() {
        }
    }

    public DropIngestor(Lake landing, Lake curated, Lake quarantine, LedgerRepository ledger, DropReaders readers,
                        Settings settings, BufferAllocator allocator, Clock clock, Path tempDir) {
        this.landing = landing;
        this.curated = curated;
        this.quarantine = quarantine;
        this.ledger = ledger;
        this.readers = readers;
        this.settings = settings;
        this.allocator = allocator;
        this.clock = clock;
        this.tempDir = tempDir;
    }

    /** Ingests the landing file at {@code path}, as the blob trigger or the local runner hands it over. */
    public LedgerEntry ingest(String path) throws IOException {
        return ingest(path, NO_BATCH_LISTENER);
    }

    /**
     * {@link #ingest(String)}, telling {@code onBatchWritten} the row count of each parsed batch as it goes into
     * the drop's Arrow stream (before the curated write and the ledger entry). For observers such as the
     * cold-start probe; it runs on the ingesting thread and must not throw.
     */
    public LedgerEntry ingest(String path, IntConsumer onBatchWritten) throws IOException {
        LakeFile file = landing.stat(path).orElseThrow(() -> new LandingFileGoneException(landing.describe(), path));
        return ingest(file, onBatchWritten);
    }

    /** Whether this version of the file already has a ledger entry (ingesting it again would change nothing). */
    public boolean isRecorded(LakeFile file) {
        return ledger.find(DropIds.of(file.path(), file.etag(), file.landedAt())).isPresent();
    }

    public LedgerEntry ingest(LakeFile file) throws IOException {
        return ingest(file, NO_BATCH_LISTENER);
    }

    private LedgerEntry ingest(LakeFile file, IntConsumer onBatchWritten) throws IOException {
        Instant started = clock.instant();
        String dropId = DropIds.of(file.path(), file.etag(), file.landedAt());
        Optional<LedgerEntry> known = ledger.find(dropId);
        if (known.isPresent()) {
            LOG.fine(() -> "Drop " + file.path() + " already in the ledger as " + dropId + "; nothing to do");
            return known.get();
        }
        SourceKind source = SourceKind.of(file.path());
        DropFormat format = DropFormat.ofPath(file.path());
        Draft draft = new Draft(dropId, file, source, format, started, onBatchWritten);
        try {
            return ingestNew(draft);
        } catch (IOException | RuntimeException e) {
            return countFailedDelivery(draft, e);
        }
    }

    /**
     * A delivery failed with an error the host retries (storage or Cosmos unreachable, a landing read cut off). The
     * failure is counted; below {@link #POISON_THRESHOLD} failures it is rethrown so the host delivers the blob
     * again, and at the threshold the drop is quarantined with the last error and this delivery succeeds, so the
     * host stops retrying (instead of parking the event in the poison queue, where nobody looks).
     */
    private LedgerEntry countFailedDelivery(Draft draft, Exception e) throws IOException {
        String what = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        int failures;
        try {
            failures = ledger.recordFailedDelivery(draft.dropId, what);
        } catch (RuntimeException countingFailed) {
            e.addSuppressed(countingFailed);
            throw rethrow(e);
        }
        if (failures < POISON_THRESHOLD) {
            LOG.log(Level.WARNING, "Delivery " + failures + " of drop " + draft.file.path() + " failed; the host retries it", e);
            throw rethrow(e);
        }
        draft.errors = List.of(new RowError(draft.file.path(), 0, "",
                "failed on each of " + failures + " deliveries; last error: " + what));
        String message = "Quarantined after " + failures + " failed deliveries: " + what;
        LedgerEntry entry = draft.finish(DropStatus.QUARANTINED, message);
        try {
            quarantine.write(draft.dropId + "/error-report.json", ReportJson.MAPPER.writeValueAsBytes(report(entry)));
        } catch (IOException | RuntimeException reportFailed) {
            LOG.log(Level.WARNING, "Could not write the error report of poison drop " + draft.file.path(), reportFailed);
        }
        return record(entry);
    }

    private static IOException rethrow(Exception e) {
        if (e instanceof RuntimeException r) {
            throw r;
        }
        return (IOException) e;
    }

    private LedgerEntry ingestNew(Draft draft) throws IOException {
        SourceKind source = draft.source;
        LakeFile file = draft.file;
        String dropId = draft.dropId;
        if (source == SourceKind.UNKNOWN) {
            return record(draft.finish(DropStatus.IGNORED, "Path is not one the product reads (see docs/landing-zone.md)"));
        }
        // Spooling reads the landing blob; a failure here is transient (network, throttling), so it propagates
        // and the host retries the delivery.
        try (SpooledDrop spooled = spool(file)) {
            if (spooled.contentHashKnown()) {
                Optional<LedgerEntry> duplicate = claimContent(draft, spooled);
                if (duplicate.isPresent()) {
                    return duplicate.get();
                }
            }
            // Otherwise a large drop read in place is still being hashed: it is parsed meanwhile, into a temporary
            // file only, and its content claimed before anything is kept (parse), so the outcome is the same.
            return parse(draft, spooled);
        }
    }

    /**
     * Claims the drop's content for this drop (once); when another recorded drop of the same source already has it, records
     * and returns this drop as its duplicate. A claim whose owner never reached the ledger (crashed mid-way) does
     * not make this a duplicate: it is parsed on its own. Counting cannot double either way, because compaction keys
     * every fact (CMS by date and skill, Zendesk by id), so identical content yields identical facts.
     */
    private Optional<LedgerEntry> claimContent(Draft draft, SpooledDrop spooled) throws IOException {
        if (draft.contentClaimed) {
            return Optional.empty();
        }
        draft.contentHash = spooled.contentHash();
        draft.contentClaimed = true;
        String owner = ledger.claimContent(contentClaimKey(draft.source, draft.contentHash), draft.dropId);
        if (!owner.equals(draft.dropId) && ledger.find(owner).isPresent()) {
            draft.duplicateOf = owner;
            return Optional.of(record(draft.finish(DropStatus.DUPLICATE, "Same content as drop " + owner + "; nothing changed")));
        }
        return Optional.empty();
    }

    /** The drop's bytes as a local file: read in place when the landing zone can link them, else downloaded. */
    private SpooledDrop spool(LakeFile file) throws IOException {
        Files.createDirectories(tempDir);
        Optional<Path> snapshot = landing.localSnapshot(file, tempDir);
        return snapshot.isPresent()
                ? SpooledDrop.inPlace(snapshot.get())
                : SpooledDrop.spool(landing.open(file.path()), tempDir);
    }

    private LedgerEntry parse(Draft draft, SpooledDrop spooled) throws IOException {
        DropReader reader = readers.forSource(draft.source);
        ReadContext context = new ReadContext(draft.file.path(), draft.format, settings,
                FutureLimit.of(clock, settings.programTimeZone()));
        // Created like any new file (not createTempFile's owner-only mode): a local curated zone may take it as is.
        Path facts = tempDir.resolve("facts-" + UUID.randomUUID() + ".arrows");
        try {
            try (OutputStream out = Files.newOutputStream(facts, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                 FactBatchWriter writer = new FactBatchWriter(reader.table(), allocator, out)
                         .onBatchWritten(draft.onBatchWritten)) {
                reader.read(spooled, context, writer);
            } catch (MalformedDropException e) {
                draft.takeCounts(context);
                draft.errors = List.of(e.error());
                return quarantine(draft, spooled, "Unreadable: " + e.error());
            } catch (IOException | RuntimeException e) {
                // The spool is local, so an I/O error here is the content's fault (corrupt gzip, truncated
                // stream), as is an unexpected reader failure: either would fail again on every retry.
                draft.takeCounts(context);
                String what = spooled.isGzip() && (e instanceof ZipException || e instanceof EOFException)
                        ? "not a readable gzip stream (the file starts like gzip but its data is corrupt or cut short): "
                                + e.getMessage()
                        : e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
                draft.errors = List.of(new RowError(draft.file.path(), 0, "", "Could not be read: " + what));
                LOG.log(Level.WARNING, "Drop " + draft.file.path() + " failed to parse", e);
                return quarantine(draft, spooled, "Unreadable: " + what);
            }
            // Outside the catch above on purpose: a landing file rewritten while it was read is retried, not quarantined.
            spooled.confirmUnchanged();
            draft.takeCounts(context);
            draft.errors = context.errors();
            if (exceedsErrorThreshold(context)) {
                return quarantine(draft, spooled, String.format(
                        "%d of %d rows failed validation, above the %.2f%% threshold; no rows taken",
                        context.rowsRejected(), context.rowsRead(), settings.rowErrorThresholdPercent()));
            }
            Optional<LedgerEntry> duplicate = claimContent(draft, spooled);
            if (duplicate.isPresent()) {
                return duplicate.get();
            }
            String curatedPath = CuratedDrop.curatedPathFor(reader.table(), draft.dropId);
            // Moved rather than copied where the curated zone is local: no second pass over the Arrow file.
            curated.moveInLocalFile(curatedPath, facts);
            draft.curatedPath = curatedPath;
            draft.affectedFrom = context.firstDate();
            draft.affectedTo = context.lastDate();
            String message = context.rowsRejected() == 0
                    ? "Ingested " + context.rowsAccepted() + " rows"
                    : "Ingested " + context.rowsAccepted() + " rows; " + context.rowsRejected() + " rows rejected";
            return record(draft.finish(DropStatus.INGESTED, message));
        } finally {
            Files.deleteIfExists(facts);
        }
    }

    /**
     * Content is a duplicate only of content of the same source: the same bytes under another source are read by
     * another reader into another table (the ubiquitous empty file, or one CSV dropped in two folders), so they
     * must be parsed on their own rather than recorded as "nothing changed".
     */
    static String contentClaimKey(SourceKind source, String contentHash) {
        return DropIds.sha256Hex((source.code() + "\n" + contentHash).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private boolean exceedsErrorThreshold(ReadContext context) {
        if (context.rowsRejected() == 0) {
            return false;
        }
        return context.rowsRejected() * 100.0 > settings.rowErrorThresholdPercent() * context.rowsRead();
    }

    private LedgerEntry quarantine(Draft draft, SpooledDrop spooled, String message) throws IOException {
        spooled.confirmUnchanged();
        Optional<LedgerEntry> duplicate = claimContent(draft, spooled);
        if (duplicate.isPresent()) {
            return duplicate.get();
        }
        String base = draft.dropId + "/";
        String name = safeFileName(draft.file.path());
        try (InputStream raw = spooled.openRaw()) {
            quarantine.write(base + name, raw, spooled.size());
        }
        draft.quarantinePath = base + name;
        LedgerEntry entry = draft.finish(DropStatus.QUARANTINED, message);
        quarantine.write(base + "error-report.json", ReportJson.MAPPER.writeValueAsBytes(report(entry)));
        return record(entry);
    }

    private Map<String, Object> report(LedgerEntry entry) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("dropId", entry.dropId());
        r.put("landingPath", entry.path());
        r.put("source", entry.source().code());
        r.put("format", entry.format().code());
        r.put("status", entry.status().code());
        r.put("message", entry.message());
        r.put("rowsRead", entry.rowsRead());
        r.put("rowsRejected", entry.rowsRejected());
        r.put("errors", entry.errors());
        r.put("processedAt", entry.processedAt());
        return r;
    }

    /** Keeps a recognisable file name in quarantine whatever characters the landing path had. */
    static String safeFileName(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        String safe = name.replaceAll("[^A-Za-z0-9._-]", "_");
        if (safe.isEmpty() || safe.chars().allMatch(c -> c == '.')) {
            safe = "drop";
        }
        return safe.length() > 200 ? safe.substring(0, 200) : safe;
    }

    private LedgerEntry record(LedgerEntry entry) {
        ledger.save(entry);
        LOG.info(() -> String.format("%s %s (%s, %s): %s", entry.status().code(), entry.path(), entry.source().code(),
                entry.dropId(), entry.message()));
        return entry;
    }

    /** Mutable working state of one ingestion, turned into the immutable ledger entry at the end. */
    private final class Draft {
        final String dropId;
        final LakeFile file;
        final SourceKind source;
        final DropFormat format;
        final Instant started;
        final IntConsumer onBatchWritten;
        String contentHash;
        /** Whether the content was claimed (the duplicate check done); before the drop is quarantined or kept. */
        boolean contentClaimed;
        long rowsRead;
        long rowsAccepted;
        long rowsRejected;
        List<RowError> errors = List.of();
        java.time.LocalDate affectedFrom;
        java.time.LocalDate affectedTo;
        String duplicateOf;
        String curatedPath;
        String quarantinePath;

        Draft(String dropId, LakeFile file, SourceKind source, DropFormat format, Instant started,
              IntConsumer onBatchWritten) {
            this.dropId = dropId;
            this.file = file;
            this.source = source;
            this.format = format;
            this.started = started;
            this.onBatchWritten = onBatchWritten;
        }

        void takeCounts(ReadContext context) {
            rowsRead = context.rowsRead();
            rowsRejected = context.rowsRejected();
            rowsAccepted = context.rowsAccepted();
        }

        LedgerEntry finish(DropStatus status, String message) {
            Instant now = clock.instant();
            boolean ingested = status == DropStatus.INGESTED;
            return new LedgerEntry(dropId, file.path(), file.etag(), contentHash, file.size(), source, format,
                    file.landedAt(), status, rowsRead, ingested ? rowsAccepted : 0, rowsRejected, errors,
                    affectedFrom, affectedTo, duplicateOf, curatedPath, quarantinePath, now,
                    Duration.between(started, now).toMillis(), message);
        }
    }

    /** The landing file named by an event no longer exists (deleted before it was processed). */
    public static final class LandingFileGoneException extends UncheckedIOException {
        public LandingFileGoneException(String where, String path) {
            super("Landing file " + path + " is no longer in " + where, new java.io.FileNotFoundException(path));
        }
    }
}
