package org.measures311.ingest.zendesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.measures311.ingest.zendesk.ZendeskReading.read;
import static org.measures311.ingest.zendesk.ZendeskReading.readFile;
import static org.measures311.ingest.zendesk.ZendeskReading.resource;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.measures311.config.Settings;
import org.measures311.ingest.DropFormat;
import org.measures311.ingest.RowError;

class TicketsReaderTest {
    private static final long JUNE_1 = 1_748_736_000_000L; // 2025-06-01T00:00Z in ms, see the resources README

    private final TicketsReader reader = new TicketsReader();

    private static Map<String, Object> ticket(long id, long created, Long updated, String status, String via,
            String contact, String category, String satisfaction, int line) {
        Map<String, Object> row = new HashMap<>();
        row.put("ticket_id", id);
        row.put("created_at", created);
        row.put("updated_at", updated);
        row.put("status", status);
        row.put("via_channel", via);
        row.put("contact_type", contact);
        row.put("category", category);
        row.put("satisfaction", satisfaction);
        row.put("source_line", line);
        return row;
    }

    @Test
    void readsFlatCsvAndRejectsRowsWithoutIdOrCreatedAt() throws Exception {
        ZendeskReading.Result result = resource(reader, "tickets.csv", DropFormat.DELIMITED);

        assertThat(result.rows()).containsExactly(
                ticket(101, JUNE_1 + 27_000_000L, JUNE_1 + 32_400_000L, "solved", "email", "email", "Trash & Recycling", "good", 2),
                ticket(102, JUNE_1 + 86_400_000L + 25_199_000L, 1_748_851_200_000L, "open", "web", "webform", "Parking", null, 3),
                ticket(103, 1_748_851_200_000L, null, "pending", "api", "in_person", null, "bad", 5));
        assertThat(result.context().rowsRead()).isEqualTo(5);
        assertThat(result.context().rowsRejected()).isEqualTo(2);
        assertThat(result.context().errors()).containsExactly(
                new RowError("tickets.csv", 6, "id", "required id is missing"),
                new RowError("tickets.csv", 7, "created_at", "not an ISO 8601 timestamp or Unix seconds"));
        // 102 was created 06:59:59 UTC on June 2 = 23:59:59 on June 1 in Portland; 103 at 01:00 on June 2.
        assertThat(result.context().firstDate()).isEqualTo(LocalDate.of(2025, 6, 1));
        assertThat(result.context().lastDate()).isEqualTo(LocalDate.of(2025, 6, 2));
    }

    @Test
    void toleratesUtf8ByteOrderMark() throws Exception {
        ZendeskReading.Result result = resource(reader, "tickets_bom.csv", DropFormat.DELIMITED);

        assertThat(result.rows()).extracting(r -> r.get("ticket_id")).containsExactly(101L);
    }

    @Test
    void readsZendeskApiJsonWithCustomFieldsWhenTheirIdsAreConfigured() throws Exception {
        Settings settings = Settings.fromEnvironment(Map.of(
                Settings.ZENDESK_CONTACT_TYPE_FIELD_ID, "360001", Settings.ZENDESK_CATEGORY_FIELD_ID, "360002"));
        ZendeskReading.Result result = ZendeskReading.read(reader,
                ZendeskReadingFiles.text("tickets_zendesk_api.jsonl"), DropFormat.JSON_LINES, settings);

        assertThat(result.rows()).containsExactly(
                ticket(201, 1_749_571_200_000L, 1_749_574_800_000L, "closed", "email", "webform", "Streets", "bad", 1),
                ticket(202, 1_749_636_000_000L, null, "new", "chat", "chat", null, null, 2));
    }

    @Test
    void withoutConfiguredCustomFieldIdsUsesOnlyFlatColumns() throws Exception {
        ZendeskReading.Result result = resource(reader, "tickets_zendesk_api.jsonl", DropFormat.JSON_LINES);

        assertThat(result.rows()).extracting(r -> r.get("contact_type"), r -> r.get("category"))
                .containsOnly(org.assertj.core.groups.Tuple.tuple(null, null));
    }

