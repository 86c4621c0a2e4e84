package org.measures311.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.measures311.app.Application;
import org.measures311.config.Settings;
import org.measures311.ingest.DropIngestor;
import org.measures311.ingest.DropStatus;
import org.measures311.ingest.LedgerEntry;
import org.measures311.store.embedded.EmbeddedDocumentStore;
import org.measures311.store.embedded.LocalLake;

/**
 * A poison drop, one whose delivery fails every time (here: its landing blob cannot be read to the end), is
 * retried while the host would retry it, then quarantined with its error, and later deliveries do nothing.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PoisonDropTest {
    private static final String POISON = "avaya/2025-07/unreadable.txt";

    @Test
    void aDropThatFailsEveryTimeEndsQuarantinedWithItsErrorAndIsNotRetriedAgain(@TempDir Path folder) throws Exception {
        Path landing = folder.resolve("landing");
        MixedLanding.put(landing, POISON, "Date\tSplit/Skill\tACD Calls\tAban Calls\n7/21/2025\t101\t5\t1\n"
                .getBytes(StandardCharsets.UTF_8), Instant.parse("2025-08-03T00:00:00Z"));
        FaultyLake landingLake = new FaultyLake(new LocalLake(landing)).failReadsMidFile(POISON::equals, Integer.MAX_VALUE);
        try (Application app = new Application(Settings.defaults(), new Application.Stores(landingLake,
                new LocalLake(folder.resolve("curated")), new LocalLake(folder.resolve("quarantine")),
                new EmbeddedDocumentStore(folder.resolve("documents"))), EmbeddedRun.CLOCK)) {
            for (int delivery = 1; delivery < DropIngestor.POISON_THRESHOLD; delivery++) {
                assertThatThrownBy(() -> app.ingestor().ingest(POISON)).as("delivery %d is retried", delivery)
                        .isInstanceOf(IOException.class).hasMessageContaining("injected");
            }
            assertThat(app.ledger().listAll()).as("no entry while retries are left").isEmpty();

            LedgerEntry last = app.ingestor().ingest(POISON);
            assertThat(last.status()).isEqualTo(DropStatus.QUARANTINED);
            assertThat(last.message()).startsWith("Quarantined after 5 failed deliveries").contains("injected");
            assertThat(last.errors()).singleElement().satisfies(e -> {
                assertThat(e.file()).isEqualTo(POISON);
                assertThat(e.line()).isZero();
                assertThat(e.message()).startsWith("failed on each of 5 deliveries; last error: IOException: injected");
            });
            JsonNode report = new ObjectMapper().readTree(app.stores().quarantine().readAll(last.dropId() + "/error-report.json"));
            assertThat(report.path("landingPath").asText()).isEqualTo(POISON);
            assertThat(report.path("status").asText()).isEqualTo("quarantined");
            assertThat(report.path("errors").path(0).path("message").asText()).contains("failed on each of 5 deliveries");

            // The host stops, and any later delivery of the same blob finds the entry without reading the blob.
            int opens = landingLake.opens();
            assertThat(app.ingestor().ingest(POISON)).isEqualTo(last);
            assertThat(landingLake.opens()).isEqualTo(opens);
            assertThat(app.ledger().listAll()).containsExactly(last);
            app.recompute().recomputeAll();
            assertThat(app.measureRows().read("contacts_handled", org.measures311.measures.Grain.DAY)).isEmpty();
        }
    }
}
