package org.measures311.ingest.zendesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.measures311.ingest.DropFormat;
import org.measures311.ingest.MalformedDropException;
import org.measures311.ingest.RowError;

/**
 * The parallel read must give what the sequential one gives: same rows in the same order, same counts, errors
 * and line numbers. Ranges of a few dozen bytes make every test file split into many ranges. Expected line
 * numbers are the ones the test writes its rows on.
 */
class ParallelRecordsTest {
    private static final String HEADER = "id,ticket_id,created_at,author_id,event_type,public\n";

    private final ParallelRecords ranges = new ParallelRecords(61, 2);
    private final TicketEventsReader parallel = new TicketEventsReader(ranges);
    private final TicketEventsReader sequential = new TicketEventsReader(new ParallelRecords(61, 1));

    private static ZendeskReading.Result read(TicketEventsReader reader, String text, DropFormat format) throws Exception {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return ZendeskReading.read(reader, new ZendeskReading.PlainFileContent(bytes), format,
                ZendeskReading.settings(), "drop." + format.code());
    }

    /** Rows on lines 2..n+1; every 7th has an id that is not one; every 11th line ends with CRLF, the 13th is followed by a blank line. */
    private static String csv(int rows, List<Long> badLines, List<Long> goodLines) {
        StringBuilder text = new StringBuilder(HEADER);
        long line = 2;
        for (int i = 1; i <= rows; i++) {
            String id = i % 7 == 0 ? "x" + i : Integer.toString(i);
            text.append(id).append(",10").append(i % 5).append(",2025-06-0").append(1 + i % 9)
                    .append("T1").append(i % 10).append(":00:00Z,50").append(i % 3).append(",Comment,")
                    .append(i % 2 == 0 ? "yes" : "no").append(i % 11 == 0 ? "\r\n" : "\n");
            (i % 7 == 0 ? badLines : goodLines).add(line++);
            if (i % 13 == 0) {
                text.append('\n');
                line++;
            }
        }
        return text.toString();
    }

    private static void assertSame(ZendeskReading.Result actual, ZendeskReading.Result expected) {
        assertThat(actual.rows()).isEqualTo(expected.rows());
        assertThat(actual.context().rowsRead()).isEqualTo(expected.context().rowsRead());
        assertThat(actual.context().rowsRejected()).isEqualTo(expected.context().rowsRejected());
        assertThat(actual.context().errors()).isEqualTo(expected.context().errors());
        assertThat(actual.context().firstDate()).isEqualTo(expected.context().firstDate());
        assertThat(actual.context().lastDate()).isEqualTo(expected.context().lastDate());
    }

    @Test
    void csvInRangesKeepsRowsOrderLinesAndErrors() throws Exception {
        List<Long> bad = new ArrayList<>();
        List<Long> good = new ArrayList<>();
        String text = csv(500, bad, good);

        ZendeskReading.Result result = read(parallel, text, DropFormat.DELIMITED);

        assertThat(result.rows()).hasSize(500 - 71);
        assertThat(result.rows().stream().map(r -> ((Integer) r.get("source_line")).longValue()).toList())
                .isEqualTo(good);
        assertThat(result.row(0)).containsEntry("event_id", 1L).containsEntry("ticket_id", 101L);
        assertThat(result.context().rowsRead()).isEqualTo(500);
        assertThat(result.context().rowsRejected()).isEqualTo(71);
        // Only the first 50 errors are kept, in file order, whichever range they were found in.
        assertThat(result.context().errors()).hasSize(50);
        assertThat(result.context().errors().stream().map(RowError::line).toList()).isEqualTo(bad.subList(0, 50));
        assertThat(result.context().firstDate()).isEqualTo(LocalDate.of(2025, 6, 1));
        assertThat(result.context().lastDate()).isEqualTo(LocalDate.of(2025, 6, 9));
        assertThat(ranges.rangesAppended()).isGreaterThan(100);
        assertThat(ranges.restsReadInSequence()).isZero();
        assertSame(result, read(sequential, text, DropFormat.DELIMITED));
    }

