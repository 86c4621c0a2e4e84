package org.measures311.ingest.zendesk;

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

    /** Counts of a safe CSV range, or null when it is not safe to parse on its own. */
    static Counts csv(byte[] bytes, int from, int to) {
        long lines = 0;
        for (int i = from; i < to; i++) {
            byte b = bytes[i];
            if (b == '\n') {
                lines++;
            } else if (b == '"' || (b == '\r' && (i + 1 == to || bytes[i + 1] != '\n'))) {
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
        for (int i = from; i <= to; i++) {
            if (i < to && bytes[i] != '\n') {
                if (bytes[i] == '\r' && (i + 1 == to || bytes[i + 1] != '\n')) {
                    return null;
                }
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
            if (i < to) {
                lines++;
            }
            lineStart = i + 1;
        }
        return new Counts(lines, records);
    }

    private static boolean isJsonSpace(byte b) {
        return b == ' ' || b == '\t' || b == '\r';
    }
}
