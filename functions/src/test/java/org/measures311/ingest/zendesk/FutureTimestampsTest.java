package org.measures311.ingest.zendesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.measures311.ingest.DropFormat;
import org.measures311.ingest.DropReader;
import org.measures311.ingest.FutureLimit;
import org.measures311.ingest.ReadContext;
import org.measures311.ingest.RowError;

/**
 * Zendesk rows dated after tomorrow in the program's zone (Portland by default) are refused with the line and
 * column, as CMS rows are; the rest of the drop is kept. The clock reads noon on 2026-11-23 in Portland, so the
 * last instant taken is 2026-11-25T07:59:59.999Z and the first refused 2026-11-25T08:00:00Z.
 */
class FutureTimestampsTest {
    private static final Clock NOON_NOV_23_PORTLAND = Clock.fixed(Instant.parse("2026-11-23T20:00:00Z"), ZoneOffset.UTC);
    private static final String LIMIT = " is in the future (latest accepted: 2026-11-24)";

    /** A context of a drop read at noon on 2026-11-23 in the program's zone. */
    private static ReadContext context(String name, DropFormat format) {
        return new ReadContext(name, format, ZendeskReading.settings(),
                FutureLimit.of(NOON_NOV_23_PORTLAND, ZendeskReading.settings().programTimeZone()));
    }

    private static ZendeskReading.Result read(DropReader reader, String text, DropFormat format) throws Exception {
        return ZendeskReading.read(reader, new ZendeskReading.BytesContent(text.getBytes(StandardCharsets.UTF_8)),
                context("drop." + format.code(), format));
    }

    @Test
    void eventsInCsvAfterTomorrowAreRowErrors() throws Exception {
        String csv = """
                id,ticket_id,created_at,author_id,event_type,public
                1,101,2025-06-01T08:00:00Z,501,Comment,true
                2,101,2026-11-25T07:59:59Z,501,Comment,true
                3,101,2026-11-25T08:00:00Z,501,Comment,true
                4,102,2052-06-01T00:00:00Z,501,Comment,true
                """;
        ZendeskReading.Result result = read(new TicketEventsReader(), csv, DropFormat.DELIMITED);

        assertThat(result.rows()).extracting(r -> r.get("event_id")).containsExactly(1L, 2L);
        assertThat(result.context().errors()).containsExactly(
                new RowError("drop.delimited", 4, "created_at", "timestamp 2026-11-25T08:00:00Z" + LIMIT),
                new RowError("drop.delimited", 5, "created_at", "timestamp 2052-06-01T00:00:00Z" + LIMIT));
        assertThat(result.context().lastDate()).isEqualTo(LocalDate.of(2026, 11, 24));
    }

    @Test
    void eventsInJsonLinesAsUnixSecondsOrTextAreJudgedAlike() throws Exception {
        // 2600000000 s is 2052-05-22T14:13:20Z; 1795593599 s is the last second taken.
        String jsonl = """
                {"id":1,"ticket_id":101,"created_at":1795593599,"author_id":501,"event_type":"Comment"}
                {"id":2,"ticket_id":101,"created_at":2600000000,"author_id":501,"event_type":"Comment"}
                {"id":3,"ticket_id":101,"created_at":"2600000000","author_id":501,"event_type":"Comment"}
                {"id":4,"ticket_id":101,"created_at":"2052-06-01T00:00:00Z","author_id":501,"event_type":"Comment"}
                """;
        ZendeskReading.Result result = read(new TicketEventsReader(), jsonl, DropFormat.JSON_LINES);

        assertThat(result.rows()).extracting(r -> r.get("event_id")).containsExactly(1L);
        assertThat(result.context().errors()).extracting(RowError::line, RowError::column, RowError::message).containsExactly(
                tuple(2L, "created_at", "timestamp 2052-05-22T14:13:20Z" + LIMIT),
                tuple(3L, "created_at", "timestamp 2052-05-22T14:13:20Z" + LIMIT),
                tuple(4L, "created_at", "timestamp 2052-06-01T00:00:00Z" + LIMIT));
    }

    @Test
    void eventsReadInParallelRangesAreJudgedInEveryRange() throws Exception {
        StringBuilder csv = new StringBuilder("id,ticket_id,created_at,author_id,event_type,public\n");
        for (int i = 1; i <= 40; i++) {
            csv.append(i).append(",101,").append(i % 10 == 0 ? "2052-06-01T00:00:00Z" : "2025-06-01T08:00:00Z")
                    .append(",501,Comment,true\n");
        }
        TicketEventsReader parallel = new TicketEventsReader(new ParallelRecords(61, 2));
        ZendeskReading.Result result = ZendeskReading.read(parallel,
                new ZendeskReading.PlainFileContent(csv.toString().getBytes(StandardCharsets.UTF_8)),
                context("events.csv", DropFormat.DELIMITED));

        assertThat(result.rows()).hasSize(36);
        assertThat(result.context().errors()).extracting(RowError::line).containsExactly(11L, 21L, 31L, 41L);
    }

    @Test
    void aTicketCreatedOrUpdatedAfterTomorrowIsRefused() throws Exception {
        // A future updated_at would make that version of the ticket win over every later correction.
        String csv = """
                id,created_at,updated_at,status
                1,2025-06-01T08:00:00Z,2025-06-02T08:00:00Z,solved
                2,2052-06-01T00:00:00Z,,open
                3,2025-06-01T08:00:00Z,2052-06-01 00:00:00,solved
                4,2025-06-01T08:00:00Z,,open
                """;
        ZendeskReading.Result result = read(new TicketsReader(), csv, DropFormat.DELIMITED);

        assertThat(result.rows()).extracting(r -> r.get("ticket_id")).containsExactly(1L, 4L);
        assertThat(result.context().errors()).containsExactly(
                new RowError("drop.delimited", 3, "created_at", "timestamp 2052-06-01T00:00:00Z" + LIMIT),
                new RowError("drop.delimited", 4, "updated_at", "timestamp 2052-06-01T00:00:00Z" + LIMIT));
    }

    @Test
    void aUserUpdatedAfterTomorrowIsRefused() throws Exception {
        String jsonl = """
                {"id":501,"role":"agent","updated_at":"2025-05-01T00:00:00Z","user_fields":{"csr_311":true}}
                {"id":502,"role":"agent","updated_at":"2052-06-01T00:00:00Z","user_fields":{"csr_311":true}}
                """;
        ZendeskReading.Result result = read(new UsersReader(), jsonl, DropFormat.JSON_LINES);

        assertThat(result.rows()).extracting(r -> r.get("user_id")).containsExactly(501L);
        assertThat(result.context().errors()).containsExactly(
                new RowError("drop.jsonl", 2, "updated_at", "timestamp 2052-06-01T00:00:00Z" + LIMIT));
    }
}
