package org.measures311.ingest.zendesk;

/**
 * A fast path for the timestamps Zendesk exports almost always write: {@code yyyy-MM-ddTHH:mm:ss}, optional
 * fraction, then {@code Z}, {@code +HH:MM}, {@code +HHMM}, {@code " UTC"} or nothing (UTC). Parsed by hand,
 * without allocating: profiling the 14M-event benchmark file showed {@code DateTimeFormatter.parse} taking
 * three quarters of the events reader's time (its {@code Parsed} maps are HashMaps built and copied per call).
 *
 * <p>It answers only when the text has exactly that shape and every field is plainly valid (no day 31 of a
 * 30-day month, no hour 24, no offset beyond 18 hours); anything else returns {@link #NOT_FAST} and the caller
 * falls back to the full formatter, so the results are the formatter's for every input
 * ({@code IsoTimestampsTest} checks that differentially). Reads a range of a char array, so the CSV parser
 * ({@link SlotCsvHandler}) and Jackson ({@link JsonCapture}) hand over their own buffers without making a string.
 */
final class IsoTimestamps {
    /** The text is not in the fast shape (it may still be valid for the full formatter). */
    static final long NOT_FAST = Long.MIN_VALUE + 1;

    private static final int[] DAYS_IN_MONTH = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

    private IsoTimestamps() {
    }

    static long epochMillis(String text) {
        return epochMillis(text.toCharArray(), 0, text.length());
    }

    /** The epoch milliseconds of {@code chars[offset, offset + length)}, or {@link #NOT_FAST}. */
    static long epochMillis(char[] chars, int offset, int length) {
        return epochMillis(new Cursor(chars, offset, length));
    }

    /**
     * The text being read, positions relative to its start. One per call; it never escapes, so the compiler
     * keeps its fields in registers and the helpers read the array directly.
     */
    private record Cursor(char[] chars, int start, int n) {
        char charAt(int i) {
            return chars[start + i];
        }
    }

    private static long epochMillis(Cursor s) {
        int n = s.n();
        if (n < 19 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(13) != ':' || s.charAt(16) != ':') {
            return NOT_FAST;
        }
        char t = s.charAt(10);
        if (t != 'T' && t != 't' && t != ' ') {
            return NOT_FAST;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)
                || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return NOT_FAST;
        }
        int i = 19;
        int millis = 0;
        if (i < n && s.charAt(i) == '.') {
            int start = ++i;
            while (i < n && isDigit(s.charAt(i))) {
                if (i - start < 3) {
                    millis = millis * 10 + (s.charAt(i) - '0');
                }
                i++;
            }
            int fractionDigits = i - start;
            if (fractionDigits == 0 || fractionDigits > 9) {
                return NOT_FAST;
            }
            for (int k = fractionDigits; k < 3; k++) {
                millis *= 10;
            }
        }
        int offsetSeconds;
        if (i == n) {
            offsetSeconds = 0;
        } else if (i + 1 == n && (s.charAt(i) == 'Z' || s.charAt(i) == 'z')) {
            offsetSeconds = 0;
        } else if (n - i == 4 && isUtcSuffix(s, i)) {
            offsetSeconds = 0;
        } else {
            offsetSeconds = offset(s, i);
            if (offsetSeconds == Integer.MIN_VALUE) {
                return NOT_FAST;
            }
        }
        long epochDay = epochDay(year, month, day);
        long epochSecond = epochDay * 86_400L + hour * 3600L + minute * 60L + second - offsetSeconds;
        return epochSecond * 1000L + millis;
    }

    /** {@code +HH:MM} or {@code +HHMM} (or minus) at {@code i} to the end; Integer.MIN_VALUE when not that. */
    private static int offset(Cursor s, int i) {
        int n = s.n();
        char sign = s.charAt(i);
        if (sign != '+' && sign != '-') {
            return Integer.MIN_VALUE;
        }
        int hours;
        int minutes;
        if (n - i == 6 && s.charAt(i + 3) == ':') {
            hours = digits(s, i + 1, 2);
            minutes = digits(s, i + 4, 2);
        } else if (n - i == 5) {
            hours = digits(s, i + 1, 2);
            minutes = digits(s, i + 3, 2);
        } else {
            return Integer.MIN_VALUE;
        }
        if (hours < 0 || hours > 17 || minutes < 0 || minutes > 59) {
            return Integer.MIN_VALUE;
        }
        int total = hours * 3600 + minutes * 60;
        return sign == '-' ? -total : total;
    }

    /** {@code " UTC"} in any case at {@code i}. */
    private static boolean isUtcSuffix(Cursor s, int i) {
        return s.charAt(i) == ' ' && Character.toUpperCase(s.charAt(i + 1)) == 'U'
                && Character.toUpperCase(s.charAt(i + 2)) == 'T' && Character.toUpperCase(s.charAt(i + 3)) == 'C';
    }

    /** The value of {@code count} ASCII digits at {@code from}, or -1 when one is not a digit. */
    private static int digits(Cursor s, int from, int count) {
        int v = 0;
        for (int k = from; k < from + count; k++) {
            char c = s.charAt(k);
            if (!isDigit(c)) {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static int daysInMonth(int year, int month) {
        if (month == 2 && (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0))) {
            return 29;
        }
        return DAYS_IN_MONTH[month - 1];
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (the civil-from-days inverse, H. Hinnant's algorithm). */
    static long epochDay(int year, int month, int day) {
        long y = month <= 2 ? year - 1 : year;
        long era = Math.floorDiv(y, 400);
        long yearOfEra = y - era * 400;
        long dayOfYear = (153L * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097 + dayOfEra - 719_468;
    }
}
