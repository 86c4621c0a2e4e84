package org.measures311.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.measures311.bench.ours.OurPipeline;
import org.measures311.ingest.LedgerEntry;

/**
 * One file ingested N times by each side, alternating so both see the same page-cache state: ours through the
 * DropIngestor into a fresh state folder each run (spool, SHA-256, parse, Arrow IPC to the curated zone, ledger
 * entry), DuckDB into a fresh database file. Both must keep the same number of rows.
 */
final class IngestComparison {
    @FunctionalInterface
    interface ReferenceIngest {
        long ingest(Path file, Path database) throws SQLException, IOException;
    }

    @FunctionalInterface
    interface Log {
        void log(String format, Object... args);
    }

    private final Path runs;
    private final int count;
    private final Log log;

    IngestComparison(Path runs, int count, Log log) {
        this.runs = runs;
        this.count = count;
        this.log = log;
    }

    void compare(String figure, Path landingRoot, Path file, ReferenceIngest reference, long expectedRows,
                 ResultTable table) throws Exception {
        String landingPath = landingRoot.relativize(file).toString().replace('\\', '/');
        long bytes = Files.size(file);
        List<Double> ours = new ArrayList<>();
        List<Double> theirs = new ArrayList<>();
        for (int r = 0; r < count; r++) {
            Path state = runs.resolve("ingest-state");
            BenchMain.deleteTree(state);
            LedgerEntry entry;
            try (OurPipeline pipeline = new OurPipeline(landingRoot, state)) {
                long t0 = System.nanoTime();
                entry = pipeline.ingest(landingPath);
                ours.add(Stats.seconds(System.nanoTime() - t0));
            }
            BenchMain.deleteTree(state);
            Path database = runs.resolve("ingest.duckdb");
            long t0 = System.nanoTime();
            long rows = reference.ingest(file, database);
            theirs.add(Stats.seconds(System.nanoTime() - t0));
            Files.deleteIfExists(database);
            if (entry.rowsAccepted() != expectedRows || rows != expectedRows) {
                throw new IllegalStateException(String.format("%s: expected %d rows, ours kept %d, DuckDB %d", figure,
                        expectedRows, entry.rowsAccepted(), rows));
            }
            log.log("  %s run %d: ours %.2f s, DuckDB %.2f s", figure, r + 1, ours.get(r), theirs.get(r));
        }
        double ourMedian = Stats.median(ours);
        double theirMedian = Stats.median(theirs);
        double mb = bytes / 1e6;
        table.add(String.format(Locale.ROOT, "%s, %.0f MB, %,d rows", figure, mb, expectedRows),
                String.format(Locale.ROOT, "%.0f MB/s (%.2f s)", mb / ourMedian, ourMedian),
                String.format(Locale.ROOT, "%.0f MB/s (%.2f s)", mb / theirMedian, theirMedian),
                BenchMain.ratio(theirMedian / ourMedian), "ratio >= 1.0", ResultTable.met(theirMedian >= ourMedian));
    }
}
