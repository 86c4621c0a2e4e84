package org.measures311.ingest;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarCharVector;
import org.measures311.config.Settings;
import org.measures311.facts.FactBatchWriter;
import org.measures311.facts.FactBatches;
import org.measures311.facts.FactTable;

/**
 * Test helper: runs a {@link DropReader} over bytes in memory, writes its Arrow IPC stream, and reads the stream
 * back with {@link FactBatches} into plain rows (column name to Long, Integer, Double, String, LocalDate or
 * null), so tests assert what a curated file would really hold.
 */
public final class ReaderRun {
    /** What a run produced: the context (counts, errors, touched dates) and the rows read back. */
    public record Result(ReadContext context, List<Map<String, Object>> rows) {
        public Map<String, Object> row(int i) {
            return rows.get(i);
        }
    }

    private ReaderRun() {
    }

    public static Result run(DropReader reader, String fileName, byte[] bytes) throws IOException, MalformedDropException {
        return run(reader, fileName, bytes, Clock.systemUTC());
    }

    /** A run as if the drop were read at {@code clock}'s instant: later dates are judged against it. */
    public static Result run(DropReader reader, String fileName, byte[] bytes, Clock clock)
            throws IOException, MalformedDropException {
        Settings settings = Settings.defaults();
        ReadContext context = new ReadContext(fileName, DropFormat.ofPath(fileName), settings,
                FutureLimit.of(clock, settings.programTimeZone()));
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        try (BufferAllocator allocator = new RootAllocator()) {
            try (FactBatchWriter out = new FactBatchWriter(reader.table(), allocator, stream, 4)) {
                reader.read(content(bytes), context, out);
            }
            return new Result(context, readBack(reader.table(), stream.toByteArray(), allocator));
        }
    }

    /** Runs a reader over a test resource. */
    public static Result runResource(DropReader reader, String resource) throws IOException, MalformedDropException {
        return run(reader, resource, resource(resource));
    }

    public static Result runResource(DropReader reader, String resource, Clock clock)
            throws IOException, MalformedDropException {
        return run(reader, resource, resource(resource), clock);
    }

    public static byte[] resource(String resource) throws IOException {
        try (InputStream in = ReaderRun.class.getResourceAsStream("/" + resource)) {
            if (in == null) {
                throw new IOException("no test resource " + resource);
            }
            return in.readAllBytes();
        }
    }

    /** Content backed by bytes; every open() starts again from the first byte, as a landing file does. */
    public static DropContent content(byte[] bytes) {
        return new DropContent() {
            @Override
            public InputStream open() {
                return new ByteArrayInputStream(bytes);
            }

            @Override
            public Path localFile() throws IOException {
                Path file = Files.createTempFile("drop", ".bin");
                file.toFile().deleteOnExit();
                return Files.write(file, bytes);
            }
        };
    }

    private static List<Map<String, Object>> readBack(FactTable table, byte[] ipc, BufferAllocator allocator) throws IOException {
        List<Map<String, Object>> rows = new ArrayList<>();
        FactBatches.forEach(table, new ByteArrayInputStream(ipc), allocator, batch -> {
            for (int r = 0; r < batch.getRowCount(); r++) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (FieldVector vector : batch.getFieldVectors()) {
                    row.put(vector.getName(), value(vector, r));
                }
                rows.add(row);
            }
        });
        return rows;
    }

    private static Object value(FieldVector vector, int r) {
        if (vector.isNull(r)) {
            return null;
        }
        if (vector instanceof DateDayVector dates) {
            return LocalDate.ofEpochDay(dates.get(r));
        }
        if (vector instanceof VarCharVector text) {
            return new String(text.get(r), StandardCharsets.UTF_8);
        }
        return vector.getObject(r);
    }
}