    @Test
    void readsCustomFieldsHeldAsJsonTextInACsvColumn() throws Exception {
        Settings settings = Settings.fromEnvironment(Map.of(Settings.ZENDESK_CONTACT_TYPE_FIELD_ID, "77"));
        String csv = """
                id,created_at,custom_fields,contact_type
                1,2025-07-01T12:00:00Z,"[{""id"":77,""value"":""Front Desk""},{""id"":78,""value"":""x""}]",Email
                2,2025-07-01T12:00:00Z,"[{""id"":78,""value"":""x""}]",Email
                3,2025-07-01T12:00:00Z,"[{""id"":77,",Email
                """;
        ZendeskReading.Result result = read(reader, csv, DropFormat.DELIMITED, settings);

        // Ticket 2 lacks entry 77 and falls back to the flat column; ticket 3's cell is broken JSON.
        assertThat(result.rows()).extracting(r -> r.get("ticket_id"), r -> r.get("contact_type")).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1L, "in_person"),
                org.assertj.core.groups.Tuple.tuple(2L, "email"));
        assertThat(result.context().errors()).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(4);
            assertThat(e.column()).isEqualTo("custom_fields");
            assertThat(e.message()).startsWith("not valid JSON");
        });
    }

    @Test
    void readsJsonArray() throws Exception {
        String json = """
                [
                  {"id": 7, "created_at": "2025-07-31T23:30:00-07:00", "status": "solved", "via_channel": "web",
                   "contact_type": "web_form", "category": "Graffiti", "satisfaction": "GOOD"},
                  {"id": "8", "created_at": "1753920000", "contact_type": "phone"}
                ]
                """;
        ZendeskReading.Result result = read(reader, json, DropFormat.JSON_ARRAY);

        // 2025-07-31T23:30-07:00 = 2025-08-01T06:30Z = June 1 + 61 days + 6.5 h; 1753920000 = 2025-07-31T00:00Z.
        assertThat(result.rows()).containsExactly(
                ticket(7, JUNE_1 + 61 * 86_400_000L + 23_400_000L, null, "solved", "web", "webform", "Graffiti", "good", 1),
                ticket(8, 1_753_920_000_000L, null, null, null, "phone", null, null, 2));
        assertThat(result.context().lastDate()).isEqualTo(LocalDate.of(2025, 7, 31));
        assertThat(result.context().firstDate()).isEqualTo(LocalDate.of(2025, 7, 30));
    }

    @ParameterizedTest
    @EnumSource(value = CompressionCodecName.class, names = {"UNCOMPRESSED", "SNAPPY", "GZIP", "ZSTD"})
    void readsParquetWithNestedViaAndTimestampTypes(CompressionCodecName codec, @TempDir Path dir) throws Exception {
        String schema = """
                message ticket {
                  required int64 id;
                  required int64 created_at (TIMESTAMP(MICROS,true));
                  optional binary updated_at (STRING);
                  optional binary status (STRING);
                  optional group via { optional binary channel (STRING); }
                  optional binary contact_type (STRING);
                  optional binary category (STRING);
                  optional binary subject (STRING);
                  optional group satisfaction_rating { optional binary score (STRING); }
                }""";
        List<Map<String, Object>> rows = Arrays.asList(
                Map.of("id", 301L, "created_at", (JUNE_1 + 3_600_000L) * 1000L, "updated_at", "2025-06-01T02:00:00+00:00",
                        "status", "open", "via", Map.of("channel", "email"), "contact_type", "E-mail",
                        "subject", "Noise complaint from Robin Sample", "satisfaction_rating", Map.of("score", "good")),
                Map.of("id", 302L, "created_at", JUNE_1 * 1000L, "contact_type", "Carrier pigeon", "category", "Misc"));
        Path file = ParquetTestFiles.write(dir, "tickets.parquet", schema, codec, rows);

        ZendeskReading.Result result = readFile(reader, file, DropFormat.PARQUET, ZendeskReading.settings());

        assertThat(result.rows()).containsExactly(
                ticket(301, JUNE_1 + 3_600_000L, JUNE_1 + 7_200_000L, "open", "email", "email", null, "good", 1),
                ticket(302, JUNE_1, null, null, null, "other", "Misc", null, 2));
        assertThat(result.context().firstDate()).isEqualTo(LocalDate.of(2025, 5, 31));
    }
}
