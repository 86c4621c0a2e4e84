package org.measures311.reliability;

import java.io.IOException;
import java.io.InputStream;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.measures311.app.Application;
import org.measures311.facts.FactBatches;
import org.measures311.ingest.LedgerEntry;
import org.measures311.measures.Grain;
import org.measures311.measures.MeasureDefinition;
import org.measures311.measures.MeasureRow;

/**
 * Everything a run leaves behind, written out as text that two runs can be compared by: the ledger, the curated
 * facts of every ingested drop and every measure row. Drop ids (which hash the blob's ETag, so differ between two
 * containers holding the same bytes) are replaced by the landing path, and times of processing are left out;
 * everything else, counts, errors, affected dates, figures, targets and lineage, is kept.
 */
record StoredState(List<String> ledger, Map<String, List<String>> curatedFacts, List<String> measureRows) {

    static StoredState of(Application app) throws IOException {
        List<LedgerEntry> entries = new ArrayList<>(app.ledger().list(YearMonth.of(1970, 1)));
        entries.sort(Comparator.comparing(LedgerEntry::path).thenComparing(LedgerEntry::landedAt));
        Map<String, String> pathOf = new HashMap<>();
        entries.forEach(e -> pathOf.put(e.dropId(), e.path()));
        List<String> ledger = entries.stream().map(e -> describe(e, pathOf)).toList();
        Map<String, List<String>> facts = new TreeMap<>();
        Map<String, Integer> landings = new HashMap<>();
        try (BufferAllocator allocator = new RootAllocator()) {
            for (LedgerEntry e : entries) {
                // The n-th landing of a path, not its time: two containers holding the same blobs differ in times.
                int landing = landings.merge(e.path(), 1, Integer::sum);
                if (e.curatedPath() != null) {
                    facts.put(e.path() + " #" + landing, rowsOf(app, e, allocator));
                }
            }
        }
        List<String> rows = new ArrayList<>();
        for (MeasureDefinition measure : app.catalog().all()) {
            for (Grain grain : measure.grains()) {
                for (MeasureRow row : app.measureRows().read(measure.id(), grain)) {
                    rows.add(describe(row, pathOf));
                }
            }
        }
        return new StoredState(ledger, facts, rows);
    }

    /** The measure rows only, for comparing what reached the measures. */
    static List<String> measureRowsOf(Application app) throws IOException {
        return of(app).measureRows();
    }

    private static String describe(LedgerEntry e, Map<String, String> pathOf) {
        return String.join(" | ", e.path(), e.status().code(), e.source().code(), e.format().code(),
                "read " + e.rowsRead(), "accepted " + e.rowsAccepted(), "rejected " + e.rowsRejected(),
                "dates " + e.affectedFrom() + ".." + e.affectedTo(),
                "errors " + e.errors(),
                "duplicate of " + (e.duplicateOf() == null ? "-" : pathOf.getOrDefault(e.duplicateOf(), e.duplicateOf())),
                "curated " + (e.curatedPath() != null), "quarantined " + (e.quarantinePath() != null),
                "hash " + e.contentHash(), "size " + e.size(), e.message());
    }

    private static String describe(MeasureRow r, Map<String, String> pathOf) {
        List<String> lineage = r.dropIds().stream().map(id -> pathOf.getOrDefault(id, id)).sorted().toList();
        return String.join(" | ", r.measure(), r.grain().code(), r.period(), r.dimension(), r.member(),
                r.value().stripTrailingZeros().toPlainString(), r.numerator().stripTrailingZeros().toPlainString(),
                r.denominator() == null ? "-" : r.denominator().stripTrailingZeros().toPlainString(),
                String.valueOf(r.target()), String.valueOf(r.meetsTarget()), "lineage " + lineage, "flags " + r.flags());
    }

    private static List<String> rowsOf(Application app, LedgerEntry e, BufferAllocator allocator) throws IOException {
        return rowsOf(app, e, allocator, true);
    }

    /** A curated file's rows as text, optionally without the source line (which differs between formats). */
    static List<String> rowsOf(Application app, LedgerEntry e, BufferAllocator allocator, boolean withSourceLine)
            throws IOException {
        List<String> rows = new ArrayList<>();
        try (InputStream in = app.stores().curated().open(e.curatedPath())) {
            FactBatches.forEach(e.source().table(), in, allocator, batch -> {
                for (int i = 0; i < batch.getRowCount(); i++) {
                    int row = i;
                    rows.add(batch.getFieldVectors().stream()
                            .filter(v -> withSourceLine || !v.getName().equals("source_line"))
                            .map(v -> cell(v, row)).collect(Collectors.joining("\t")));
                }
            });
        }
        return rows;
    }

    private static String cell(FieldVector vector, int row) {
        Object value = vector.getObject(row);
        return value == null ? "" : value.toString();
    }
}
