package org.measures311.ingest.zendesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.ParquetReadOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.measures311.ingest.DropFormat;
import org.measures311.ingest.MalformedDropException;
import org.measures311.ingest.RowError;

/**
 * Row groups read on several threads must give what one thread gives: same rows in the same order, same
 * counts, the same first errors with the same record numbers, and the same failure on unreadable data. The
 * test files have tiny row groups (about a hundred rows each), so a few thousand rows make dozens of groups.
 */
class ParallelRowGroupsTest {
    private static final String SCHEMA = """
            message event {
              required int64 id;
              required int64 ticket_id;
              required int64 created_at (TIMESTAMP(MICROS,true));
              optional int64 author_id;
              optional binary event_type (STRING);
              optional boolean public;
            }""";
    private static final long JUNE_1_MICROS = 1_748_736_000_000_000L;
    private static final long ROWS = 3_000;

    private final ParallelRecords threeThreads = new ParallelRecords(ParallelRecords.DEFAULT_RANGE_BYTES, 3);
    private final TicketEventsReader parallel = new TicketEventsReader(threeThreads);
    private final TicketEventsReader sequential =
            new TicketEventsReader(new ParallelRecords(ParallelRecords.DEFAULT_RANGE_BYTES, 1));

    /**
     * Record i (1-based): id i except every 7th (id 0: rejected), author -5 on every 11th that is not a 7th
     * (rejected), -1 (no author) on every 5th; types from a small set (dictionary-encoded), one in 13 missing.
     */
    private static Path events(Path dir, List<Long> rejected) throws Exception {
        return events(dir, rejected, true);
    }

    private static Path events(Path dir, List<Long> rejected, boolean dictionaries) throws Exception {
        List<Map<String, Object>> rows = new ArrayList<>();
        String[] types = {"Comment", "Audit", " Comment ", "Change"};
        for (long i = 1; i <= ROWS; i++) {
            Map<String, Object> row = new HashMap<>();
            row.put("id", i % 7 == 0 ? 0L : i);
            row.put("ticket_id", 100 + i % 17);
            row.put("created_at", JUNE_1_MICROS + i * 60_000_000L * 37);
            row.put("author_id", i % 11 == 0 ? -5L : i % 5 == 0 ? -1L : 500 + i % 3);
            if (i % 13 != 0) {
                row.put("event_type", types[(int) (i % types.length)]);
            }
            row.put("public", i % 2 == 0);
            rows.add(row);
            if (i % 7 == 0 || i % 11 == 0) {
                rejected.add(i);
            }
        }
        return ParquetTestFiles.write(dir, dictionaries ? "events.parquet" : "plain-events.parquet", SCHEMA,
                CompressionCodecName.SNAPPY, dictionaries, rows);
    }

