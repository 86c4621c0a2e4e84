package org.measures311.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.measures311.app.Application;
import org.measures311.config.Settings;
import org.measures311.store.embedded.EmbeddedDocumentStore;
import org.measures311.store.embedded.LocalLake;

/**
 * Drops large enough to be hashed on their own thread while they are parsed (read in place from a local landing
 * zone): the duplicate check still happens before anything is kept, so a second copy of the same content is a
 * duplicate whether its content parses or not, exactly as for a small drop hashed first.
 */
class LargeDropInPlaceTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-08-01T12:00:00Z"), ZoneOffset.UTC);
    private static final String HEADER = "id,ticket_id,created_at,author_id,event_type,public\n";

    @TempDir
    Path folder;

    @Test
    void aSecondCopyOfALargeDropIsItsDuplicateAndKeepsNothing() throws Exception {
        Path landing = folder.resolve("landing");
        long rows = writeEvents(landing.resolve("zendesk/ticket_events/a.csv"), false);
        Files.createDirectories(landing.resolve("zendesk/ticket_events/again"));
        Files.copy(landing.resolve("zendesk/ticket_events/a.csv"), landing.resolve("zendesk/ticket_events/again/a.csv"));
        assertThat(Files.size(landing.resolve("zendesk/ticket_events/a.csv"))).isGreaterThan(SpooledDrop.BACKGROUND_HASH_BYTES);

        try (Application app = application(landing)) {
            LedgerEntry first = app.ingestor().ingest("zendesk/ticket_events/a.csv");
            LedgerEntry second = app.ingestor().ingest("zendesk/ticket_events/again/a.csv");

            assertThat(first.status()).isEqualTo(DropStatus.INGESTED);
            assertThat(first.rowsAccepted()).isEqualTo(rows);
            assertThat(first.contentHash()).isEqualTo(sha256(landing.resolve("zendesk/ticket_events/a.csv")));
            assertThat(second.status()).isEqualTo(DropStatus.DUPLICATE);
            assertThat(second.duplicateOf()).isEqualTo(first.dropId());
            assertThat(second.contentHash()).isEqualTo(first.contentHash());
            assertThat(second.curatedPath()).isNull();
            assertThat(second.rowsAccepted()).isZero();
            assertThat(curatedFiles()).isEqualTo(1);
        }
        // The landing files are only ever read.
        assertThat(sha256(landing.resolve("zendesk/ticket_events/again/a.csv"))).isEqualTo(
                sha256(landing.resolve("zendesk/ticket_events/a.csv")));
    }

    @Test
    void aSecondCopyOfALargeBadDropIsItsDuplicateNotASecondQuarantine() throws Exception {
        Path landing = folder.resolve("landing");
        writeEvents(landing.resolve("zendesk/ticket_events/bad.csv"), true);
        Files.createDirectories(landing.resolve("zendesk/ticket_events/again"));
        Files.copy(landing.resolve("zendesk/ticket_events/bad.csv"), landing.resolve("zendesk/ticket_events/again/bad.csv"));

        try (Application app = application(landing)) {
            LedgerEntry first = app.ingestor().ingest("zendesk/ticket_events/bad.csv");
            LedgerEntry second = app.ingestor().ingest("zendesk/ticket_events/again/bad.csv");

            assertThat(first.status()).isEqualTo(DropStatus.QUARANTINED);
            assertThat(first.contentHash()).isEqualTo(sha256(landing.resolve("zendesk/ticket_events/bad.csv")));
            assertThat(second.status()).isEqualTo(DropStatus.DUPLICATE);
            assertThat(second.duplicateOf()).isEqualTo(first.dropId());
            assertThat(second.quarantinePath()).isNull();
        }
        assertThat(filesUnder(folder.resolve("quarantine"))).isEqualTo(2); // the first drop and its error report
    }

    private Application application(Path landing) {
        return new Application(Settings.defaults(), new Application.Stores(new LocalLake(landing),
                new LocalLake(folder.resolve("curated")), new LocalLake(folder.resolve("quarantine")),
                new EmbeddedDocumentStore(folder.resolve("documents"))), CLOCK);
    }

    /**
     * About 20 MB of events, one ticket per 10 events; {@code bad} makes every 20th id "x" (5% of rows rejected,
     * above the 1% threshold, so the drop is quarantined).
     */
    private static long writeEvents(Path file, boolean bad) throws IOException {
        Files.createDirectories(file.getParent());
        long rows = 400_000;
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(HEADER);
            for (long i = 1; i <= rows; i++) {
                String id = bad && i % 20 == 0 ? "x" : Long.toString(9_000_000 + i);
                w.write(id + "," + (100_000 + i / 10) + ",2025-06-" + String.format("%02d", 1 + i % 28)
                        + "T12:00:00Z," + (7000 + i % 50) + ",Comment,true\n");
            }
        }
        return rows;
    }

    private long curatedFiles() throws IOException {
        return filesUnder(folder.resolve("curated"));
    }

    private static long filesUnder(Path root) throws IOException {
        if (!Files.exists(root)) {
            return 0;
        }
        try (var walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith(".")).count();
        }
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
