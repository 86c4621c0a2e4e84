package org.measures311.ingest.zendesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.measures311.ingest.zendesk.ZendeskReading.malformed;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.measures311.ingest.DropFormat;
import org.measures311.ingest.RowError;

/** Files that are not what their format claims: each is malformed, located by line and column. */
class MalformedZendeskFilesTest {
    private final TicketsReader tickets = new TicketsReader();

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void truncatedJsonArrayIsLocatedAtTheEndOfInput() throws Exception {
        // Line 2 holds 13 characters; input ends inside a field name, so Jackson stops at column 14.
        String json = "[{\"id\":1,\"created_at\":\"2025-06-01T00:00:00Z\"},\n{\"id\":2,\"crea";
        RowError error = malformed(tickets, utf8(json), DropFormat.JSON_ARRAY).error();

        assertThat(error.line()).isEqualTo(2);
        assertThat(error.column()).isEqualTo("col 14");
        assertThat(error.message()).startsWith("not valid JSON: Unexpected end-of-input");
    }

    @Test
    void arrayCutAfterACompleteRecordIsMalformed() throws Exception {
        String json = "[{\"id\":1,\"created_at\":\"2025-06-01T00:00:00Z\"},\n";
        RowError error = malformed(tickets, utf8(json), DropFormat.JSON_ARRAY).error();

        assertThat(error.line()).isEqualTo(2);
        assertThat(error.message()).contains("end-of-input");
    }

    @Test
    void objectWhereAnArrayWasPromisedIsMalformedAtItsFirstCharacter() throws Exception {
        RowError error = malformed(tickets, utf8("{\"tickets\": []}"), DropFormat.JSON_ARRAY).error();

        assertThat(error).isEqualTo(new RowError("drop.json", 1, "col 1", "expected a JSON array of records, found an object"));
    }

    @Test
    void jsonLinesWithAnArrayLineIsMalformed() throws Exception {
        String jsonl = "{\"id\":1,\"created_at\":\"2025-06-01T00:00:00Z\"}\n  [1,2]\n";
        RowError error = malformed(tickets, utf8(jsonl), DropFormat.JSON_LINES).error();

        assertThat(error).isEqualTo(new RowError("drop.jsonl", 2, "col 3", "expected a record object, found an array"));
    }

    @Test
    void deepNestingIsRefusedByTheParserConstraint() throws Exception {
        String json = "[{\"id\":1,\"x\":" + "[".repeat(10_000);
        RowError error = malformed(tickets, utf8(json), DropFormat.JSON_ARRAY).error();

        assertThat(error.line()).isEqualTo(1);
        assertThat(error.column()).startsWith("col ");
        assertThat(error.message()).contains("nesting depth").contains("64");
    }

    @Test
    void emptyFilesAreMalformed() throws Exception {
        assertThat(malformed(tickets, new byte[0], DropFormat.DELIMITED).error())
                .isEqualTo(new RowError("drop.delimited", 1, "", "empty file: expected a header row"));
        assertThat(malformed(tickets, new byte[0], DropFormat.JSON_ARRAY).error().message())
                .isEqualTo("empty file: expected a JSON array of records");
    }

    @Test
    void csvWithoutARequiredColumnIsMalformedAtTheHeader() throws Exception {
        RowError error = malformed(tickets, utf8("id,updated_at,status\n1,2025-06-01T00:00:00Z,open\n"),
                DropFormat.DELIMITED).error();

        assertThat(error.line()).isEqualTo(1);
        assertThat(error.column()).isEqualTo("created_at");
        assertThat(error.message()).startsWith("required column missing from the header");
    }

    @Test
    void csvWithADuplicatedColumnIsMalformed() throws Exception {
        RowError error = malformed(tickets, utf8("id,created_at,ID\n"), DropFormat.DELIMITED).error();

        assertThat(error).isEqualTo(new RowError("drop.delimited", 1, "id", "column appears twice in the header"));
    }

    @Test
    void csvWithAnUnterminatedQuoteIsMalformed() throws Exception {
        String csv = "id,created_at,subject\n1,2025-06-01T00:00:00Z,\"unterminated\n";
        RowError error = malformed(tickets, utf8(csv), DropFormat.DELIMITED).error();

        assertThat(error.line()).isEqualTo(2);
        assertThat(error.message()).startsWith("not valid CSV");
    }

    @Test
    void csvRowWithTheWrongNumberOfCellsIsRejectedNotTheFile() throws Exception {
        String csv = "id,created_at,status\n1,2025-06-01T00:00:00Z,open\n2,2025-06-01T00:00:00Z\n";
        ZendeskReading.Result result = ZendeskReading.read(tickets, csv, DropFormat.DELIMITED);

        assertThat(result.rows()).hasSize(1);
        assertThat(result.context().errors()).containsExactly(
                new RowError("drop.delimited", 3, "", "expected 3 cells as in the header, found 2"));
    }

    @Test
    void parquetWithoutTheIdColumnIsMalformed(@TempDir Path dir) throws Exception {
        Path file = ParquetTestFiles.write(dir, "no-id.parquet",
                "message t { required binary created_at (STRING); optional binary status (STRING); }",
                CompressionCodecName.UNCOMPRESSED, List.of(Map.of("created_at", "2025-06-01T00:00:00Z")));
        RowError error = malformed(tickets, Files.readAllBytes(file), DropFormat.PARQUET).error();

        assertThat(error.line()).isZero();
        assertThat(error.column()).isEqualTo("id");
        assertThat(error.message()).startsWith("required column missing from the Parquet schema");
    }

    @Test
    void parquetWithACorruptFooterIsMalformed(@TempDir Path dir) throws Exception {
        Path file = ParquetTestFiles.write(dir, "ok.parquet",
                "message t { required int64 id; required binary created_at (STRING); }",
                CompressionCodecName.SNAPPY, List.of(Map.of("id", 1L, "created_at", "2025-06-01T00:00:00Z")));
        byte[] bytes = Files.readAllBytes(file);
        // The footer is the Thrift metadata just before the trailing 4-byte length and "PAR1": scramble it.
        int footerLength = (bytes[bytes.length - 8] & 0xFF) | (bytes[bytes.length - 7] & 0xFF) << 8;
        for (int i = bytes.length - 8 - footerLength; i < bytes.length - 8; i++) {
            bytes[i] = (byte) 0xFF;
        }
        RowError error = malformed(tickets, bytes, DropFormat.PARQUET).error();

        assertThat(error.line()).isZero();
        assertThat(error.message()).startsWith("not a readable Parquet file");
    }

    @Test
    void csvTextClaimingToBeParquetIsMalformed() throws Exception {
        RowError error = malformed(tickets, utf8("id,created_at\n1,2025-06-01T00:00:00Z\n"), DropFormat.PARQUET).error();

        assertThat(error.line()).isZero();
        assertThat(error.message()).startsWith("not a readable Parquet file");
    }

    @Test
    void unknownFormatIsMalformed() throws Exception {
        RowError error = malformed(tickets, utf8("whatever"), DropFormat.UNKNOWN).error();

        assertThat(error.line()).isZero();
        assertThat(error.message()).startsWith("not a format Zendesk tables are read from");
    }
}