    private static List<BlockMetaData> rowGroups(Path file) throws Exception {
        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file),
                ParquetReadOptions.builder(new PlainParquetConfiguration()).withCodecFactory(new PureJavaParquetCodecs()).build())) {
            return reader.getRowGroups();
        }
    }

    @Test
    void rowGroupsOnThreeThreadsGiveWhatOneThreadGives(@TempDir Path dir) throws Exception {
        List<Long> rejected = new ArrayList<>();
        Path file = events(dir, rejected);
        assertThat(rowGroups(file)).hasSizeGreaterThan(10);

        ZendeskReading.Result inParallel = ZendeskReading.readFile(parallel, file, DropFormat.PARQUET, ZendeskReading.settings());
        ZendeskReading.Result inSequence = ZendeskReading.readFile(sequential, file, DropFormat.PARQUET, ZendeskReading.settings());

        assertThat(threeThreads.rowGroupsAppended()).isEqualTo(rowGroups(file).size());
        assertThat(inParallel.rows()).hasSize((int) (ROWS - rejected.size()));
        assertThat(inParallel.rows()).isEqualTo(inSequence.rows());
        assertThat(inParallel.rows().get(0)).containsEntry("event_id", 1L).containsEntry("event_type", "Audit")
                .containsEntry("author_id", 501L).containsEntry("is_public", false).containsEntry("source_line", 1);
        // Record 10: type " Comment " trimmed, author -1 (none), public.
        assertThat(inParallel.rows().get(8)).containsEntry("event_id", 10L).containsEntry("event_type", "Comment")
                .containsEntry("author_id", null).containsEntry("is_public", true).containsEntry("source_line", 10);
        assertThat(inParallel.rows().get(9)).containsEntry("event_id", 12L).containsEntry("event_type", "Comment")
                .containsEntry("author_id", 500L);
        // Record 13 has no type; record 15 has no author.
        assertThat(inParallel.rows().get(10)).containsEntry("event_id", 13L).containsEntry("event_type", null);
        assertThat(inParallel.rows().get(11)).containsEntry("event_id", 15L).containsEntry("author_id", null);
        assertThat(inParallel.rows().stream().map(r -> ((Integer) r.get("source_line")).longValue()).toList())
                .doesNotContainAnyElementsOf(rejected).hasSize((int) (ROWS - rejected.size()));
        assertThat(inParallel.context().rowsRead()).isEqualTo(ROWS).isEqualTo(inSequence.context().rowsRead());
        assertThat(inParallel.context().rowsRejected()).isEqualTo(rejected.size());
        assertThat(inParallel.context().errors()).isEqualTo(inSequence.context().errors()).hasSize(50);
        assertThat(inParallel.context().errors().stream().map(RowError::line).toList()).isEqualTo(rejected.subList(0, 50));
        assertThat(inParallel.context().errors().get(0).column()).isEqualTo("id");
        assertThat(inParallel.context().errors().get(0).message()).isEqualTo("id is not a positive integer");
        assertThat(inParallel.context().errors().get(1).column()).isEqualTo("author_id");
        assertThat(inParallel.context().firstDate()).isEqualTo(inSequence.context().firstDate())
                .isEqualTo(LocalDate.of(2025, 5, 31)); // 2025-06-01T00:37Z is still May 31 in Los Angeles
        assertThat(inParallel.context().lastDate()).isEqualTo(inSequence.context().lastDate());
    }

    /** Dictionary-encoded text columns have each entry decoded once: the rows must be those of plain encoding. */
    @Test
    void dictionaryEncodedColumnsReadAsPlainOnes(@TempDir Path dir) throws Exception {
        Path withDictionaries = events(dir, new ArrayList<>(), true);
        Path plain = events(dir, new ArrayList<>(), false);
        assertThat(encodings(withDictionaries)).contains(org.apache.parquet.column.Encoding.PLAIN_DICTIONARY);
        assertThat(encodings(plain)).doesNotContain(org.apache.parquet.column.Encoding.PLAIN_DICTIONARY,
                org.apache.parquet.column.Encoding.RLE_DICTIONARY);

        ZendeskReading.Result fromDictionaries = ZendeskReading.readFile(sequential, withDictionaries, DropFormat.PARQUET,
                ZendeskReading.settings());
        ZendeskReading.Result fromPlain = ZendeskReading.readFile(sequential, plain, DropFormat.PARQUET,
                ZendeskReading.settings());

        // 3,000 records less 428 multiples of 7 and 272 of 11, 38 of which are both.
        assertThat(fromDictionaries.rows()).isEqualTo(fromPlain.rows()).hasSize(2_338);
        assertThat(fromDictionaries.rows().stream().map(r -> r.get("event_type")).distinct().toList())
                .containsExactlyInAnyOrder("Audit", "Comment", "Change", null);
        assertThat(fromDictionaries.context().errors()).extracting(RowError::line, RowError::column, RowError::message)
                .isEqualTo(fromPlain.context().errors().stream()
                        .map(e -> org.assertj.core.groups.Tuple.tuple(e.line(), e.column(), e.message())).toList());
    }

    private static java.util.Set<org.apache.parquet.column.Encoding> encodings(Path file) throws Exception {
        return rowGroups(file).get(0).getColumns().get(4).getEncodings();
    }

    @Test
    void anUnreadableRowGroupFailsAtTheSameRecordOnEveryThreadCount(@TempDir Path dir) throws Exception {
        Path file = events(dir, new ArrayList<>());
        List<BlockMetaData> groups = rowGroups(file);
        int broken = groups.size() / 2;
        long recordsBefore = groups.subList(0, broken).stream().mapToLong(BlockMetaData::getRowCount).sum();
        // Garbage over the first page header of the broken group's ticket_id chunk.
        try (RandomAccessFile raw = new RandomAccessFile(file.toFile(), "rw")) {
            raw.seek(groups.get(broken).getColumns().get(1).getStartingPos());
            raw.write(new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff});
        }
        byte[] bytes = Files.readAllBytes(file);

        MalformedDropException inParallel = ZendeskReading.malformed(parallel, bytes, DropFormat.PARQUET);
        MalformedDropException inSequence = ZendeskReading.malformed(sequential, bytes, DropFormat.PARQUET);

        assertThat(inParallel.error()).isEqualTo(inSequence.error());
        assertThat(inParallel.error().line()).isEqualTo(recordsBefore);
        assertThat(inParallel.error().message()).startsWith("unreadable Parquet data");
        assertThat(threeThreads.rowGroupsAppended()).isEqualTo(broken + 1);
    }
}
