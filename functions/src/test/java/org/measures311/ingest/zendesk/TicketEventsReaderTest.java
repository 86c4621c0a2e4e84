package org.measures311.ingest.zendesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.measures311.ingest.zendesk.ZendeskReading.read;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.measures311.ingest.DropFormat;
import org.measures311.ingest.RowError;

class TicketEventsReaderTest {
    private static final long JUNE_1 = 1_748_736_000_000L;
    private static final long HOUR = 3_600_000L;
    private static final long DAY = 86_400_000L;

    private final TicketEventsReader reader = new TicketEventsReader();

    private static Map<String, Object> event(long id, long ticket, long created, Long author, String type,
            boolean isPublic, int line) {
        Map<String, Object> row = new HashMap<>();
        row.put("event_id", id);
        row.put("ticket_id", ticket);
        row.put("created_at", created);
        row.put("author_id", author);
        row.put("event_type", type);
        row.put("is_public", isPublic);
        row.put("source_line", line);
        return row;
    }

    @Test
    void flattensIncrementalExportRecordsIntoTheAuditAndItsCommentChildren() throws Exception {
        ZendeskReading.Result result = ZendeskReading.resource(reader, "ticket_events_export.jsonl", DropFormat.JSON_LINES);

        long june10At16 = JUNE_1 + 9 * DAY + 16 * HOUR;
        assertThat(result.rows()).containsExactly(
                event(9001, 201, june10At16, 501L, "Audit", false, 1),
                event(9002, 201, june10At16, 501L, "Comment", true, 1),
                event(9010, 201, june10At16 + HOUR, 600L, "Audit", false, 2),
                event(9011, 201, june10At16 + HOUR, 600L, "Comment", false, 2),
                // updater -1 is Zendesk's system user: no human author.
                event(9020, 202, JUNE_1 + 10 * DAY + 10 * HOUR, null, "Audit", false, 3));
        assertThat(result.context().rowsRead()).isEqualTo(5);
        assertThat(result.context().rowsRejected()).isZero();
        assertThat(result.context().firstDate()).isEqualTo(LocalDate.of(2025, 6, 10));
        assertThat(result.context().lastDate()).isEqualTo(LocalDate.of(2025, 6, 11));
    }

    @Test
    void readsTheFlatTableFormFromCsv() throws Exception {
        String csv = """
                id,ticket_id,created_at,author_id,event_type,public,body
                1,101,2025-06-01T08:00:00Z,501,Comment,yes,"Body mentioning alex.sample@example.com"
                2,101,2025-06-01T09:00:00Z,,Status,0,
                3,102,2025-06-02T07:00:00Z,abc,Comment,true,
                4,,2025-06-02T07:00:00Z,501,Comment,true,
                """;
        ZendeskReading.Result result = read(reader, csv, DropFormat.DELIMITED);

        assertThat(result.rows()).containsExactly(
                event(1, 101, JUNE_1 + 8 * HOUR, 501L, "Comment", true, 2),
                event(2, 101, JUNE_1 + 9 * HOUR, null, "Status", false, 3));
        assertThat(result.context().errors()).containsExactly(
                new RowError("drop.delimited", 4, "author_id", "id is not a positive integer"),
                new RowError("drop.delimited", 5, "ticket_id", "required id is missing"));
    }

    /**
     * Plain digit ids reach their slots as integers straight from the CSV parser; every other spelling goes the text
     * way. Both must give what the id rules say for the text, and values repeated from the row before (reused
     * strings) must not leak into the next row.
     */
    @Test
    void csvIdsReadAsIntegersFollowTheTextRules() throws Exception {
        String csv = """
                id,ticket_id,created_at,author_id,event_type,public
                1, 101 ,2025-06-01T08:00:00Z,007,Comment,yes
                2,101,2025-06-01T09:00:00Z,-1,Comment,yes
                3,102,2025-06-01T10:00:00Z,0,Comment,yes
                4,102,2025-06-01T11:00:00Z,12a,Comment,yes
                0,102,2025-06-01T12:00:00Z,501,Comment,yes
                1000000000000000000,102,2025-06-01T13:00:00Z,123456789012345678,Audit,no
                7,102,2025-06-01T14:00:00Z,501,Comment,yes,extra
                8,103,2025-06-01T15:00:00Z,501, Comment ,yes
                """;
        ZendeskReading.Result result = read(reader, csv, DropFormat.DELIMITED);

        assertThat(result.rows()).containsExactly(
                event(1, 101, JUNE_1 + 8 * HOUR, 7L, "Comment", true, 2),
                event(2, 101, JUNE_1 + 9 * HOUR, null, "Comment", true, 3),
                event(1_000_000_000_000_000_000L, 102, JUNE_1 + 13 * HOUR, 123_456_789_012_345_678L, "Audit", false, 7),
                event(8, 103, JUNE_1 + 15 * HOUR, 501L, "Comment", true, 9));
        assertThat(result.context().errors()).containsExactly(
                new RowError("drop.delimited", 4, "author_id", "id is not a positive integer"),
                new RowError("drop.delimited", 5, "author_id", "id is not a positive integer"),
                new RowError("drop.delimited", 6, "id", "id is not a positive integer"),
                new RowError("drop.delimited", 8, "", "expected 6 cells as in the header, found 7"));
    }

