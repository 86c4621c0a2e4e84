package org.measures311.bench.ours;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.measures311.app.Application;
import org.measures311.app.StoreFactory;
import org.measures311.bench.reference.ReferenceRow;
import org.measures311.config.Settings;
import org.measures311.facts.CuratedDrop;
import org.measures311.facts.CurrentStateBuilder;
import org.measures311.facts.FactsSnapshot;
import org.measures311.ingest.DropStatus;
import org.measures311.ingest.LedgerEntry;
import org.measures311.measures.MeasureEngine;
import org.measures311.measures.MeasureRow;

/**
 * Our pipeline, driven exactly as the local runner and the Functions adapters drive it: an {@link Application}
 * over embedded stores (landing folder, curated zone and document store under a state folder), drops ingested
 * one by one through the {@code DropIngestor}, measures from the compaction builder and the measure engine.
 */
public final class OurPipeline implements AutoCloseable {
    private final Application app;

    public OurPipeline(Path landing, Path state, Settings settings) {
        this.app = new Application(settings, StoreFactory.embedded(landing, state), Clock.systemUTC());
    }

    public OurPipeline(Path landing, Path state) {
        this(landing, state, Settings.defaults());
    }

    public Application application() {
        return app;
    }

    /** Ingests one landing file (path relative to the landing folder); fails loudly unless it was ingested. */
    public LedgerEntry ingest(String landingPath) throws IOException {
        return ingest(landingPath, rows -> { });
    }

    /** {@link #ingest(String)}, with the ingestor's per-batch listener (rows of each batch written). */
    public LedgerEntry ingest(String landingPath, java.util.function.IntConsumer onBatchWritten) throws IOException {
        LedgerEntry entry = app.ingestor().ingest(landingPath, onBatchWritten);
        if (entry.status() != DropStatus.INGESTED) {
            throw new IllegalStateException("Drop " + landingPath + " was " + entry.status().code() + ": "
                    + entry.message() + " " + entry.errors());
        }
        if (entry.rowsRejected() > 0) {
            throw new IllegalStateException("Drop " + landingPath + " rejected " + entry.rowsRejected()
                    + " rows of generated data: " + entry.errors());
        }
        return entry;
    }

    /** The ingested drops as the recompute service sees them. */
    public List<LedgerEntry> ingestedDrops() {
        return app.ledger().listAll().stream()
                .filter(e -> e.status() == DropStatus.INGESTED && e.curatedPath() != null)
                .toList();
    }

    /**
     * Every measure at every grain over the whole data range: compaction of all curated drops into current state,
     * then the engine. What the daily timer's recompute does before it writes rows to the document store.
     */
    public List<MeasureRow> computeAll() throws IOException {
        List<LedgerEntry> drops = ingestedDrops();
        LocalDate from = null;
        LocalDate to = null;
        List<CuratedDrop> curated = new ArrayList<>();
        for (LedgerEntry e : drops) {
            curated.add(new CuratedDrop(e.dropId(), e.source().table(), e.curatedPath(), e.path(), e.landedAt()));
            if (e.affectedFrom() != null) {
                from = from == null || e.affectedFrom().isBefore(from) ? e.affectedFrom() : from;
                to = to == null || e.affectedTo().isAfter(to) ? e.affectedTo() : to;
            }
        }
        if (from == null) {
            return List.of();
        }
        FactsSnapshot facts = new CurrentStateBuilder(app.stores().curated()).build(curated);
        return new MeasureEngine(app.catalog(), app.calendar()).compute(facts, from, to, Instant.EPOCH);
    }

    /** Our rows in the comparison form. */
    public static List<ReferenceRow> comparable(List<MeasureRow> rows) {
        return rows.stream().map(r -> new ReferenceRow(r.measure(), r.grain().code(), r.period(), r.member(),
                r.value(), r.numerator(), r.denominator())).toList();
    }

    @Override
    public void close() {
        app.close();
    }
}
