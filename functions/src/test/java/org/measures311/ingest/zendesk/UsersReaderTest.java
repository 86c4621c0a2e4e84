package org.measures311.ingest.zendesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.measures311.ingest.zendesk.ZendeskReading.read;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.measures311.config.Settings;
import org.measures311.ingest.DropFormat;

class UsersReaderTest {
    private final UsersReader reader = new UsersReader();

    @Test
    void readsCsrMarkerFromUserFieldsInAJsonArray() throws Exception {
        ZendeskReading.Result result = ZendeskReading.resource(reader, "users.json", DropFormat.JSON_ARRAY);

        // 2025-05-01T00:00Z = 1748736000 - 31 days = 1746057600.
        assertThat(result.rows()).extracting(r -> r.get("user_id"), r -> r.get("role"), r -> r.get("updated_at"),
                r -> r.get("is_csr"), r -> r.get("source_line")).containsExactly(
                tuple(501L, "agent", 1_746_057_600_000L, true, 1),
                tuple(502L, "agent", 1_746_057_600_000L, true, 2),
                tuple(503L, "end-user", null, false, 3),
                tuple(504L, "agent", null, false, 4),
                tuple(505L, "admin", null, true, 5));
        // Users touch no dates: a CSR change affects every date.
        assertThat(result.context().firstDate()).isNull();
    }

    @Test
    void readsCsrMarkerFromAUserFieldsJsonColumnOrAFlatColumnInCsv() throws Exception {
        String csv = """
                id,name,email,role,updated_at,user_fields,csr_311
                1,Sam Placeholder,sam@example.com,agent,2025-05-01T00:00:00Z,"{""csr_311"": 1}",
                2,Lee Placeholder,lee@example.com,agent,,,YES
                3,Kim Placeholder,kim@example.com,agent,,"{""csr_311"": ""no""}",
                4,Ray Placeholder,ray@example.com,end-user,,,
                """;
        ZendeskReading.Result result = read(reader, csv, DropFormat.DELIMITED);

        assertThat(result.rows()).extracting(r -> r.get("user_id"), r -> r.get("is_csr"), r -> r.get("source_line"))
                .containsExactly(tuple(1L, true, 2), tuple(2L, true, 3), tuple(3L, false, 4), tuple(4L, false, 5));
    }

    @Test
    void csrKeyIsASetting() throws Exception {
        Settings settings = Settings.fromEnvironment(Map.of(Settings.ZENDESK_CSR_FIELD, "is_311_staff"));
        String jsonl = """
                {"id": 1, "user_fields": {"csr_311": true, "is_311_staff": false}}
                {"id": 2, "user_fields": {"is_311_staff": "true"}}
                """;
        ZendeskReading.Result result = read(reader, jsonl, DropFormat.JSON_LINES, settings);

        assertThat(result.rows()).extracting(r -> r.get("user_id"), r -> r.get("is_csr"))
                .containsExactly(tuple(1L, false), tuple(2L, true));
    }

    @Test
    void readsCsrMarkerFromAParquetStruct(@TempDir Path dir) throws Exception {
        String schema = """
                message user {
                  required int64 id;
                  optional binary name (STRING);
                  optional binary role (STRING);
                  optional int64 updated_at (TIMESTAMP(MILLIS,true));
                  optional group user_fields { optional boolean csr_311; optional binary team (STRING); }
                }""";
        Path file = ParquetTestFiles.write(dir, "users.parquet", schema, CompressionCodecName.GZIP, List.of(
                Map.of("id", 501L, "name", "Casey Example", "role", "agent", "updated_at", 1_746_057_600_000L,
                        "user_fields", Map.of("csr_311", true, "team", "A")),
                Map.of("id", 502L, "role", "agent", "user_fields", Map.of("team", "B")),
                Map.of("id", 503L)));

        ZendeskReading.Result result = ZendeskReading.readFile(reader, file, DropFormat.PARQUET, ZendeskReading.settings());

        assertThat(result.rows()).extracting(r -> r.get("user_id"), r -> r.get("role"), r -> r.get("updated_at"),
                r -> r.get("is_csr")).containsExactly(
                tuple(501L, "agent", 1_746_057_600_000L, true),
                tuple(502L, "agent", null, false),
                tuple(503L, null, null, false));
    }
}
