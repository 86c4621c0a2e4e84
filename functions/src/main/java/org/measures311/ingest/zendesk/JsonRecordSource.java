package org.measures311.ingest.zendesk;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import org.measures311.ingest.MalformedDropException;
import org.measures311.ingest.ReadContext;

/**
 * JSON Lines (one object per line; Jackson reads consecutive root values) or a JSON array of objects, streamed
 * with Jackson's {@link JsonParser}. Anything else at the top level (an object where an array was promised, a
 * scalar), truncation, or nesting deeper than {@link JsonCapture#MAX_NESTING_DEPTH} makes the file malformed,
 * located by Jackson's line and column: RowError line = text line, column = {@code "col N"} (1-based character).
 * Row errors use the record number (1-based), as {@link org.measures311.ingest.RowError} specifies for JSON.
 */
final class JsonRecordSource implements RecordSource {
    private final JsonParser parser;
    private final boolean array;
    private final FieldSpec spec;
    private final ReadContext context;
    private final SourceRecord record;
    private boolean started;
    private boolean finished;
    private long recordNumber;
    /** Text lines before the first one this parser sees (non-zero when it reads a range of a JSON Lines file). */
    private final long lineOffset;

    JsonRecordSource(InputStream in, ReadContext context, FieldSpec spec, boolean array) throws IOException {
        this(in, context, spec, array, 0, 0);
    }

    private JsonRecordSource(InputStream in, ReadContext context, FieldSpec spec, boolean array, long lineOffset,
            long recordOffset) throws IOException {
        this(JsonCapture.FACTORY.createParser(in), context, spec, array, lineOffset, recordOffset);
    }

    private JsonRecordSource(JsonParser parser, ReadContext context, FieldSpec spec, boolean array, long lineOffset,
            long recordOffset) {
        this.parser = parser;
        this.array = array;
        this.spec = spec;
        this.context = context;
        this.record = new SourceRecord(spec);
        this.lineOffset = lineOffset;
        this.recordNumber = recordOffset;
    }

    /**
     * The records of a byte range of a JSON Lines file that starts at a record boundary, {@code lineOffset} text
     * lines and {@code recordOffset} records into the file. An empty range has no records (it is not an empty file).
     */
    static JsonRecordSource continuation(InputStream in, ReadContext context, FieldSpec spec, long lineOffset,
            long recordOffset) throws IOException {
        JsonRecordSource source = new JsonRecordSource(in, context, spec, false, lineOffset, recordOffset);
        source.started = true;
        return source;
    }

    /**
     * As {@link #continuation(InputStream, ReadContext, FieldSpec, long, long)} for a range already in memory:
     * Jackson reads the array itself instead of copying it through a stream buffer.
     */
    static JsonRecordSource continuation(byte[] bytes, int offset, int length, ReadContext context, FieldSpec spec,
            long lineOffset, long recordOffset) throws IOException {
        JsonRecordSource source = new JsonRecordSource(JsonCapture.FACTORY.createParser(bytes, offset, length), context,
                spec, false, lineOffset, recordOffset);
        source.started = true;
        return source;
    }

    /** Records returned so far, counting those before the range for a continuation. */
    long recordsRead() {
        return recordNumber;
    }

    @Override
    public SourceRecord next() throws IOException, MalformedDropException {
        if (finished) {
            return null;
        }
        try {
            JsonToken token = parser.nextToken();
            if (!started) {
                started = true;
                if (token == null) {
                    throw located(parser.currentLocation(), "empty file: expected "
                            + (array ? "a JSON array of records" : "JSON Lines records"));
                }
                if (array) {
                    if (token != JsonToken.START_ARRAY) {
                        throw located(parser.currentTokenLocation(),
                                "expected a JSON array of records, found " + describe(token));
                    }
                    token = parser.nextToken();
                }
            }
            if (array && token == JsonToken.END_ARRAY) {
                JsonToken trailing = parser.nextToken();
                if (trailing != null) {
                    throw located(parser.currentTokenLocation(), "unexpected " + describe(trailing) + " after the array");
                }
                finished = true;
                return null;
            }
            if (!array && token == null) {
                finished = true;
                return null;
            }
            if (token != JsonToken.START_OBJECT) {
                throw located(parser.currentTokenLocation(), "expected a record object, found " + describe(token));
            }
            record.reset(++recordNumber);
            JsonCapture.captureObject(parser, spec.root(), record);
            return record;
        } catch (JsonProcessingException e) {
            JsonLocation where = e.getLocation() != null ? e.getLocation() : parser.currentLocation();
            throw located(where, "not valid JSON: " + e.getOriginalMessage());
        }
    }

    private MalformedDropException located(JsonLocation where, String message) {
        long line = Math.max(where.getLineNr(), 0) + lineOffset;
        String column = where.getColumnNr() > 0 ? "col " + where.getColumnNr() : "";
        return context.malformed(line, column, message);
    }

    private static String describe(JsonToken token) {
        return switch (token) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> token.toString();
        };
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
