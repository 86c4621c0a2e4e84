package org.measures311.ingest.avaya;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.measures311.ingest.MalformedDropException;
import org.measures311.ingest.ReaderRun;
import org.measures311.ingest.RowError;
import org.junit.jupiter.api.Test;

/**
 * Expected values are worked out by hand from the resource files (see src/test/resources/avaya/README.md):
 * e.g. answer_seconds = Avg Speed Ans x ACD Calls, answered_within_sl = round-half-up(% x offered / 100).
 */
class AvayaCmsReaderTest {
    /** 2025-08-01 05:00 in Los Angeles (the default program zone): rows up to 2025-08-02 are accepted. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-08-01T12:00:00Z"), ZoneOffset.UTC);
    private final AvayaCmsReader reader = new AvayaCmsReader();

    private ReaderRun.Result run(String resource) throws Exception {
        return ReaderRun.runResource(reader, "avaya/" + resource, CLOCK);
    }

    private ReaderRun.Result run(String name, String text) throws Exception {
        return ReaderRun.run(reader, name, text.getBytes(StandardCharsets.UTF_8), CLOCK);
    }

    @Test
    void tabExportWithPreambleTotalsAndFooter() throws Exception {
        ReaderRun.Result result = run("tab-multiday-preamble.txt");

        assertThat(result.context().rowsRead()).isEqualTo(3);
        assertThat(result.context().rowsRejected()).isZero();
        assertThat(result.rows()).hasSize(3);
        Map<String, Object> first = result.row(0);
        assertThat(first).containsEntry("date", LocalDate.of(2025, 6, 1))
                .containsEntry("skill_key", "n:101").containsEntry("skill_number", 101)
                .containsEntry("skill_name", "General Info")
                .containsEntry("acd_calls", 100L).containsEntry("aban_calls", 5L)
                .containsEntry("calls_offered", null)
                .containsEntry("answer_seconds", 3000.0)      // 0:30 x 100
                .containsEntry("talk_seconds", 24000.0)       // 4:00 x 100
                .containsEntry("acw_seconds", 3000.0)         // :30 x 100
                .containsEntry("hold_seconds", null)
                .containsEntry("answered_within_sl", 84L)     // 80% x (100 + 5) = 84
                .containsEntry("abandon_seconds", 300.0)      // 1:00 x 5
                .containsEntry("flow_in", 2L).containsEntry("flow_out", 3L)
                .containsEntry("max_delay_seconds", 300.0)    // 5:00
                .containsEntry("source_line", 7);
        assertThat(result.row(1)).containsEntry("skill_key", "n:102").containsEntry("skill_name", "Solid Waste")
                .containsEntry("answer_seconds", 4500.0)      // 1:30 x 50
                .containsEntry("talk_seconds", 10500.0)       // 3:30 x 50
                .containsEntry("acw_seconds", 750.0)          // 0:15 x 50
                .containsEntry("answered_within_sl", 30L)     // 50.5% x 60 = 30.3
                .containsEntry("abandon_seconds", 450.0)      // 45 s x 10
                .containsEntry("max_delay_seconds", 3723.0)   // 1:02:03
                .containsEntry("source_line", 8);
        assertThat(result.row(2)).containsEntry("date", LocalDate.of(2025, 6, 2))
                .containsEntry("acd_calls", 1200L).containsEntry("aban_calls", 0L)
                .containsEntry("answer_seconds", 6000.0)      // :05 x 1,200
                .containsEntry("talk_seconds", 288000.0)      // 240 s x 1,200
                .containsEntry("answered_within_sl", 1200L)
                .containsEntry("abandon_seconds", 0.0)
                .containsEntry("max_delay_seconds", 20.0)
                .containsEntry("source_line", 10);
        assertThat(result.context().firstDate()).isEqualTo(LocalDate.of(2025, 6, 1));
        assertThat(result.context().lastDate()).isEqualTo(LocalDate.of(2025, 6, 2));
    }

    @Test
    void commaExportWithQuotesThousandsAndRawTotals() throws Exception {
        ReaderRun.Result result = run("comma-quoted.csv");

        assertThat(result.context().rowsRead()).isEqualTo(2);
        assertThat(result.rows()).hasSize(2);
        assertThat(result.row(0)).containsEntry("date", LocalDate.of(2025, 6, 3))
                .containsEntry("skill_key", "n:101").containsEntry("skill_number", 101).containsEntry("skill_name", null)
                .containsEntry("acd_calls", 1234L).containsEntry("aban_calls", 56L).containsEntry("calls_offered", 1300L)
                .containsEntry("talk_seconds", 45296.0)       // ACD Time 12:34:56, not an average
                .containsEntry("acw_seconds", 7200.0)         // ACW Time 2:00:00
                .containsEntry("hold_seconds", 1000.0)
                .containsEntry("answered_within_sl", 1100L)   // Calls Ans within SL wins over the percentage
                .containsEntry("answer_seconds", 30850.0)     // 25 s x 1,234
                .containsEntry("abandon_seconds", null)
                .containsEntry("source_line", 3);
        // a name-only skill, a two-digit year, and more abandoned than answered calls (legal in CMS)
        assertThat(result.row(1)).containsEntry("date", LocalDate.of(2025, 6, 4))
                .containsEntry("skill_key", "name:generalinfo").containsEntry("skill_number", null)
                .containsEntry("skill_name", "General Info")
                .containsEntry("acd_calls", 7L).containsEntry("aban_calls", 9L).containsEntry("calls_offered", 16L)
                .containsEntry("talk_seconds", 35.0).containsEntry("acw_seconds", 65.0).containsEntry("hold_seconds", 0.0)
                .containsEntry("answered_within_sl", 4L).containsEntry("answer_seconds", 455.0);   // 1:05 x 7
    }

    @Test
    void semicolonCrlfRoundsServiceLevelHalfUp() throws Exception {
        ReaderRun.Result result = run("semicolon-crlf.csv");

        assertThat(result.rows()).hasSize(2);
        assertThat(result.row(0)).containsEntry("date", LocalDate.of(2025, 6, 5))
                .containsEntry("skill_key", "n:103").containsEntry("skill_name", "Parking")
                .containsEntry("answered_within_sl", 3L)      // 62.5% x (3 + 1) = 2.5, half up
                .containsEntry("talk_seconds", 450.0)         // 2:30 x 3
                .containsEntry("source_line", 2);
        assertThat(result.row(1)).containsEntry("skill_key", "n:104").containsEntry("acd_calls", 0L)
                .containsEntry("answered_within_sl", 0L).containsEntry("talk_seconds", null)
                .containsEntry("source_line", 3);
    }

    @Test
    void singleDayReportTakesItsDateFromThePreamble() throws Exception {
        ReaderRun.Result result = run("single-day-date-line.txt");

        assertThat(result.rows()).hasSize(1);
        assertThat(result.row(0)).containsEntry("date", LocalDate.of(2025, 7, 1))
                .containsEntry("skill_key", "n:101").containsEntry("calls_offered", 44L)
                .containsEntry("answered_within_sl", 33L)     // 75% x 44 offered
                .containsEntry("source_line", 6);
        assertThat(result.context().firstDate()).isEqualTo(LocalDate.of(2025, 7, 1));
    }

    @Test
    void utf8WithBomAndWindows1252AreDecoded() throws Exception {
        assertThat(run("utf8-bom.csv").row(0)).containsEntry("skill_key", "n:105")
                .containsEntry("skill_name", "Información").containsEntry("acd_calls", 10L);
        // cp1252 bytes 0xF3 (ó) and 0x96 (en dash between number and name), CRLF
        ReaderRun.Result cp1252 = run("cp1252-accented.txt");
        assertThat(cp1252.row(0)).containsEntry("date", LocalDate.of(2025, 6, 7))
                .containsEntry("skill_key", "n:106").containsEntry("skill_name", "Atención Ciudadana")
                .containsEntry("acd_calls", 12L).containsEntry("source_line", 3);
    }

    @Test
    void aliasHeadersAreMatchedIgnoringCaseAndSpaces() throws Exception {
        ReaderRun.Result result = run("alias-headers.txt");

        assertThat(result.rows()).hasSize(1);
        assertThat(result.row(0)).containsEntry("date", LocalDate.of(2025, 6, 8))
                .containsEntry("acd_calls", 20L).containsEntry("aban_calls", 2L)
                .containsEntry("answer_seconds", 240.0)       // ASA 0:12 x 20
                .containsEntry("talk_seconds", 3600.0)        // Average ACD Time 3:00 x 20
                .containsEntry("acw_seconds", 1500.0)         // Total ACW Time
                .containsEntry("answered_within_sl", 18L)     // Acceptable (first of two aliases)
                .containsEntry("max_delay_seconds", 130.0)    // 2:10
                .containsEntry("abandon_seconds", 80.0);      // 0:40 x 2
    }

    @Test
    void badRowsAreRejectedWithLineAndColumnAndTheRestKept() throws Exception {
        ReaderRun.Result result = run("bad-rows.txt");

        assertThat(result.context().rowsRead()).isEqualTo(15);
        assertThat(result.context().rowsRejected()).isEqualTo(12);
        assertThat(result.rows()).extracting(r -> r.get("skill_key")).containsExactly("n:101", "n:111", "n:113");
        assertThat(result.row(1)).containsEntry("acd_calls", 5L).containsEntry("aban_calls", 20L);
        assertThat(result.row(2)).containsEntry("date", LocalDate.of(2025, 8, 2));
        assertThat(result.context().errors()).extracting(RowError::line, RowError::column).containsExactly(
                org.assertj.core.groups.Tuple.tuple(3L, "ACD Calls"),
                org.assertj.core.groups.Tuple.tuple(4L, "Aban Calls"),
                org.assertj.core.groups.Tuple.tuple(5L, "Date"),
                org.assertj.core.groups.Tuple.tuple(6L, "Date"),
                org.assertj.core.groups.Tuple.tuple(7L, "Date"),
                org.assertj.core.groups.Tuple.tuple(8L, "Avg Speed Ans"),
                org.assertj.core.groups.Tuple.tuple(9L, "Avg Speed Ans"),
                org.assertj.core.groups.Tuple.tuple(10L, "% Within Service Level"),
                org.assertj.core.groups.Tuple.tuple(11L, "Avg Aban Time"),
                org.assertj.core.groups.Tuple.tuple(13L, "Aban Calls"),
                org.assertj.core.groups.Tuple.tuple(14L, "Split/Skill"),
                org.assertj.core.groups.Tuple.tuple(16L, ""));
        List<RowError> errors = result.context().errors();
        assertThat(errors.get(1).message()).contains("negative");
        assertThat(errors.get(4).message()).contains("future");
        assertThat(errors.get(6).message()).contains("24 hours");
        assertThat(errors.get(11).message()).contains("truncated");
        assertThat(result.context().lastDate()).isEqualTo(LocalDate.of(2025, 8, 2));
    }

    @Test
    void missingOrDuplicatedRequiredColumnsMakeTheFileMalformed() {
        assertThatThrownBy(() -> run("missing-aban.txt")).isInstanceOf(MalformedDropException.class)
                .satisfies(e -> assertThat(((MalformedDropException) e).error())
                        .extracting(RowError::line, RowError::column).containsExactly(2L, "Aban Calls"));
        assertThatThrownBy(() -> run("duplicate-acd.csv")).isInstanceOf(MalformedDropException.class)
                .hasMessageContaining("appears twice")
                .satisfies(e -> assertThat(((MalformedDropException) e).error())
                        .extracting(RowError::line, RowError::column).containsExactly(1L, "ACD Calls"));
        assertThatThrownBy(() -> run("no-date.txt")).isInstanceOf(MalformedDropException.class)
                .satisfies(e -> assertThat(((MalformedDropException) e).error().column()).isEqualTo("Date"));
    }

    @Test
    void aDateLineWithoutADateFailsOnlyWhenTheHeaderHasNoDateColumn() throws Exception {
        assertThatThrownBy(() -> run("x.txt", "Date:\tyesterday\nSplit/Skill\tACD Calls\tAban Calls\n101\t1\t0\n"))
                .isInstanceOf(MalformedDropException.class)
                .satisfies(e -> assertThat(((MalformedDropException) e).error().line()).isEqualTo(1L));
        assertThat(run("x.txt", "Date:\tyesterday\nDate\tSplit/Skill\tACD Calls\tAban Calls\n6/1/2025\t101\t1\t0\n")
                .rows()).hasSize(1);
    }

    @Test
    void headerOnlyIsAnEmptyDrop() throws Exception {
        ReaderRun.Result result = run("header-only.txt");
        assertThat(result.rows()).isEmpty();
        assertThat(result.context().rowsRead()).isZero();
        assertThat(result.context().firstDate()).isNull();
    }

    @Test
    void emptyFileHasNoHeader() {
        assertThatThrownBy(() -> run("empty.txt")).isInstanceOf(MalformedDropException.class)
                .hasMessageContaining("no CMS report header");
    }

    @Test
    void unterminatedQuoteIsMalformedAtItsLine() {
        assertThatThrownBy(() -> run("unterminated-quote.csv")).isInstanceOf(MalformedDropException.class)
                .satisfies(e -> assertThat(((MalformedDropException) e).error().line()).isEqualTo(3L));
    }

    @Test
    void tenMegabyteSingleLineFailsFast() {
        String line = "x".repeat(10 * 1024 * 1024);
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            assertThatThrownBy(() -> run("long.txt", line)).isInstanceOf(MalformedDropException.class);
            // the same line after a good header: the oversized record is located, not swallowed
            assertThatThrownBy(() -> run("long.txt", "Date\tSplit/Skill\tACD Calls\tAban Calls\n" + line + "\n"))
                    .isInstanceOf(MalformedDropException.class)
                    .satisfies(e -> assertThat(((MalformedDropException) e).error().line()).isEqualTo(2L));
        });
    }

    @Test
    void binaryGarbageIsMalformed() {
        byte[] garbage = new byte[64 * 1024];
        new Random(311).nextBytes(garbage);
        assertThatThrownBy(() -> ReaderRun.run(reader, "garbage.txt", garbage, CLOCK)).isInstanceOf(MalformedDropException.class);
        byte[] highBytes = new byte[4096];
        for (int i = 0; i < highBytes.length; i++) {
            highBytes[i] = (byte) (0x80 + i % 0x7F);   // no NUL, not UTF-8: decoded as cp1252, still no header
        }
        assertThatThrownBy(() -> ReaderRun.run(reader, "garbage.txt", highBytes, CLOCK))
                .isInstanceOf(MalformedDropException.class).hasMessageContaining("no CMS report header");
    }
}
