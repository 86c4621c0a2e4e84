package org.measures311.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.measures311.app.Application;
import org.measures311.app.StoreFactory;
import org.measures311.config.Settings;
import org.measures311.ingest.DropStatus;
import org.measures311.ingest.LedgerEntry;

/**
 * The ingestor's batch listener (what the cold-start probe times) hears the parsed batch on the real ingest path,
 * before the curated write and the ledger entry, and the ingest result is the same as without a listener.
 */
class FirstBatchListenerTest {
    private static final String EVENTS = "zendesk/ticket_events/events_small.csv";
    private static final String CSV = """
            id,ticket_id,created_at,author_id,event_type,public
            501,77,2025-07-01T08:00:00Z,9001,Create,true
            502,77,2025-07-01T09:30:00Z,9002,Comment,true
            503,78,2025-07-02T10:00:00Z,9001,Create,false
            """;

    @Test
    void theBatchIsHeardBeforeTheCuratedWriteAndTheLedgerEntry(@TempDir Path folder) throws Exception {
        Path landing = folder.resolve("landing");
        MixedLanding.put(landing, EVENTS, CSV.getBytes(StandardCharsets.UTF_8), Instant.parse("2025-07-03T00:00:00Z"));
        List<String> heard = new ArrayList<>();
        try (Application app = new Application(Settings.defaults(), StoreFactory.embedded(landing, folder.resolve("state")),
                EmbeddedRun.CLOCK)) {
            LedgerEntry entry = app.ingestor().ingest(EVENTS, rows -> heard.add(rows + " rows; ledger entries "
                    + app.ledger().listAll().size() + "; curated files " + curatedFiles(app)));

            assertThat(entry.status()).isEqualTo(DropStatus.INGESTED);
            assertThat(entry.rowsAccepted()).isEqualTo(3);
            assertThat(heard).containsExactly("3 rows; ledger entries 0; curated files 0");
            assertThat(app.ledger().listAll()).containsExactly(entry);
            assertThat(curatedFiles(app)).isEqualTo(1);
        }
    }

    @Test
    void withOrWithoutAListenerTheLedgerEntryIsTheSame(@TempDir Path folder) throws Exception {
        LedgerEntry without = ingestOnce(folder.resolve("a"), false);
        LedgerEntry with = ingestOnce(folder.resolve("b"), true);
        assertThat(with).usingRecursiveComparison().ignoringFields("durationMillis").isEqualTo(without);
    }

    private static LedgerEntry ingestOnce(Path folder, boolean listen) throws Exception {
        Path landing = folder.resolve("landing");
        MixedLanding.put(landing, EVENTS, CSV.getBytes(StandardCharsets.UTF_8), Instant.parse("2025-07-03T00:00:00Z"));
        try (Application app = new Application(Settings.defaults(), StoreFactory.embedded(landing, folder.resolve("state")),
                EmbeddedRun.CLOCK)) {
            return listen ? app.ingestor().ingest(EVENTS, rows -> { }) : app.ingestor().ingest(EVENTS);
        }
    }

    private static int curatedFiles(Application app) {
        try {
            return app.stores().curated().list("").size();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
