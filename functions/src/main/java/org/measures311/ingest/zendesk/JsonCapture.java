package org.measures311.ingest.zendesk;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;

/**
 * Copies the wanted values of one JSON object into a {@link SourceRecord}, walking the {@link FieldSpec} trie
 * alongside the token stream. Keys the spec does not name are skipped with {@code skipChildren()}, so comment
 * bodies, names and emails are never materialised beyond Jackson's own token buffer.
 */
final class JsonCapture {
    /** Zendesk records nest 4-5 levels deep; anything past this is hostile or not Zendesk data. */
    static final int MAX_NESTING_DEPTH = 64;

    static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).build())
            .build();

    private JsonCapture() {
    }

    /** Parser positioned on START_OBJECT; returns with it on the matching END_OBJECT. */
    static void captureObject(JsonParser p, FieldSpec.Node node, SourceRecord into) throws IOException {
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_OBJECT) {
            if (t != JsonToken.FIELD_NAME) {
                throw new IOException("expected a field name, found " + t);
            }
            FieldSpec.Node child = node.child(p.currentName());
            JsonToken value = p.nextToken();
            if (child == null) {
                p.skipChildren();
            } else {
                captureValue(p, value, child, into);
            }
        }
    }

    private static void captureValue(JsonParser p, JsonToken value, FieldSpec.Node node, SourceRecord into)
            throws IOException {
        if (value == JsonToken.START_OBJECT) {
            captureObject(p, node, into);
        } else if (value == JsonToken.START_ARRAY) {
            if (node.keyedSlots != null) {
                captureKeyedEntries(p, node, into);
            } else if (node.childSpec != null) {
                captureChildren(p, node.childSpec, into);
            } else {
                p.skipChildren();
            }
        } else if (node.slot >= 0 && value.isScalarValue()) {
            if (!captureTyped(p, value, node.slot, into)) {
                into.set(node.slot, value == JsonToken.VALUE_NULL ? null : p.getText());
            }
        } else if (value == JsonToken.VALUE_STRING && node.hasStructure()) {
            // A structure exported as JSON text inside a string (CSV-to-JSON tools do this to custom_fields).
            captureText(p.getText(), p.currentName(), node, into);
        }
    }

    /**
     * Stores a value without making its text, as {@link SlotCsvHandler} does for CSV cells: a JSON integer that
     * fits a long in an {@linkplain FieldSpec#isId id slot} as an integer, a string in {@link IsoTimestamps}' exact
     * shape in a {@linkplain FieldSpec#isTimestamp timestamp slot} as epoch milliseconds, read from Jackson's
     * buffer. False (nothing stored) for anything else, which goes the text way. The id rules read an integer as
     * they read its digits (JSON has no leading zeros or plus sign), and {@link IsoTimestamps} answers only for a
     * string starting with four digits and a '-', which is neither padded nor Unix seconds for the text rules, so
     * both ways mean the same.
     */
    private static boolean captureTyped(JsonParser p, JsonToken value, int slot, SourceRecord into) throws IOException {
        if (value == JsonToken.VALUE_NUMBER_INT && into.isIdSlot(slot)) {
            JsonParser.NumberType type = p.getNumberType();
            if (type == JsonParser.NumberType.INT || type == JsonParser.NumberType.LONG) {
                into.setInteger(slot, p.getLongValue());
                return true;
            }
        } else if (value == JsonToken.VALUE_STRING && into.isTimestampSlot(slot)) {
            long millis = IsoTimestamps.epochMillis(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
            if (millis != IsoTimestamps.NOT_FAST) {
                into.setEpochMillis(slot, millis);
                return true;
            }
        }
        return false;
    }

    /** {@code [{id: 360001, value: "Email"}, ...]}: only entries whose id the spec names are kept. */
    private static void captureKeyedEntries(JsonParser p, FieldSpec.Node node, SourceRecord into) throws IOException {
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t != JsonToken.START_OBJECT) {
                p.skipChildren();
                continue;
            }
            String key = null;
            String value = null;
            while ((t = p.nextToken()) != JsonToken.END_OBJECT) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                if (!v.isScalarValue()) {
                    p.skipChildren();
                } else if (v != JsonToken.VALUE_NULL && name.equals(node.keyName)) {
                    key = p.getText();
                } else if (v != JsonToken.VALUE_NULL && name.equals(node.valueName)) {
                    value = p.getText();
                }
            }
            Integer slot = key == null ? null : node.keyedSlots.get(key);
            if (slot != null) {
                into.set(slot, value);
            }
        }
    }

    private static void captureChildren(JsonParser p, FieldSpec childSpec, SourceRecord into) throws IOException {
        into.markChildrenPresent();
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t == JsonToken.START_OBJECT) {
                captureObject(p, childSpec.root(), into.addChild(childSpec));
            } else {
                p.skipChildren();
            }
        }
    }

    /**
     * A cell (CSV, Parquet string) whose text is JSON: an object or array under {@code node}. Text that does not
     * start like JSON is ignored; JSON that is broken is reported as the record's problem rather than failing the
     * file: one hand-edited cell must not quarantine a whole export.
     */
    static void captureText(String text, String column, FieldSpec.Node node, SourceRecord into) {
        if (text == null) {
            return;
        }
        String trimmed = text.strip();
        if (!trimmed.startsWith("{") && !trimmed.startsWith("[")) {
            // Not a structure at all (a flat "satisfaction_rating" of "good", a blank cell): nothing to capture.
            return;
        }
        try (JsonParser p = FACTORY.createParser(trimmed)) {
            JsonToken first = p.nextToken();
            if (first != JsonToken.START_OBJECT && first != JsonToken.START_ARRAY) {
                throw new IOException("expected a JSON object or array, found " + first);
            }
            captureValue(p, first, node, into);
        } catch (IOException e) {
            into.reportProblem(column, "not valid JSON: " + firstLine(e.getMessage()));
        }
    }

    static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
