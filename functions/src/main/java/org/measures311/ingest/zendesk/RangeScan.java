package org.measures311.ingest.zendesk;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * What a byte range of a CSV or JSON Lines file needs checked before it may be parsed on its own: where its
 * lines start and end, how many lines (and JSON records) it holds, so the ranges after it know their line and
 * record numbers, and whether parsing it from its first byte is what reading the whole file would do.
 *
 * <p>CSV: a range is safe when it holds no quote character (so no quoted cell can carry a line break across a
 * range boundary) and no carriage return outside {@code \r\n} (the parser counts a lone {@code \r} as a line
 * break, the split does not). JSON Lines: safe when every non-blank line starts with <code>{</code> and ends with
 * <code>}</code>, which rules out a record spread over several lines, and no lone {@code \r}; the number of
 * records is then the number of non-blank lines (the reader checks that count after parsing, which catches two
 * objects on one line).
 */
final class RangeScan {
    /** A safe range: {@code lines} line feeds, {@code records} non-blank lines (JSON Lines only). */
    record Counts(long lines, long records) {
    }

    private RangeScan() {
    }

    /** The index just past the first line feed at or after {@code from} and before {@code to}, or -1. */
    static int lineStartAfter(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == '\n') {
                return i + 1;
            }
        }
        return -1;
    }

    /*
     * The scans read eight bytes at a time and find the bytes they look for with word arithmetic (SWAR), so the
     * usual word, with no line feed, quote or carriage return in it, costs a few operations instead of eight
     * compares: the byte-by-byte version took 9% of the CSV ingest and 29% of the JSON Lines ingest in a profile.
     * RangeScanTest compares both ways on generated ranges.
     */
    private static final VarHandle WORDS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long LOW_SEVEN_BITS = 0x7F7F7F7F7F7F7F7FL;
    private static final long LINE_FEEDS = 0x0A0A0A0A0A0A0A0AL;
    private static final long CARRIAGE_RETURNS = 0x0D0D0D0D0D0D0D0DL;
    private static final long QUOTES = 0x2222222222222222L;

    /** The high bit of every byte of {@code word} equal to the byte repeated in {@code pattern}, exactly. */
    private static long matches(long word, long pattern) {
        long x = word ^ pattern;
        return ~(((x & LOW_SEVEN_BITS) + LOW_SEVEN_BITS) | x | LOW_SEVEN_BITS);
    }

    private static boolean isLoneCarriageReturn(byte[] bytes, int i, int to) {
        return bytes[i] == '\r' && (i + 1 == to || bytes[i + 1] != '\n');
    }

    /** Counts of a safe CSV range, or null when it is not safe to parse on its own. */
    static Counts csv(byte[] bytes, int from, int to) {
        long lines = 0;
        int i = from;
        for (; i <= to - Long.BYTES; i += Long.BYTES) {
            long word = (long) WORDS.get(bytes, i);
            if (matches(word, QUOTES) != 0) {
                return null;
            }
            lines += Long.bitCount(matches(word, LINE_FEEDS));
            if (matches(word, CARRIAGE_RETURNS) != 0) {
                for (int k = i; k < i + Long.BYTES; k++) {
                    if (isLoneCarriageReturn(bytes, k, to)) {
                        return null;
                    }
                }
            }
        }
        for (; i < to; i++) {
            byte b = bytes[i];
            if (b == '\n') {
                lines++;
            } else if (b == '"' || isLoneCarriageReturn(bytes, i, to)) {
                return null;
            }
        }
        return new Counts(lines, 0);
    }

    /** Counts of a safe JSON Lines range, or null when it is not safe to parse on its own. */
    static Counts jsonLines(byte[] bytes, int from, int to) {
        long lines = 0;
        long records = 0;
        int lineStart = from;
        int i = from;
        while (true) {
            i = nextLineFeedOrCarriageReturn(bytes, i, to);
            if (i < to && bytes[i] == '\r') {
                if (isLoneCarriageReturn(bytes, i, to)) {
                    return null;
                }
                i++; // the line feed of \r\n comes next
                continue;
            }
            int first = lineStart;
            int last = i - 1;
            while (first <= last && isJsonSpace(bytes[first])) {
                first++;
            }
            while (last >= first && isJsonSpace(bytes[last])) {
                last--;
            }
            if (first <= last) {
                if (bytes[first] != '{' || bytes[last] != '}') {
                    return null;
                }
                records++;
            }
            if (i == to) {
                return new Counts(lines, records);
            }
            lines++;
            i++;
            lineStart = i;
        }
    }

    /** The index of the first line feed or carriage return at or after {@code from}, or {@code to}. */
    private static int nextLineFeedOrCarriageReturn(byte[] bytes, int from, int to) {
        int i = from;
        for (; i <= to - Long.BYTES; i += Long.BYTES) {
            long word = (long) WORDS.get(bytes, i);
            long found = matches(word, LINE_FEEDS) | matches(word, CARRIAGE_RETURNS);
            if (found != 0) {
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (bytes[i] == '\n' || bytes[i] == '\r') {
                return i;
            }
        }
        return to;
    }

    private static boolean isJsonSpace(byte b) {
        return b == ' ' || b == '\t' || b == '\r';
    }
}
