package org.measures311.reliability;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One row of {@code corpus/expected.csv}: a landing file, where it lands, and the ledger outcome worked out by
 * hand (see corpus/README.md). {@code errorLine} is null when the case has no error to locate.
 */
record CorpusCase(String file, String landingPath, String status, long rowsRead, long rowsAccepted, long rowsRejected,
                  Long errorLine, String errorColumn, String errorContains, String why) {

    static final String RESOURCE_FOLDER = "/corpus/";
    static final String GENERATED = "generated:";

    static List<CorpusCase> load() {
        try (InputStream in = Objects.requireNonNull(CorpusCase.class.getResourceAsStream(RESOURCE_FOLDER + "expected.csv"));
             CsvReader<NamedCsvRecord> csv = CsvReader.builder().commentStrategy(de.siegmar.fastcsv.reader.CommentStrategy.SKIP)
                     .ofNamedCsvRecord(new String(in.readAllBytes(), StandardCharsets.UTF_8))) {
            List<CorpusCase> cases = new ArrayList<>();
            for (NamedCsvRecord r : csv) {
                String line = r.getField("error_line");
                cases.add(new CorpusCase(r.getField("file"), r.getField("landing_path"), r.getField("status"),
                        Long.parseLong(r.getField("rows_read")), Long.parseLong(r.getField("rows_accepted")),
                        Long.parseLong(r.getField("rows_rejected")), line.isEmpty() ? null : Long.valueOf(line),
                        r.getField("error_column"), r.getField("error_contains"), r.getField("why")));
            }
            return cases;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file's bytes: from the corpus folder, or made here for the cases too big to commit. */
    byte[] bytes() {
        if (file.startsWith(GENERATED)) {
            return generate(file.substring(GENERATED.length()));
        }
        try (InputStream in = CorpusCase.class.getResourceAsStream(RESOURCE_FOLDER + file)) {
            if (in == null) {
                throw new IllegalStateException("corpus file missing: " + file);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static final int TEN_MEGABYTES = 10 * 1024 * 1024;

    private static byte[] generate(String name) {
        switch (name) {
            case "avaya-10mb-single-line" -> {
                // One line, no line break: "7/1/2025<TAB>" over and over, 10 MiB in all.
                byte[] unit = "7/1/2025\t".getBytes(StandardCharsets.US_ASCII);
                byte[] bytes = new byte[TEN_MEGABYTES];
                for (int i = 0; i < bytes.length; i++) {
                    bytes[i] = unit[i % unit.length];
                }
                return bytes;
            }
            case "tickets-10mb-description" -> {
                // A valid ticket whose free-text description is a single 10 MiB line: read, and the text dropped.
                String head = "id,created_at,updated_at,status,via_channel,contact_type,category,satisfaction,description\n"
                        + "7301,2025-07-04T16:00:00Z,2025-07-04T17:00:00Z,solved,email,Email,Water,good,";
                byte[] prefix = head.getBytes(StandardCharsets.US_ASCII);
                byte[] bytes = Arrays.copyOf(prefix, prefix.length + TEN_MEGABYTES + 1);
                Arrays.fill(bytes, prefix.length, bytes.length - 1, (byte) 'z');
                bytes[bytes.length - 1] = '\n';
                return bytes;
            }
            default -> throw new IllegalArgumentException("no generator for " + name);
        }
    }
}
