package org.measures311.ingest.zendesk;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The word-at-a-time scans against the plain byte-by-byte definitions (kept here as the reference), on fixed cases
 * and on many generated ranges of the bytes that matter, at every alignment and length around a word.
 */
class RangeScanTest {

    @Test
    void csvCountsLineFeedsAndRefusesQuotesAndLoneCarriageReturns() {
        assertThat(csv("a,b\n1,2\n3,4\n")).isEqualTo(new RangeScan.Counts(3, 0));
        assertThat(csv("a,b\r\n1,2\r\n")).isEqualTo(new RangeScan.Counts(2, 0));
        assertThat(csv("1,2\n3,\"4\"\n")).isNull();
        assertThat(csv("1,2\r3,4\n")).isNull();
        assertThat(csv("1,2\n3,4\r")).isNull(); // a carriage return at the very end has no line feed after it
        assertThat(csv("")).isEqualTo(new RangeScan.Counts(0, 0));
    }

    @Test
    void jsonLinesCountsRecordsAndRefusesSplitRecords() {
        assertThat(json("{\"a\":1}\n  {\"b\":2} \r\n\n{}")).isEqualTo(new RangeScan.Counts(3, 3));
        assertThat(json("{\"a\":\n1}\n")).isNull();
        assertThat(json("{}\r{}\n")).isNull();
        assertThat(json("[1]\n")).isNull();
        assertThat(json(" \t\n")).isEqualTo(new RangeScan.Counts(1, 0));
    }

    @Test
    void wordScansEqualTheByteByByteDefinitionOnGeneratedRanges() {
        byte[] alphabet = "{}\"\n\r \ta1".getBytes(UTF_8);
        Random random = new Random(311);
        for (int round = 0; round < 200_000; round++) {
            int length = random.nextInt(40);
            byte[] bytes = new byte[length + 16];
            // Mostly plain bytes with the special ones sprinkled in, so both safe and unsafe ranges come up.
            int specials = random.nextInt(4);
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = random.nextInt(10) < 7 - specials ? (byte) 'a' : alphabet[random.nextInt(alphabet.length)];
            }
            if (round % 3 == 0) { // well-formed JSON lines and CSV rows, so the safe paths are exercised a lot
                for (int i = 0; i < bytes.length; i++) {
                    bytes[i] = i % 9 == 0 ? (byte) '{' : i % 9 == 7 ? (byte) '}' : i % 9 == 8 ? (byte) '\n' : (byte) 'x';
                }
            }
            int from = random.nextInt(9);
            int to = Math.min(bytes.length, from + length);
            assertThat(RangeScan.csv(bytes, from, to)).as("csv round %d", round).isEqualTo(referenceCsv(bytes, from, to));
            assertThat(RangeScan.jsonLines(bytes, from, to)).as("json round %d", round)
                    .isEqualTo(referenceJsonLines(bytes, from, to));
        }
    }

    private static RangeScan.Counts csv(String text) {
        byte[] bytes = text.getBytes(UTF_8);
        RangeScan.Counts counts = RangeScan.csv(bytes, 0, bytes.length);
        assertThat(counts).isEqualTo(referenceCsv(bytes, 0, bytes.length));
        return counts;
    }

    private static RangeScan.Counts json(String text) {
        byte[] bytes = text.getBytes(UTF_8);
        RangeScan.Counts counts = RangeScan.jsonLines(bytes, 0, bytes.length);
        assertThat(counts).isEqualTo(referenceJsonLines(bytes, 0, bytes.length));
        return counts;
    }

    /** The definition, byte by byte (RangeScan.csv before it read words). */
    private static RangeScan.Counts referenceCsv(byte[] bytes, int from, int to) {
        long lines = 0;
        for (int i = from; i < to; i++) {
            byte b = bytes[i];
            if (b == '\n') {
                lines++;
            } else if (b == '"' || (b == '\r' && (i + 1 == to || bytes[i + 1] != '\n'))) {
                return null;
            }
        }
        return new RangeScan.Counts(lines, 0);
    }

    /** The definition, byte by byte (RangeScan.jsonLines before it read words). */
    private static RangeScan.Counts referenceJsonLines(byte[] bytes, int from, int to) {
        long lines = 0;
        long records = 0;
        int lineStart = from;
        for (int i = from; i <= to; i++) {
            if (i < to && bytes[i] != '\n') {
                if (bytes[i] == '\r' && (i + 1 == to || bytes[i + 1] != '\n')) {
                    return null;
                }
                continue;
            }
            int first = lineStart;
            int last = i - 1;
            while (first <= last && (bytes[first] == ' ' || bytes[first] == '\t' || bytes[first] == '\r')) {
                first++;
            }
            while (last >= first && (bytes[last] == ' ' || bytes[last] == '\t' || bytes[last] == '\r')) {
                last--;
            }
            if (first <= last) {
                if (bytes[first] != '{' || bytes[last] != '}') {
                    return null;
                }
                records++;
            }
            if (i < to) {
                lines++;
            }
            lineStart = i + 1;
        }
        return new RangeScan.Counts(lines, records);
    }
}
