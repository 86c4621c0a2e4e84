package org.measures311.store;

import java.util.ArrayList;
import java.util.Collections;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.measures311.measures.Grain;
import org.measures311.measures.MeasureRow;

/**
 * Measure rows in {@link Container#MEASURES}: one partition per measure and grain, one document per period and
 * member. Writes are idempotent at the figure level: a row whose figures did not change is not written at all,
 * so recomputing changes nothing, not even {@code computedAt}.
 */
public final class MeasureRowRepository {

    /** What a write did: rows written (new or changed), rows left alone (same figures), rows deleted. */
    public record Changes(int written, int unchanged, int deleted) {
    }

    private static final Comparator<MeasureRow> ORDER = Comparator.comparing(MeasureRow::periodStart)
            .thenComparing(MeasureRow::member).thenComparing(MeasureRow::period);

    /** Rows of one partition as last read, and the partition version they were read at. */
    private record CachedRows(long version, List<MeasureRow> rows) {
    }

    private final DocumentStore store;
    private final PartitionVersions versions;
    /** Per partition key; only over a store that versions its partitions (the embedded one). */
    private final Map<String, CachedRows> cache = new ConcurrentHashMap<>();

    public MeasureRowRepository(DocumentStore store) {
        this.store = Objects.requireNonNull(store, "store");
        this.versions = store instanceof PartitionVersions v ? v : null;
    }

    /** Writes the rows whose figures differ from what is stored (rows may span measures and grains). */
    public Changes upsertAll(List<MeasureRow> rows) {
        Map<String, List<MeasureRow>> byPartition = new LinkedHashMap<>();
        for (MeasureRow row : rows) {
            byPartition.computeIfAbsent(row.partitionKey(), pk -> new ArrayList<>()).add(row);
        }
        int written = 0;
        int unchanged = 0;
        for (Map.Entry<String, List<MeasureRow>> partition : byPartition.entrySet()) {
            Changes changes = writeChanged(stored(partition.getKey()), partition.getValue());
            written += changes.written();
            unchanged += changes.unchanged();
        }
        return new Changes(written, unchanged, 0);
    }

    /**
     * Every row of one measure and grain, by period start, then member; unmodifiable. Over a store that versions
     * its partitions, the same list comes back until the partition changes (the API reads it per request).
     */
    public List<MeasureRow> read(String measure, Grain grain) {
        String partitionKey = MeasureRow.partitionKey(measure, grain);
        if (versions == null) {
            return load(partitionKey);
        }
        long version = versions.partitionVersion(Container.MEASURES, partitionKey);
        CachedRows cached = cache.get(partitionKey);
        if (cached != null && cached.version() == version) {
            return cached.rows();
        }
        List<MeasureRow> rows = load(partitionKey);
        cache.put(partitionKey, new CachedRows(version, rows));
        return rows;
    }

    /**
     * A number that changes whenever the rows of the measure and grain change, or empty when the store cannot
     * tell (then every read goes to the store).
     */
    public OptionalLong version(String measure, Grain grain) {
        return versions == null ? OptionalLong.empty()
                : OptionalLong.of(versions.partitionVersion(Container.MEASURES, MeasureRow.partitionKey(measure, grain)));
    }

    private List<MeasureRow> load(String partitionKey) {
        List<MeasureRow> rows = new ArrayList<>(stored(partitionKey).values());
        rows.sort(ORDER);
        return Collections.unmodifiableList(rows);
    }

    /**
     * Makes the given periods of one measure and grain hold exactly {@code newRows}: changed rows are written, and
     * stored rows of those periods that are no longer produced (a member that vanished) are deleted. Rows of
     * other periods are untouched.
     */
    public Changes replacePeriods(String measure, Grain grain, Set<String> periodLabels, List<MeasureRow> newRows) {
        String partitionKey = MeasureRow.partitionKey(measure, grain);
        for (MeasureRow row : newRows) {
            if (!row.partitionKey().equals(partitionKey) || !periodLabels.contains(row.period())) {
                throw new IllegalArgumentException("row " + row.id() + " is not of " + partitionKey + " in periods " + periodLabels);
            }
        }
        Map<String, MeasureRow> stored = stored(partitionKey);
        Changes written = writeChanged(stored, newRows);
        Set<String> produced = new HashSet<>();
        newRows.forEach(row -> produced.add(row.id()));
        int deleted = 0;
        for (MeasureRow old : stored.values()) {
            if (periodLabels.contains(old.period()) && !produced.contains(old.id())) {
                store.delete(Container.MEASURES, partitionKey, old.id());
                deleted++;
            }
        }
        return new Changes(written.written(), written.unchanged(), deleted);
    }

    private Changes writeChanged(Map<String, MeasureRow> stored, List<MeasureRow> rows) {
        List<ObjectNode> changed = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (MeasureRow row : rows) {
            if (!seen.add(row.id())) {
                throw new IllegalArgumentException("two rows for " + row.id());
            }
            MeasureRow old = stored.get(row.id());
            if (old == null || !old.sameFigures(row)) {
                changed.add(StoreJson.toDocument(row, row.id(), row.partitionKey()));
            }
        }
        store.upsertAll(Container.MEASURES, changed);
        return new Changes(changed.size(), rows.size() - changed.size(), 0);
    }

    private Map<String, MeasureRow> stored(String partitionKey) {
        Map<String, MeasureRow> rows = new HashMap<>();
        for (StoredDocument document : store.readPartition(Container.MEASURES, partitionKey)) {
            rows.put(document.id(), StoreJson.fromDocument(document.body(), MeasureRow.class));
        }
        return rows;
    }
}