    /** The same for created_at: the exact ISO shape is read from the parser's buffer, every other spelling as text. */
    @Test
    void csvTimestampsReadFromTheBufferFollowTheTextRules() throws Exception {
        String csv = """
                id,ticket_id,created_at,author_id,event_type,public
                1,101,2025-06-01T08:00:00Z,501,Comment,yes
                2,101, 2025-06-01T09:00:00+01:00 ,501,Comment,yes
                3,101,2025-06-01 10:00:00 utc,501,Comment,yes
                4,101,1748775600,501,Comment,yes
                5,101,2025-13-01T00:00:00Z,501,Comment,yes
                6,101,2025-06-01T12:00:00.5Z,501,Comment,yes
                """;
        ZendeskReading.Result result = read(reader, csv, DropFormat.DELIMITED);

        assertThat(result.rows()).containsExactly(
                event(1, 101, JUNE_1 + 8 * HOUR, 501L, "Comment", true, 2),
                event(2, 101, JUNE_1 + 8 * HOUR, 501L, "Comment", true, 3),
                event(3, 101, JUNE_1 + 10 * HOUR, 501L, "Comment", true, 4),
                // 1748775600 s = 2025-06-01T11:00:00Z
                event(4, 101, JUNE_1 + 11 * HOUR, 501L, "Comment", true, 5),
                event(6, 101, JUNE_1 + 12 * HOUR + 500, 501L, "Comment", true, 7));
        assertThat(result.context().errors()).containsExactly(
                new RowError("drop.delimited", 6, "created_at", "not an ISO 8601 timestamp or Unix seconds"));
    }

    /**
     * JSON integers in id fields and ISO strings in created_at are read from Jackson without their text; they must
     * mean what their text means: numbers and digit strings alike, -1 as no author, 0 and negatives rejected, an
     * integer past a long read as text (rejected as too long), timestamps in every other spelling read as text.
     */
    @Test
    void jsonIdsAndTimestampsReadTypedFollowTheTextRules() throws Exception {
        String jsonl = """
                {"id":1,"ticket_id":"101","created_at":"2025-06-01T08:00:00Z","author_id":7,"event_type":"Comment","public":true}
                {"id":2,"ticket_id":101,"created_at":" 2025-06-01T09:00:00+01:00 ","author_id":-1,"event_type":"Comment","public":"yes"}
                {"id":3,"ticket_id":102,"created_at":"2025-06-01 10:00:00 utc","author_id":0,"event_type":"Comment","public":true}
                {"id":-4,"ticket_id":102,"created_at":"2025-06-01T11:00:00Z","author_id":501,"event_type":"Comment","public":true}
                {"id":123456789012345678901,"ticket_id":102,"created_at":"2025-06-01T11:00:00Z","author_id":501,"event_type":"Comment","public":true}
                {"id":6,"ticket_id":102,"created_at":1748775600,"author_id":9223372036854775807,"event_type":"Audit","public":false}
                {"id":7,"ticket_id":102,"created_at":"2025-13-01T00:00:00Z","author_id":501,"event_type":"Comment","public":true}
                {"id":8,"ticket_id":103,"created_at":"2025-06-01T12:00:00.5Z","author_id":"501","event_type":"Comment","public":1}
                """;
        ZendeskReading.Result result = read(reader, jsonl, DropFormat.JSON_LINES);

        assertThat(result.rows()).containsExactly(
                event(1, 101, JUNE_1 + 8 * HOUR, 7L, "Comment", true, 1),
                event(2, 101, JUNE_1 + 8 * HOUR, null, "Comment", true, 2),
                // 1748775600 s = 2025-06-01T11:00:00Z
                event(6, 102, JUNE_1 + 11 * HOUR, Long.MAX_VALUE, "Audit", false, 6),
                event(8, 103, JUNE_1 + 12 * HOUR + 500, 501L, "Comment", true, 8));
        assertThat(result.context().errors()).containsExactly(
                new RowError("drop.jsonl", 3, "author_id", "id is not a positive integer"),
                new RowError("drop.jsonl", 4, "id", "id is not a positive integer"),
                new RowError("drop.jsonl", 5, "id", "id is not a positive integer"),
                new RowError("drop.jsonl", 7, "created_at", "not an ISO 8601 timestamp or Unix seconds"));
    }

