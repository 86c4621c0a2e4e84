package org.measures311.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.measures311.api.DropLedgerSource;
import org.measures311.api.HealthProbe;
import org.measures311.api.MeasureValuesSource;
import org.measures311.api.MeasuresApi;
import org.measures311.api.RecomputeAction;
import org.measures311.ingest.LedgerEntry;
import org.measures311.measures.Grain;
import org.measures311.measures.MeasureRow;
import org.measures311.measures.RecomputeSummary;

/** Connects the API's ports to the stores and services of an {@link Application}. */
final class ApiWiring {
    private ApiWiring() {
    }

    static MeasuresApi build(Application app, Clock clock) {
        DropLedgerSource ledger = new DropLedgerSource() {
            @Override
            public List<LedgerEntry> list(YearMonth fromMonth) {
                return app.ledger().list(fromMonth);
            }

            @Override
            public List<LedgerEntry> listAll() {
                return app.ledger().listAll();
            }

            @Override
            public Optional<LedgerEntry> find(String dropId) {
                return app.ledger().find(dropId);
            }

            @Override
            public Optional<Instant> latestLanding() {
                return app.ledger().latestLanding();
            }
        };
        RecomputeAction recompute = (from, toExclusive) -> {
            LocalDate to = toExclusive.minusDays(1);
            try {
                RecomputeSummary s = app.recompute().recompute(from, to);
                int periods = 0;
                for (Grain grain : Grain.values()) {
                    periods += app.calendar().periodsCovering(grain, s.from(), s.to()).size();
                }
                return new RecomputeAction.RecomputeResult(s.from(), s.to(), periods, s.rowsWritten() + s.rowsDeleted());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("recompute interrupted", e);
            }
        };
        HealthProbe health = new HealthProbe() {
            @Override
            public boolean storageAnswers() {
                return app.stores().landing().isAvailable() && app.stores().curated().isAvailable();
            }

            @Override
            public boolean documentStoreAnswers() {
                return app.stores().documents().isAvailable();
            }
        };
        MeasureValuesSource values = new MeasureValuesSource() {
            @Override
            public List<MeasureRow> read(String measureId, Grain grain) {
                return app.measureRows().read(measureId, grain);
            }

            @Override
            public OptionalLong version(String measureId, Grain grain) {
                return app.measureRows().version(measureId, grain);
            }
        };
        return new MeasuresApi(app.catalog(), app.calendar(), values, ledger, recompute, health, clock);
    }
}
