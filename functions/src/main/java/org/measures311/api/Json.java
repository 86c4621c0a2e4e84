package org.measures311.api;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** Small helpers over Jackson's streaming generator so every handler writes JSON the same way. */
final class Json {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            // 1E+3 is valid JSON but surprises spreadsheets; numbers always go out in plain notation.
            .enable(com.fasterxml.jackson.core.StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    /** Writes one document. */
    @FunctionalInterface
    interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    private Json() {
    }

    static byte[] write(Body body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            body.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static void field(JsonGenerator g, String name, String value) throws IOException {
        if (value == null) {
            g.writeNullField(name);
        } else {
            g.writeStringField(name, value);
        }
    }

    static void field(JsonGenerator g, String name, BigDecimal value) throws IOException {
        if (value == null) {
            g.writeNullField(name);
        } else {
            g.writeNumberField(name, value);
        }
    }

    static void field(JsonGenerator g, String name, Double value) throws IOException {
        field(g, name, value == null ? null : BigDecimal.valueOf(value));
    }

    static void field(JsonGenerator g, String name, Boolean value) throws IOException {
        if (value == null) {
            g.writeNullField(name);
        } else {
            g.writeBooleanField(name, value);
        }
    }

    static void field(JsonGenerator g, String name, LocalDate value) throws IOException {
        field(g, name, value == null ? null : value.toString());
    }

    static void field(JsonGenerator g, String name, Instant value) throws IOException {
        field(g, name, value == null ? null : value.toString());
    }
}
