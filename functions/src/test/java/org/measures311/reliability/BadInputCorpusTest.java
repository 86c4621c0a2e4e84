package org.measures311.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.measures311.app.Application;
import org.measures311.ingest.DropStatus;
import org.measures311.ingest.LedgerEntry;
import org.measures311.ingest.RowError;

/**
 * Runs the committed bad-input corpus (src/test/resources/corpus, expected.csv) through the product on its
 * embedded stores: every file gets the ledger entry and error report worked out by hand, the landing file is
 * never changed, nothing partial reaches a measure, earlier good data is untouched, and nothing hangs.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class BadInputCorpusTest {
    static final Instant FIRST_CORPUS_LANDING = Instant.parse("2025-08-02T00:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    static Instant landingTimeOf(int index) {
        return FIRST_CORPUS_LANDING.plusSeconds(60L * index);
    }

    @Test
    void theCorpusHasEveryKindOfBadInputTheIssueLists() {
        List<CorpusCase> cases = CorpusCase.load();
        assertThat(cases).hasSizeGreaterThanOrEqualTo(40);
        assertThat(cases).extracting(CorpusCase::status).contains("ingested", "quarantined", "duplicate", "ignored");
        assertThat(cases.stream().filter(c -> c.file().startsWith(CorpusCase.GENERATED)).map(CorpusCase::bytes))
                .allSatisfy(b -> assertThat(b.length).isGreaterThanOrEqualTo(CorpusCase.TEN_MEGABYTES));
    }

    @Test
    void everyFileGetsItsExpectedLedgerEntryAndErrorReport(@TempDir Path folder) throws Exception {
        List<CorpusCase> cases = CorpusCase.load();
        SoftAssertions soft = new SoftAssertions();
        try (EmbeddedRun run = new EmbeddedRun(folder)) {
            for (int i = 0; i < cases.size(); i++) {
                CorpusCase c = cases.get(i);
                byte[] bytes = c.bytes();
                LedgerEntry entry = run.landAndIngest(c.landingPath(), bytes, landingTimeOf(i));
                String as = c.file() + " at " + c.landingPath();
                soft.assertThat(entry.path()).as(as).isEqualTo(c.landingPath());
                soft.assertThat(entry.status().code()).as(as + ": status (" + entry.message() + ")").isEqualTo(c.status());
                soft.assertThat(List.of(entry.rowsRead(), entry.rowsAccepted(), entry.rowsRejected()))
                        .as(as + ": rows read, accepted, rejected").containsExactly(c.rowsRead(), c.rowsAccepted(), c.rowsRejected());
                checkFirstError(soft, as, c, entry.errors());
                // The landing file is only ever read.
                soft.assertThat(run.app.stores().landing().readAll(c.landingPath())).as(as + ": landing file unchanged")
                        .isEqualTo(bytes);
                switch (entry.status()) {
                    case QUARANTINED -> checkQuarantine(soft, as, c, entry, bytes, run.app);
                    case INGESTED -> soft.assertThat(run.app.stores().curated().stat(entry.curatedPath())).as(as + ": curated file")
                            .isPresent();
                    default -> soft.assertThat(entry.curatedPath()).as(as + ": nothing curated").isNull();
                }
                // A repeated delivery of the same blob finds its entry and changes nothing.
                soft.assertThat(run.app.ingestor().ingest(c.landingPath())).as(as + ": delivered again").isEqualTo(entry);
            }
            soft.assertThat(run.app.ledger().listAll()).as("one ledger entry per landing").hasSize(cases.size());
            System.out.printf("RELIABILITY corpus: %d landings tried (%s)%n", cases.size(),
                    run.app.ledger().listAll().stream().collect(java.util.stream.Collectors.groupingBy(
                            e -> e.status().code(), java.util.TreeMap::new, java.util.stream.Collectors.counting())));
        }
        soft.assertAll();
    }

    static void checkFirstError(SoftAssertions soft, String as, CorpusCase c, List<RowError> errors) {
        if (c.errorLine() == null) {
            soft.assertThat(errors).as(as + ": errors").isEmpty();
            return;
        }
        if (errors.isEmpty()) {
            soft.fail(as + ": expected an error at line " + c.errorLine() + " but the entry has none");
            return;
        }
        RowError first = errors.get(0);
        soft.assertThat(first.file()).as(as + ": error names the file").isEqualTo(c.landingPath());
        soft.assertThat(first.line()).as(as + ": error line (" + first + ")").isEqualTo(c.errorLine());
        soft.assertThat(first.column()).as(as + ": error column (" + first + ")").isEqualTo(c.errorColumn());
        soft.assertThat(first.message()).as(as + ": error message").containsIgnoringCase(c.errorContains());
    }

    static void checkQuarantine(SoftAssertions soft, String as, CorpusCase c, LedgerEntry entry, byte[] bytes,
                                Application app) throws Exception {
        soft.assertThat(entry.quarantinePath()).as(as + ": quarantine path").startsWith(entry.dropId() + "/");
        soft.assertThat(app.stores().quarantine().readAll(entry.quarantinePath())).as(as + ": quarantined copy")
                .isEqualTo(bytes);
        JsonNode report = JSON.readTree(app.stores().quarantine().readAll(entry.dropId() + "/error-report.json"));
        soft.assertThat(report.path("landingPath").asText()).as(as + ": report file").isEqualTo(c.landingPath());
        soft.assertThat(report.path("status").asText()).as(as + ": report status").isEqualTo("quarantined");
        soft.assertThat(report.path("message").asText()).as(as + ": report says why").isNotBlank();
        JsonNode first = report.path("errors").path(0);
        soft.assertThat(first.isMissingNode()).as(as + ": report lists the error").isFalse();
        if (c.errorLine() != null) {
            soft.assertThat(first.path("line").asLong()).as(as + ": report line").isEqualTo(c.errorLine());
            soft.assertThat(first.path("column").asText()).as(as + ": report column").isEqualTo(c.errorColumn());
            soft.assertThat(first.path("message").asText()).as(as + ": report message").containsIgnoringCase(c.errorContains());
        }
    }

    @Test
    void badFilesReachNoMeasureAndLeaveEarlierDataAlone(@TempDir Path folder) throws Exception {
        List<CorpusCase> cases = CorpusCase.load();
        // Reference: the good drops, then only the corpus files that are meant to be taken, at the same times.
        StoredState reference;
        try (EmbeddedRun run = new EmbeddedRun(folder.resolve("reference"))) {
            landGood(run);
            for (int i = 0; i < cases.size(); i++) {
                if (cases.get(i).status().equals(DropStatus.INGESTED.code())) {
                    run.landAndIngest(cases.get(i).landingPath(), cases.get(i).bytes(), landingTimeOf(i));
                }
            }
            run.app.recompute().recomputeAll();
            reference = StoredState.of(run.app);
        }
        assertThat(reference.measureRows()).hasSizeGreaterThan(100);

        try (EmbeddedRun run = new EmbeddedRun(folder.resolve("everything"))) {
            landGood(run);
            run.app.recompute().recomputeAll();
            StoredState before = StoredState.of(run.app);
            for (int i = 0; i < cases.size(); i++) {
                run.landAndIngest(cases.get(i).landingPath(), cases.get(i).bytes(), landingTimeOf(i));
            }
            run.app.recompute().recomputeAll();
            StoredState after = StoredState.of(run.app);

            assertThat(after.measureRows()).as("measure rows with every bad file = rows without them")
                    .containsExactlyElementsOf(reference.measureRows());
            System.out.printf("RELIABILITY corpus: %d measure rows identical with and without the bad files%n",
                    after.measureRows().size());
            assertThat(after.curatedFacts()).as("curated facts").isEqualTo(reference.curatedFacts());
            assertThat(after.ledger()).as("the good drops' ledger entries are untouched").containsAll(before.ledger());
            before.curatedFacts().forEach((drop, rows) -> assertThat(after.curatedFacts().get(drop)).as(drop).isEqualTo(rows));
        }
    }

    static void landGood(EmbeddedRun run) throws Exception {
        for (GoodDrops.Drop d : GoodDrops.all()) {
            LedgerEntry e = run.landAndIngest(d.landingPath(), d.bytes(), d.landedAt());
            assertThat(e.status()).as(d.landingPath() + ": " + e.message() + " " + e.errors()).isEqualTo(DropStatus.INGESTED);
        }
    }
}
