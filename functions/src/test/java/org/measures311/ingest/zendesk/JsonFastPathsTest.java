package org.measures311.ingest.zendesk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.measures311.config.Settings;
import org.measures311.ingest.DropFormat;
import org.measures311.ingest.FutureLimit;
import org.measures311.ingest.ReadContext;
import org.measures311.ingest.RowError;

/**
 * Differential: every record read through {@link JsonRecordSource} (typed ids and timestamps from Jackson's buffer)
 * gives the same ids, timestamps, texts and rejections as the same record captured the
 * plain way (each wanted top-level value's {@code getText()}, as the reader did before the fast paths).
 */
class JsonFastPathsTest {
    private static final List<String> TRICKY_RECORDS = List.of(
            "{\"id\":1,\"ticket_id\":101,\"created_at\":\"2025-06-01T08:00:00Z\",\"author_id\":501,\"event_type\":\"Comment\",\"public\":true}",
            // fields in another order, ids as strings, numbers where text is expected
            "{\"public\":1,\"event_type\":\"Audit\",\"author_id\":\"502\",\"created_at\":\"2025-06-01 09:00:00 UTC\",\"ticket_id\":\"102\",\"id\":\"2\"}",
            // unicode escapes inside a timestamp and an id string
            "{\"id\":\"\\u0033\",\"ticket_id\":103,\"created_at\":\"\\u00325-06-01T10:00:00Z\",\"author_id\":-1,\"event_type\":\"Comment\"}",
            "{\"id\":4,\"ticket_id\":103,\"created_at\":\"\\u0032025-06-01T10:00:00+02:00\",\"author_id\":null,\"event_type\":\" Comment \"}",
            // floats, big integers, signs, zero, spaces, empty strings
            "{\"id\":5.0,\"ticket_id\":103,\"created_at\":\"2025-06-01T10:00:00Z\"}",
            "{\"id\":6,\"ticket_id\":12345678901234567890,\"created_at\":\"2025-06-01T10:00:00Z\"}",
            "{\"id\":7,\"ticket_id\":103,\"created_at\":\"2025-06-01T10:00:00Z\",\"author_id\":0}",
            "{\"id\":8,\"ticket_id\":103,\"created_at\":\"2025-06-01T10:00:00Z\",\"author_id\":-5}",
            "{\"id\":9,\"ticket_id\":\" 103 \",\"created_at\":\" 2025-06-01T10:00:00Z \",\"author_id\":\"-1\"}",
            "{\"id\":\"\",\"ticket_id\":103,\"created_at\":\"\"}",
            "{\"id\":-0,\"ticket_id\":103,\"created_at\":\"2025-06-01T10:00:00Z\"}",
            "{\"id\":9223372036854775807,\"ticket_id\":\"1234567890123456789\",\"created_at\":\"2025-06-01T10:00:00Z\"}",
            "{\"id\":11,\"ticket_id\":\"0x1F\",\"created_at\":\"2025-06-01T10:00:00Z\",\"author_id\":1e3}",
            // timestamps: Unix seconds as number and string, fraction, invalid dates, offsets, lower case
            "{\"id\":12,\"ticket_id\":103,\"created_at\":1748775600}",
            "{\"id\":13,\"ticket_id\":103,\"created_at\":\"1748775600.25\"}",
            "{\"id\":14,\"ticket_id\":103,\"created_at\":1748775600.5}",
            "{\"id\":15,\"ticket_id\":103,\"created_at\":\"2025-02-29T10:00:00Z\"}",
            "{\"id\":16,\"ticket_id\":103,\"created_at\":\"2025-06-01t10:00:00.123456789z\"}",
            "{\"id\":17,\"ticket_id\":103,\"created_at\":\"2025-06-01T24:00:00Z\"}",
            "{\"id\":18,\"ticket_id\":103,\"created_at\":\"2025-06-01T10:00:00-0830\"}",
            "{\"id\":19,\"ticket_id\":103,\"created_at\":\"2025-06-01T10:00\"}",
            "{\"id\":20,\"ticket_id\":103,\"created_at\":1234567890123}",
            "{\"id\":21,\"ticket_id\":103,\"created_at\":-5}",
            "{\"id\":22,\"ticket_id\":103,\"created_at\":true}",
            "{\"id\":23,\"ticket_id\":103,\"created_at\":null}",
            // nested values where scalars are expected, duplicate keys (the last one wins), unknown fields
            "{\"id\":{\"x\":1},\"ticket_id\":[1,2],\"created_at\":\"2025-06-01T10:00:00Z\"}",
            "{\"id\":24,\"id\":\"25\",\"ticket_id\":103,\"ticket_id\":null,\"created_at\":\"2025-06-01T10:00:00Z\"}",
            "{\"id\":26,\"ticket_id\":103,\"created_at\":\"x\",\"created_at\":\"2025-06-01T10:00:00Z\",\"body\":{\"id\":99},\"tags\":[\"a\"]}",
            "{\"id\":\"27\",\"ticket_id\":103,\"created_at\":\"2025-06-01T10:00:00Z\",\"event_type\":\"\\u00e9v\\u00e9nement\",\"public\":\"yes\"}",
            "{\"id\":28,\"ticket_id\":103,\"created_at\":\"2025-06-01T10:00:00Z\",\"event_type\":\"Comment\",\"public\":false}");

