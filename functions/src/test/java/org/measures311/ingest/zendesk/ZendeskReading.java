package org.measures311.ingest.zendesk;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.util.Text;
import org.measures311.config.Settings;
import org.measures311.facts.FactBatchWriter;
import org.measures311.facts.FactBatches;
import org.measures311.ingest.DropContent;
import org.measures311.ingest.DropFormat;
import org.measures311.ingest.DropReader;
import org.measures311.ingest.MalformedDropException;
import org.measures311.ingest.ReadContext;

/** Runs a reader over bytes or a file and reads its Arrow output back with {@link FactBatches}. */
final class ZendeskReading {
    private ZendeskReading() {
    }

    /** What a read produced: the rows (column name -> value: Long, Integer, Boolean, String or null), the context and the IPC bytes. */
    record Result(List<Map<String, Object>> rows, ReadContext context, byte[] arrow) {
        Map<String, Object> row(int i) {
            return rows.get(i);
        }
    }

    static Settings settings() {
        return Settings.defaults();
    }

    static Result read(DropReader reader, String text, DropFormat format) throws Exception {
        return read(reader, text.getBytes(StandardCharsets.UTF_8), format, settings());
    }

    static Result read(DropReader reader, String text, DropFormat format, Settings settings) throws Exception {
        return read(reader, text.getBytes(StandardCharsets.UTF_8), format, settings);
    }

    static Result read(DropReader reader, byte[] bytes, DropFormat format, Settings settings) throws Exception {
        return read(reader, new BytesContent(bytes), format, settings, "drop." + format.code());
    }

    /** The bytes as an uncompressed local file, as a spooled plain drop offers them to parallel readers. */
    static final class PlainFileContent extends BytesContent {
        PlainFileContent(byte[] bytes) {
            super(bytes);
        }

        @Override
        public java.util.Optional<Path> uncompressedLocalFile() {
            try {
                return java.util.Optional.of(localFile());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    static Result readFile(DropReader reader, Path file, DropFormat format, Settings settings) throws Exception {
        return read(reader, new BytesContent(Files.readAllBytes(file)), format, settings, file.getFileName().toString());
    }

    static Result resource(DropReader reader, String name, DropFormat format) throws Exception {
        try (InputStream in = ZendeskReading.class.getResourceAsStream("/zendesk/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource zendesk/" + name);
            }
            return read(reader, new BytesContent(in.readAllBytes()), format, settings(), name);
        }
    }

    /** Expects the read to fail as malformed and returns the exception. */
    static MalformedDropException malformed(DropReader reader, byte[] bytes, DropFormat format) throws Exception {
        try {
            read(reader, bytes, format, settings());
        } catch (MalformedDropException e) {
            return e;
        }
        throw new AssertionError("expected the file to be malformed");
    }

    static Result read(DropReader reader, DropContent content, DropFormat format, Settings settings, String name)
            throws Exception {
        return read(reader, content, new ReadContext(name, format, settings));
    }

    static Result read(DropReader reader, DropContent content, ReadContext context) throws Exception {
        ByteArrayOutputStream arrow = new ByteArrayOutputStream();
        try (BufferAllocator allocator = new RootAllocator()) {
            try (FactBatchWriter out = new FactBatchWriter(reader.table(), allocator, arrow, 4)) {
                reader.read(content, context, out);
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            FactBatches.forEach(reader.table(), new ByteArrayInputStream(arrow.toByteArray()), allocator, batch -> {
                for (int i = 0; i < batch.getRowCount(); i++) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (FieldVector v : batch.getFieldVectors()) {
                        Object value = v.getObject(i);
                        row.put(v.getName(), value instanceof Text t ? t.toString() : value);
                    }
                    rows.add(row);
                }
            });
            return new Result(rows, context, arrow.toByteArray());
        }
    }

    /** Landing content held in memory; {@link #localFile()} spools it once, as the pipeline's does. */
    static class BytesContent implements DropContent {
        private final byte[] bytes;
        private Path spooled;

        BytesContent(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public InputStream open() {
            return new ByteArrayInputStream(bytes);
        }

        @Override
        public Path localFile() throws IOException {
            if (spooled == null) {
                spooled = Files.createTempFile("zendesk-drop", ".bin");
                spooled.toFile().deleteOnExit();
                Files.write(spooled, bytes);
            }
            return spooled;
        }
    }
}