    @Test
    void acceptsAuthorAndTypeAliasesInAJsonArray() throws Exception {
        String json = """
                [{"id":4,"ticket_id":103,"created_at":"2025-06-03T12:00:00Z","user_id":502,"type":"Comment","public":1},
                 {"id":5,"ticket_id":103,"created_at":"2025-06-03T13:00:00Z","updater_id":503,"type":"Comment","public":"no"}]
                """;
        ZendeskReading.Result result = read(reader, json, DropFormat.JSON_ARRAY);

        assertThat(result.rows()).containsExactly(
                event(4, 103, JUNE_1 + 2 * DAY + 12 * HOUR, 502L, "Comment", true, 1),
                event(5, 103, JUNE_1 + 2 * DAY + 13 * HOUR, 503L, "Comment", false, 2));
    }

    @Test
    void rejectsTheCommentsOfARejectedExportRecordWithIt() throws Exception {
        String jsonl = """
                {"id":1,"ticket_id":7,"created_at":"yesterday","updater_id":5,"child_events":[{"id":2,"type":"Comment","author_id":5,"public":true},{"id":3,"type":"Change"}]}
                """;
        ZendeskReading.Result result = read(reader, jsonl, DropFormat.JSON_LINES);

        assertThat(result.rows()).isEmpty();
        assertThat(result.context().rowsRead()).isEqualTo(2);
        assertThat(result.context().rowsRejected()).isEqualTo(2);
        assertThat(result.context().errors()).first().isEqualTo(
                new RowError("drop.jsonl", 1, "created_at", "not an ISO 8601 timestamp or Unix seconds"));
    }

    @Test
    void readsParquetEvents(@TempDir Path dir) throws Exception {
        String schema = """
                message event {
                  required int64 id;
                  required int64 ticket_id;
                  required binary created_at (STRING);
                  optional int64 author_id;
                  optional binary event_type (STRING);
                  optional boolean public;
                  optional binary body (STRING);
                }""";
        Path file = ParquetTestFiles.write(dir, "events.parquet", schema, CompressionCodecName.SNAPPY, List.of(
                Map.of("id", 11L, "ticket_id", 301L, "created_at", "1748736000", "author_id", 501L,
                        "event_type", "Comment", "public", true, "body", "secret body"),
                Map.of("id", 12L, "ticket_id", 301L, "created_at", "2025-06-01T01:00:00Z", "public", false)));

        ZendeskReading.Result result = ZendeskReading.readFile(reader, file, DropFormat.PARQUET, ZendeskReading.settings());

        assertThat(result.rows()).containsExactly(
                event(11, 301, JUNE_1, 501L, "Comment", true, 1),
                event(12, 301, JUNE_1 + HOUR, null, null, false, 2));
    }

    /** Typed columns are read without text: the same validation applies as to their text in CSV. */
    @Test
    void readsTypedParquetIdsAndTimestampsWithTheTextRules(@TempDir Path dir) throws Exception {
        String schema = """
                message event {
                  required int64 id;
                  required int64 ticket_id;
                  required int64 created_at (TIMESTAMP(MICROS,true));
                  optional int64 author_id;
                  optional binary event_type (STRING);
                }""";
        long juneMicros = JUNE_1 * 1000;
        Path file = ParquetTestFiles.write(dir, "typed.parquet", schema, CompressionCodecName.SNAPPY, List.of(
                // 999 microseconds past the hour: milliseconds are truncated, as from "...:00.000999Z".
                Map.of("id", 21L, "ticket_id", 301L, "created_at", juneMicros + 999, "author_id", -1L, "event_type", "Audit"),
                Map.of("id", 0L, "ticket_id", 301L, "created_at", juneMicros),
                Map.of("id", 23L, "ticket_id", 301L, "created_at", juneMicros, "author_id", -5L),
                // One microsecond before the epoch is 1969-12-31T23:59:59.999999Z: millisecond -1.
                Map.of("id", 24L, "ticket_id", 302L, "created_at", -1L, "author_id", 7L)));

        ZendeskReading.Result result = ZendeskReading.readFile(reader, file, DropFormat.PARQUET, ZendeskReading.settings());

        assertThat(result.rows()).containsExactly(
                event(21, 301, JUNE_1, null, "Audit", false, 1),
                event(24, 302, -1, 7L, null, false, 4));
        assertThat(result.context().errors()).extracting(RowError::line, RowError::column, RowError::message)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(2L, "id", "id is not a positive integer"),
                        org.assertj.core.groups.Tuple.tuple(3L, "author_id", "id is not a positive integer"));
    }
}