    private final FieldSpec.Builder builder = FieldSpec.builder();
    private final int id = builder.idField("id");
    private final int ticket = builder.idField("ticket_id");
    private final int created = builder.timestampField("created_at");
    private final int author = builder.idField("author_id");
    private final int type = builder.field("event_type");
    private final int isPublic = builder.field("public");
    private final FieldSpec spec = builder.build();

    @Test
    void fastPathsReadEveryRecordAsItsTextWould() throws Exception {
        String jsonl = String.join("\n", TRICKY_RECORDS) + "\n";
        ReadContext fastContext = context();
        List<String> fast = new ArrayList<>();
        try (JsonRecordSource source = new JsonRecordSource(
                new ByteArrayInputStream(jsonl.getBytes(StandardCharsets.UTF_8)), fastContext, spec, false)) {
            SourceRecord r;
            while ((r = source.next()) != null) {
                fast.add(interpret(r, fastContext));
            }
        }
        ReadContext textContext = context();
        List<String> text = new ArrayList<>();
        for (int i = 0; i < TRICKY_RECORDS.size(); i++) {
            text.add(interpret(captureAsText(TRICKY_RECORDS.get(i), i + 1), textContext));
        }

        assertThat(fast).hasSize(TRICKY_RECORDS.size()).isEqualTo(text);
        assertThat(fastContext.errors()).isEqualTo(textContext.errors()).isNotEmpty();
        // Spot checks worked out by hand, so the comparison cannot pass by both sides being wrong the same way.
        assertThat(fast.get(0)).isEqualTo("1|101|1748764800000|501|Comment|true");
        assertThat(fast.get(2)).isEqualTo("3|103|INVALID|");
        assertThat(fast.get(3)).isEqualTo("4|103|1748764800000|0|Comment|null");
        assertThat(fast.get(11)).isEqualTo("9223372036854775807|1234567890123456789|1748772000000|0|null|null");
        assertThat(fast.get(13)).isEqualTo("12|103|1748775600000|0|null|null");
        assertThat(fast.get(26)).isEqualTo("25|INVALID|1748772000000|");
        assertThat(fastContext.errors()).contains(
                new RowError("drop.jsonl", 3, "created_at", "not an ISO 8601 timestamp or Unix seconds"),
                new RowError("drop.jsonl", 5, "id", "id is not a positive integer"),
                new RowError("drop.jsonl", 8, "author_id", "id is not a positive integer"),
                new RowError("drop.jsonl", 27, "ticket_id", "required id is missing"));
    }

    /** The reader's rules applied to a record: ids, timestamp, then type and flag text, as the events reader reads them. */
    private String interpret(SourceRecord r, ReadContext context) {
        long eventId = ZendeskRows.requiredId(r, context, id);
        long ticketId = ZendeskRows.requiredId(r, context, ticket);
        long createdAt = ZendeskRows.requiredTimestamp(r, context, created);
        if (eventId == ZendeskValues.INVALID || ticketId == ZendeskValues.INVALID || createdAt == ZendeskValues.INVALID) {
            return show(eventId) + "|" + show(ticketId) + "|" + show(createdAt) + "|";
        }
        long authorId = ZendeskRows.optionalId(r, context, author);
        return show(eventId) + "|" + show(ticketId) + "|" + show(createdAt) + "|" + show(authorId) + "|"
                + ZendeskValues.trimmed(r.get(type)) + "|" + (r.get(isPublic) == null ? "null" : ZendeskValues.flag(r.get(isPublic)));
    }

    private static String show(long value) {
        return value == ZendeskValues.INVALID ? "INVALID" : Long.toString(value);
    }

    /** The plain capture: every wanted top-level scalar as {@code getText()}, null for JSON null, structures skipped. */
    private SourceRecord captureAsText(String json, long number) throws Exception {
        SourceRecord record = new SourceRecord(spec);
        record.reset(number);
        try (JsonParser p = JsonCapture.FACTORY.createParser(json)) {
            p.nextToken();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                FieldSpec.Node node = spec.root().child(p.currentName());
                JsonToken value = p.nextToken();
                if (node != null && value.isScalarValue()) {
                    record.set(node.slot, value == JsonToken.VALUE_NULL ? null : p.getText());
                } else {
                    p.skipChildren();
                }
            }
        }
        return record;
    }

    /** This test compares how values are read, so no date is too late for it (FutureTimestampsTest has the limit). */
    private static final FutureLimit NO_LIMIT = new FutureLimit(LocalDate.MAX, Long.MAX_VALUE);

    private static ReadContext context() {
        return new ReadContext("drop.jsonl", DropFormat.JSON_LINES, Settings.defaults(), NO_LIMIT);
    }
}
