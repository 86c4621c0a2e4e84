package org.measures311.ingest.zendesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.measures311.ingest.DropFormat;

/** Names, emails, subjects, descriptions and comment bodies in the inputs never reach the Arrow output. */
class NoPersonalDataTest {
    private static final List<String> PERSONAL = List.of(
            "Alex Sample", "alex.sample@example.com", "Bea Fake", "bea.fake@example.com", "Missed pickup",
            "12 Elm St", "Car blocking", "Dana Sample", "dana.sample@example.com", "Pothole on 5th", "555-0100",
            "too slow", "Casey Example", "casey.example@example.com", "Jordan Placeholder", "internal note",
            "Hello, my name", "192.0.2.10", "Robin Sample", "secret body");

    private static void assertNoPersonalData(ZendeskReading.Result result) {
        assertThat(result.rows()).isNotEmpty();
        String bytes = new String(result.arrow(), StandardCharsets.ISO_8859_1);
        for (String personal : PERSONAL) {
            assertThat(bytes).doesNotContain(personal);
        }
    }

    @Test
    void ticketsDropSubjectsDescriptionsAndRequesters() throws Exception {
        assertNoPersonalData(ZendeskReading.resource(new TicketsReader(), "tickets.csv", DropFormat.DELIMITED));
        assertNoPersonalData(ZendeskReading.resource(new TicketsReader(), "tickets_zendesk_api.jsonl", DropFormat.JSON_LINES));
    }

    @Test
    void eventsDropCommentBodies() throws Exception {
        assertNoPersonalData(ZendeskReading.resource(new TicketEventsReader(), "ticket_events_export.jsonl", DropFormat.JSON_LINES));
    }

    @Test
    void usersDropNamesAndEmails() throws Exception {
        assertNoPersonalData(ZendeskReading.resource(new UsersReader(), "users.json", DropFormat.JSON_ARRAY));
    }

    @Test
    void parquetColumnsNotWantedAreNotRead(@TempDir Path dir) throws Exception {
        Path file = ParquetTestFiles.write(dir, "t.parquet",
                "message t { required int64 id; required binary created_at (STRING); optional binary subject (STRING);"
                        + " optional binary requester_name (STRING); }",
                CompressionCodecName.UNCOMPRESSED,
                List.of(Map.of("id", 1L, "created_at", "2025-06-01T00:00:00Z", "subject", "Pothole on 5th",
                        "requester_name", "Robin Sample")));
        assertNoPersonalData(ZendeskReading.readFile(new TicketsReader(), file, DropFormat.PARQUET, ZendeskReading.settings()));
    }
}
