package org.measures311.ingest.zendesk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;

/**
 * Writes Parquet test files with parquet-java's own example writer, the same library that reads them in
 * production. Rows are maps: Long/Integer/String/Boolean values, nested maps for groups; null leaves a field out.
 */
public final class ParquetTestFiles {
    private ParquetTestFiles() {
    }

    public static Path write(Path dir, String name, String messageSchema, CompressionCodecName codec,
            List<Map<String, Object>> rows) throws IOException {
        return write(dir, name, messageSchema, codec, true, rows);
    }

    /** As {@link #write(Path, String, String, CompressionCodecName, List)}; without dictionaries every value is written plain. */
    public static Path write(Path dir, String name, String messageSchema, CompressionCodecName codec,
            boolean dictionaries, List<Map<String, Object>> rows) throws IOException {
        MessageType schema = MessageTypeParser.parseMessageType(messageSchema);
        Path file = dir.resolve(name);
        Files.deleteIfExists(file);
        SimpleGroupFactory groups = new SimpleGroupFactory(schema);
        try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(new LocalOutputFile(file))
                .withConf(new PlainParquetConfiguration())
                .withType(schema)
                .withCompressionCodec(codec)
                .withDictionaryEncoding(dictionaries)
                .withRowGroupSize(1024L) // tiny row groups so a handful of rows spans several
                .build()) {
            for (Map<String, Object> row : rows) {
                Group group = groups.newGroup();
                fill(group, row);
                writer.write(group);
            }
        }
        return file;
    }

    @SuppressWarnings("unchecked")
    private static void fill(Group group, Map<String, Object> values) {
        for (Map.Entry<String, Object> e : values.entrySet()) {
            Object v = e.getValue();
            if (v == null) {
                continue;
            }
            if (v instanceof Map<?, ?> nested) {
                fill(group.addGroup(e.getKey()), (Map<String, Object>) nested);
            } else if (v instanceof Long l) {
                group.append(e.getKey(), l);
            } else if (v instanceof Integer i) {
                group.append(e.getKey(), i);
            } else if (v instanceof Boolean b) {
                group.append(e.getKey(), b);
            } else {
                group.append(e.getKey(), v.toString());
            }
        }
    }
}
