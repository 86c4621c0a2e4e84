package org.measures311.reliability;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.measures311.ingest.zendesk.ParquetTestFiles;

/**
 * The same few Zendesk records written in every format the landing zone accepts: CSV, JSON Lines, JSON array,
 * Parquet, and gzip of CSV and JSON Lines. Records are flat (column name to text; ids are numbers), so that every
 * format carries exactly the same values and must yield exactly the same facts.
 */
final class ZendeskFormats {
    record Table(String folder, String name, String parquetSchema, List<Map<String, Object>> records) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Three tickets, three events (one before its ticket's creation day is irrelevant here), two users. */
    static List<Table> tables() {
        return List.of(
                new Table("zendesk/tickets/formats/", "tickets",
                        "message tickets { required int64 id; required binary created_at (STRING); optional binary updated_at (STRING);"
                                + " optional binary status (STRING); optional binary via_channel (STRING);"
                                + " optional binary contact_type (STRING); optional binary category (STRING);"
                                + " optional binary satisfaction (STRING); }",
                        List.of(record("id", 7401L, "created_at", "2025-07-01T16:00:00Z", "updated_at", "2025-07-01T18:00:00Z",
                                        "status", "solved", "via_channel", "email", "contact_type", "Email", "category", "Water",
                                        "satisfaction", "good"),
                                record("id", 7402L, "created_at", "2025-07-02T16:30:00Z", "updated_at", "2025-07-02T17:00:00Z",
                                        "status", "open", "via_channel", "web", "contact_type", "Web form", "category", "Trash",
                                        "satisfaction", "bad"),
                                record("id", 7403L, "created_at", "2025-07-03T20:00:00Z", "updated_at", "2025-07-03T20:00:00Z",
                                        "status", "solved", "via_channel", "web", "contact_type", "In-Person", "category", "Parking",
                                        "satisfaction", "offered"))),
                new Table("zendesk/ticket_events/formats/", "events",
                        "message events { required int64 id; required int64 ticket_id; required binary created_at (STRING);"
                                + " optional int64 author_id; optional binary event_type (STRING); optional binary public (STRING); }",
                        List.of(record("id", 9401L, "ticket_id", 7401L, "created_at", "2025-07-01T17:00:00Z", "author_id", 611L,
                                        "event_type", "Comment", "public", "true"),
                                record("id", 9402L, "ticket_id", 7402L, "created_at", "2025-07-02T16:31:00Z", "author_id", 611L,
                                        "event_type", "Comment", "public", "false"),
                                record("id", 9403L, "ticket_id", 7403L, "created_at", "2025-07-03T21:00:00Z", "author_id", 612L,
                                        "event_type", "Comment", "public", "yes"))),
                new Table("zendesk/users/formats/", "users",
                        "message users { required int64 id; optional binary role (STRING); optional binary updated_at (STRING);"
                                + " optional binary csr_311 (STRING); }",
                        List.of(record("id", 611L, "role", "agent", "updated_at", "2025-06-01T00:00:00Z", "csr_311", "true"),
                                record("id", 612L, "role", "agent", "updated_at", "2025-06-01T00:00:00Z", "csr_311", "no"))));
    }

    /** File extension to bytes, for every accepted format of the table. */
    static Map<String, byte[]> everyFormat(Table table, Path scratch) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        byte[] csv = csv(table.records());
        byte[] jsonLines = jsonLines(table.records());
        files.put("csv", csv);
        files.put("jsonl", jsonLines);
        files.put("json", jsonArray(table.records()));
        files.put("parquet", parquet(table, scratch));
        files.put("csv.gz", gzip(csv));
        files.put("jsonl.gz", gzip(jsonLines));
        return files;
    }

    private static Map<String, Object> record(Object... keysAndValues) {
        Map<String, Object> r = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            r.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return r;
    }

    private static byte[] csv(List<Map<String, Object>> records) {
        StringBuilder out = new StringBuilder(String.join(",", records.get(0).keySet())).append('\n');
        for (Map<String, Object> r : records) {
            List<String> cells = new ArrayList<>();
            r.values().forEach(v -> cells.add(String.valueOf(v)));
            out.append(String.join(",", cells)).append('\n');
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] jsonLines(List<Map<String, Object>> records) {
        StringBuilder out = new StringBuilder();
        records.forEach(r -> out.append(object(r)).append('\n'));
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] jsonArray(List<Map<String, Object>> records) {
        List<String> objects = records.stream().map(ZendeskFormats::object).toList();
        return ("[\n  " + String.join(",\n  ", objects) + "\n]\n").getBytes(StandardCharsets.UTF_8);
    }

    private static String object(Map<String, Object> r) {
        ObjectNode node = JSON.createObjectNode();
        r.forEach((k, v) -> {
            if (v instanceof Long l) {
                node.put(k, l);
            } else {
                node.put(k, String.valueOf(v));
            }
        });
        return node.toString();
    }

    private static byte[] parquet(Table table, Path scratch) {
        try {
            Path file = ParquetTestFiles.write(scratch, table.name() + ".parquet", table.parquetSchema(),
                    CompressionCodecName.SNAPPY, table.records());
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