    @Test
    void aQuotedCellEndsTheParallelPartAndTheRestIsReadInOrder() throws Exception {
        List<Long> bad = new ArrayList<>();
        List<Long> good = new ArrayList<>();
        String head = csv(120, bad, good);
        // A quoted event type over two lines, then more rows: from there on the file is read on one thread.
        String text = head + "9001,101,2025-06-02T10:00:00Z,501,\"Com\nment\",yes\n" + csv(60, new ArrayList<>(),
                new ArrayList<>()).substring(HEADER.length());

        ZendeskReading.Result result = read(parallel, text, DropFormat.DELIMITED);

        long quotedLine = good.get(good.size() - 1) + 1 + (bad.get(bad.size() - 1) > good.get(good.size() - 1) ? 1 : 0);
        Map<String, Object> quoted = result.rows().stream().filter(r -> r.get("event_id").equals(9001L)).findFirst().orElseThrow();
        assertThat(quoted).containsEntry("event_type", "Com\nment");
        assertThat(((Integer) quoted.get("source_line")).longValue()).isGreaterThanOrEqualTo(quotedLine);
        // The row after it starts two physical lines later.
        int after = result.rows().indexOf(quoted) + 1;
        assertThat(result.row(after)).containsEntry("event_id", 1L)
                .containsEntry("source_line", (Integer) quoted.get("source_line") + 2);
        assertThat(ranges.rangesAppended()).isGreaterThan(10);
        assertThat(ranges.restsReadInSequence()).isEqualTo(1);
        assertSame(result, read(sequential, text, DropFormat.DELIMITED));
    }

    private static String jsonLines(int records) {
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= records; i++) {
            text.append("{\"id\": ").append(i % 9 == 0 ? "\"x\"" : Integer.toString(i))
                    .append(", \"ticket_id\": 7, \"created_at\": \"2025-06-01T10:00:00Z\", \"author_id\": 5, ")
                    .append("\"event_type\": \"Comment\", \"public\": true}\n");
        }
        return text.toString();
    }

    @Test
    void jsonLinesInRangesKeepRecordNumbers() throws Exception {
        String text = jsonLines(300);

        ZendeskReading.Result result = read(parallel, text, DropFormat.JSON_LINES);

        assertThat(result.rows()).hasSize(300 - 33);
        assertThat(result.row(7)).containsEntry("event_id", 8L).containsEntry("source_line", 8);
        assertThat(result.row(8)).containsEntry("event_id", 10L).containsEntry("source_line", 10);
        assertThat(result.context().errors().get(1).line()).isEqualTo(18);
        assertThat(ranges.rangesAppended()).isGreaterThan(100);
        assertSame(result, read(sequential, text, DropFormat.JSON_LINES));
    }

    @Test
    void aRecordOverSeveralLinesOrTwoOnOneLineFallBackToOneThread() throws Exception {
        String multiLine = "{\"id\": 9001, \"ticket_id\": 7,\n \"created_at\": \"2025-06-02T10:00:00Z\"}\n";
        String twoOnOneLine = "{\"id\": 9002, \"ticket_id\": 7, \"created_at\": \"2025-06-02T10:00:00Z\"} "
                + "{\"id\": 9003, \"ticket_id\": 7, \"created_at\": \"2025-06-02T11:00:00Z\"}\n";
        for (String odd : List.of(multiLine, twoOnOneLine)) {
            String text = jsonLines(100) + odd + jsonLines(100);

            ZendeskReading.Result result = read(parallel, text, DropFormat.JSON_LINES);

            // Records 1..100, the odd one(s) as records 101 (and 102), then 100 more.
            int oddRecords = odd == multiLine ? 1 : 2;
            assertThat(result.context().rowsRead()).isEqualTo(200 + oddRecords);
            assertThat(result.rows().get(result.rows().size() - 1)).containsEntry("event_id", 100L)
                    .containsEntry("source_line", 200 + oddRecords);
            assertSame(result, read(sequential, text, DropFormat.JSON_LINES));
        }
        assertThat(ranges.rangesAppended()).isGreaterThan(50);
        assertThat(ranges.restsReadInSequence()).isEqualTo(2);
    }

    @Test
    void aBrokenLineInALaterRangeIsMalformedAtItsLine() throws Exception {
        String text = jsonLines(150) + "{\"id\": 1, \"ticket_id\": }\n" + jsonLines(150);

        MalformedDropException inParallel = catchMalformed(parallel, text);
        MalformedDropException inSequence = catchMalformed(sequential, text);

        assertThat(inParallel.error().line()).isEqualTo(151);
        assertThat(inParallel.error()).isEqualTo(inSequence.error());
        assertThat(ranges.rangesAppended()).isGreaterThan(50);
    }

    private static MalformedDropException catchMalformed(TicketEventsReader reader, String text) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> read(reader, text, DropFormat.JSON_LINES));
        assertThat(thrown).isInstanceOf(MalformedDropException.class);
        return (MalformedDropException) thrown;
    }

    @Test
    void aFileBelowTwoRangesIsReadAsBefore() throws Exception {
        String text = HEADER + "1,101,2025-06-01T08:00:00Z,501,Comment,yes\n";
        ZendeskReading.Result result = read(parallel, text, DropFormat.DELIMITED);
        assertThat(result.rows()).hasSize(1);
        assertThat(ranges.rangesAppended()).isZero();
        assertThatThrownBy(() -> read(parallel, "id,id\n" + "1,2\n".repeat(100), DropFormat.DELIMITED))
                .isInstanceOf(MalformedDropException.class).hasMessageContaining("column appears twice");
    }
}
