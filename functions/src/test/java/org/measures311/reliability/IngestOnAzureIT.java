package org.measures311.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.measures311.ingest.DropStatus;
import org.measures311.ingest.LedgerEntry;
import org.measures311.measures.Grain;
import org.measures311.measures.MeasureRow;
import org.measures311.testing.Emulators;

/**
 * Ingest on Azurite and the Cosmos wire server, through {@code Application} over {@code StoreFactory.azure}: every
 * Zendesk table in every format, every Avaya CMS variant, out-of-order and repeated deliveries, and quarantined
 * files and row errors (issue 3's "done when").
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class IngestOnAzureIT {

    @Test
    void everyZendeskTableInEveryFormatGivesTheSameFacts(@TempDir Path scratch) throws Exception {
        try (AzureRun run = AzureRun.fresh(); BufferAllocator allocator = new RootAllocator()) {
            for (ZendeskFormats.Table table : ZendeskFormats.tables()) {
                Map<String, List<String>> factsByFormat = new LinkedHashMap<>();
                for (Map.Entry<String, byte[]> file : ZendeskFormats.everyFormat(table, scratch).entrySet()) {
                    String path = table.folder() + table.name() + "." + file.getKey();
                    LedgerEntry e = run.landAndIngest(path, file.getValue());
                    assertThat(e.status()).as(path + ": " + e.message() + " " + e.errors()).isEqualTo(DropStatus.INGESTED);
                    assertThat(e.rowsRead()).as(path).isEqualTo(table.records().size());
                    assertThat(e.rowsAccepted()).as(path).isEqualTo(table.records().size());
                    factsByFormat.put(file.getKey(), StoredState.rowsOf(run.app, e, allocator, false));
                }
                List<String> fromCsv = factsByFormat.get("csv");
                assertThat(fromCsv).as(table.name()).hasSize(table.records().size());
                // The first cell of every fact row is the record's id, in landing order.
                assertThat(fromCsv).extracting(row -> row.substring(0, row.indexOf('\t')))
                        .containsExactlyElementsOf(table.records().stream().map(r -> String.valueOf(r.get("id"))).toList());
                factsByFormat.forEach((format, facts) -> assertThat(facts).as(table.name() + " as " + format).isEqualTo(fromCsv));
            }
        }
    }

    @Test
    void everyAvayaVariantIsReadAndCounted() throws Exception {
        // Rows per file from the avaya/ README; contacts handled = ACD - abandoned, all skills (no skill list).
        Map<String, Integer> rowsPerFile = new LinkedHashMap<>();
        rowsPerFile.put("tab-multiday-preamble.txt", 3);
        rowsPerFile.put("comma-quoted.csv", 2);
        rowsPerFile.put("semicolon-crlf.csv", 2);
        rowsPerFile.put("single-day-date-line.txt", 1);
        rowsPerFile.put("utf8-bom.csv", 1);
        rowsPerFile.put("cp1252-accented.txt", 1);
        rowsPerFile.put("alias-headers.txt", 1);
        try (AzureRun run = AzureRun.fresh()) {
            for (Map.Entry<String, Integer> file : rowsPerFile.entrySet()) {
                LedgerEntry e = run.landAndIngest("avaya/variants/" + file.getKey(), resource("/avaya/" + file.getKey()));
                assertThat(e.status()).as(file.getKey() + ": " + e.message() + " " + e.errors()).isEqualTo(DropStatus.INGESTED);
                assertThat(e.rowsAccepted()).as(file.getKey()).isEqualTo(file.getValue().longValue());
            }
            // The tab export again, gzip-compressed: other bytes, same rows, so the same figures.
            LedgerEntry gz = run.landAndIngest("avaya/variants/tab-multiday-preamble.txt.gz",
                    ZendeskFormats.gzip(resource("/avaya/tab-multiday-preamble.txt")));
            assertThat(gz.status()).isEqualTo(DropStatus.INGESTED);
            assertThat(gz.rowsAccepted()).isEqualTo(3);
            run.app.recompute().recomputeAll();

            Map<String, BigDecimal> phone = new LinkedHashMap<>();
            for (MeasureRow row : run.app.measureRows().read("contacts_handled", Grain.DAY)) {
                if (row.member().equals("phone")) {
                    phone.put(row.period(), row.value());
                }
            }
            // 6/1: (100 - 5) + (50 - 10) = 135 (Totals row skipped); 6/2: 1,200 - 0; 6/3: 1,234 - 56;
            // 6/5: (3 - 1) + (0 - 0); 6/6: 10 - 1; 6/7: 12 - 2 (Windows-1252); 6/8: 20 - 2; 7/1 (Date: line): 40 - 4.
            assertThat(phone).containsEntry("2025-06-01", new BigDecimal("135")).containsEntry("2025-06-02", new BigDecimal("1200"))
                    .containsEntry("2025-06-03", new BigDecimal("1178")).containsEntry("2025-06-05", new BigDecimal("2"))
                    .containsEntry("2025-06-06", new BigDecimal("9")).containsEntry("2025-06-07", new BigDecimal("10"))
                    .containsEntry("2025-06-08", new BigDecimal("18")).containsEntry("2025-07-01", new BigDecimal("36"));
        }
    }

    /** The demo landing zone (a CMS re-export that corrects June 30) plus Zendesk tables, events before tickets. */
    private static List<String> orderTestPaths() {
        return List.of("reference/skills.csv",
                "avaya/2025-06/311_multi_day_multi_skill_2025-06.txt",
                "avaya/2025-07/cms_export_2025-07-01_2025-07-30.csv",
                "avaya/2025-08/311_daily_2025-07-31.txt",
                "avaya/2025-08/311_multi_day_multi_skill_2025-06-30_reexport.txt",
                "zendesk/ticket_events/2025-06/events.csv",
                "zendesk/users/2025-06/users.json",
                "zendesk/tickets/2025-06/tickets.csv",
                "zendesk/ticket_events/2025-06/export.jsonl");
    }

    private static byte[] orderTestBytes(String path) throws Exception {
        return switch (path) {
            case "zendesk/ticket_events/2025-06/events.csv" -> resource("/corpus/good/events.csv");
            case "zendesk/users/2025-06/users.json" -> resource("/corpus/good/users.json");
            case "zendesk/tickets/2025-06/tickets.csv" -> resource("/corpus/good/tickets.csv");
            case "zendesk/ticket_events/2025-06/export.jsonl" -> resource("/zendesk/ticket_events_export.jsonl");
            default -> Files.readAllBytes(Emulators.repoRoot().resolve("samples/landing").resolve(path));
        };
    }

    @Test
    void deliveriesInAnyOrderAndRepeatedEndInTheSameState() throws Exception {
        List<String> paths = orderTestPaths();
        try (AzureRun reference = AzureRun.fresh()) {
            // The blobs land once, in this order (their creation times decide which CMS export is later) ...
            for (String path : paths) {
                reference.land(path, orderTestBytes(path));
            }
            // ... and are delivered in order, once each, then recomputed at once.
            for (String path : paths) {
                assertThat(reference.app.ingestor().ingest(path).status()).as(path).isEqualTo(DropStatus.INGESTED);
            }
            reference.app.recompute().recomputeAll();
            StoredState expected = StoredState.of(reference.app);
            assertThat(expected.measureRows()).hasSizeGreaterThan(200);

            List<String> reversed = new ArrayList<>(paths);
            Collections.reverse(reversed);
            List<String> shuffledTwice = new ArrayList<>(paths);
            shuffledTwice.addAll(paths);
            Collections.shuffle(shuffledTwice, new Random(311));
            for (List<String> order : List.of(reversed, shuffledTwice)) {
                boolean jobAfterEveryDelivery = order == reversed;
                try (AzureRun run = AzureRun.sharingLandingWith(reference)) {
                    // Reversed: every delivery is followed by the daily job, as if days passed between them.
                    // Shuffled with every blob delivered twice: one job at the end.
                    for (String path : order) {
                        run.app.ingestor().ingest(path);
                        if (jobAfterEveryDelivery) {
                            run.app.recompute().recomputePending();
                        }
                    }
                    if (!jobAfterEveryDelivery) {
                        run.app.recompute().recomputePending();
                    }
                    StoredState actual = StoredState.of(run.app);
                    assertThat(actual.ledger()).as("ledger, order " + order).isEqualTo(expected.ledger());
                    assertThat(actual.curatedFacts()).as("facts, order " + order).isEqualTo(expected.curatedFacts());
                    assertThat(actual.measureRows()).as("measure rows, order " + order)
                            .containsExactlyElementsOf(expected.measureRows());
                }
            }
        }
    }

    /** The corpus cases run here too: those whose bytes or names stress the Blob API and the Cosmos ledger. */
    private static final List<String> CORPUS_SUBSET = List.of("avaya-truncated-last-line.txt", "avaya-mixed-delimiters.txt",
            "avaya-duplicate-required-column.csv", "avaya-windows-1252.txt", "avaya-unterminated-quote.csv",
            "avaya-non-numeric-counts.txt", "avaya-binary-garbage.txt", "avaya-corrupt-gzip.txt.gz",
            "avaya-one-bad-row-in-150.txt", "avaya-odd-path-content.txt", "avaya-same-content.txt", "tickets-zero-byte.csv",
            "tickets-truncated.json", "tickets-deeply-nested.json", "tickets-parquet-corrupt-footer.parquet",
            "tickets-truncated-gzip.jsonl.gz", "unknown-place.csv");

    @Test
    void quarantinedFilesAndRowErrorsOnAzure() throws Exception {
        List<CorpusCase> cases = CorpusCase.load().stream().filter(c -> CORPUS_SUBSET.contains(c.file())).toList();
        assertThat(cases).hasSizeGreaterThanOrEqualTo(CORPUS_SUBSET.size());
        SoftAssertions soft = new SoftAssertions();
        try (AzureRun run = AzureRun.fresh()) {
            for (CorpusCase c : cases) {
                byte[] bytes = c.bytes();
                LedgerEntry entry = run.landAndIngest(c.landingPath(), bytes);
                String as = c.file() + " at " + c.landingPath();
                soft.assertThat(entry.status().code()).as(as + ": " + entry.message()).isEqualTo(c.status());
                soft.assertThat(List.of(entry.rowsRead(), entry.rowsAccepted(), entry.rowsRejected())).as(as + ": rows")
                        .containsExactly(c.rowsRead(), c.rowsAccepted(), c.rowsRejected());
                BadInputCorpusTest.checkFirstError(soft, as, c, entry.errors());
                if (entry.status() == DropStatus.QUARANTINED) {
                    BadInputCorpusTest.checkQuarantine(soft, as, c, entry, bytes, run.app);
                }
                soft.assertThat(run.app.stores().landing().readAll(c.landingPath())).as(as + ": landing unchanged").isEqualTo(bytes);
                soft.assertThat(run.app.ingestor().ingest(c.landingPath())).as(as + ": delivered again").isEqualTo(entry);
            }
            // The ledger on Cosmos lists every entry, and the API's drop list would show them with their errors.
            soft.assertThat(run.app.ledger().listAll()).hasSize(cases.size());
        }
        soft.assertAll();
    }

    static byte[] resource(String name) throws Exception {
        try (var in = IngestOnAzureIT.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }
}
