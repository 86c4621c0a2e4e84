package org.measures311.ingest.zendesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class IsoTimestampsTest {
    /** The full parser the fast path stands in for (ZendeskValues falls back to it): the oracle. */
    private static final DateTimeFormatter ORACLE = ZendeskValues.ISO_TIMESTAMP;

    private static long oracle(String s) {
        try {
            TemporalAccessor parsed = ORACLE.parse(s);
            ZoneOffset offset = parsed.isSupported(ChronoField.OFFSET_SECONDS)
                    ? ZoneOffset.ofTotalSeconds(parsed.get(ChronoField.OFFSET_SECONDS)) : ZoneOffset.UTC;
            return LocalDateTime.from(parsed).toInstant(offset).toEpochMilli();
        } catch (DateTimeParseException | ArithmeticException e) {
            return ZendeskValues.INVALID;
        }
    }

    @Test
    void handWorkedValues() {
        // 1970-01-02 is epoch day 1: 86,400 s + 1.5 s.
        assertThat(IsoTimestamps.epochMillis("1970-01-02T00:00:01.5Z")).isEqualTo(86_401_500L);
        // 2000-03-01 is epoch day 10,957 (2000-01-01) + 31 + 29 = 11,017; one hour east of UTC is an hour earlier.
        assertThat(IsoTimestamps.epochMillis("2000-03-01T00:00:00+01:00")).isEqualTo((11_017L * 86_400 - 3_600) * 1000);
        assertThat(IsoTimestamps.epochMillis("2000-03-01 00:00:00 utc")).isEqualTo(11_017L * 86_400 * 1000);
        // Fraction digits past milliseconds are truncated, as Instant.toEpochMilli does.
        assertThat(IsoTimestamps.epochMillis("1970-01-01T00:00:00.123999999")).isEqualTo(123L);
        assertThat(IsoTimestamps.epochMillis("1969-12-31T23:59:59-0030")).isEqualTo(1_799_000L);
    }

    @Test
    void readsTheGivenRangeOfABufferOnly() {
        char[] buffer = "9,1970-01-02T00:00:01.5Z,2000-03-01T00:00:00+01:00Z".toCharArray();
        assertThat(IsoTimestamps.epochMillis(buffer, 2, 22)).isEqualTo(86_401_500L);
        // The same range one character longer takes in the comma, which is not a timestamp.
        assertThat(IsoTimestamps.epochMillis(buffer, 2, 23)).isEqualTo(IsoTimestamps.NOT_FAST);
        assertThat(IsoTimestamps.epochMillis(buffer, 25, 25)).isEqualTo((11_017L * 86_400 - 3_600) * 1000);
        assertThat(IsoTimestamps.epochMillis(buffer, 25, 26)).isEqualTo(IsoTimestamps.NOT_FAST);
    }

    @Test
    void leavesEverythingOutsideTheFastShapeToTheFormatter() {
        for (String s : new String[] {"2025-02-29T00:00:00Z", "2025-04-31T00:00:00Z", "2025-01-01T24:00:00Z",
                "2025-01-01T12:00Z", "2025-01-01T12:00:00.Z", "2025-01-01T12:00:00+18:00", "2025-01-01T12:00:00+01",
                "+12025-01-01T12:00:00Z", "2025-1-01T12:00:00Z", "2025-01-01X12:00:00Z", "2025-01-01T12:00:00 PST"}) {
            assertThat(IsoTimestamps.epochMillis(s)).as(s).isEqualTo(IsoTimestamps.NOT_FAST);
        }
    }

    @Test
    void agreesWithTheFormatterOnEveryInputItAnswers() {
        SplittableRandom random = new SplittableRandom(311);
        String[] separators = {"T", "t", " ", "X"};
        String[] suffixes = {"", "Z", "z", " UTC", " utc", "+01:00", "-07:00", "+0530", "-1145", "+17:59", "+18:00",
                "+1:00", "Q", "+01:0", "-00:00"};
        int answered = 0;
        for (int i = 0; i < 200_000; i++) {
            String date = String.format(Locale.ROOT, "%04d-%02d-%02d", random.nextInt(1900, 2101),
                    random.nextInt(0, 14), random.nextInt(0, 33));
            String time = String.format(Locale.ROOT, "%02d:%02d:%02d", random.nextInt(0, 26), random.nextInt(0, 61),
                    random.nextInt(0, 61));
            String fraction = switch (random.nextInt(5)) {
                case 0 -> "." + random.nextInt(0, 10);
                case 1 -> "." + String.format(Locale.ROOT, "%03d", random.nextInt(0, 1000));
                case 2 -> "." + String.format(Locale.ROOT, "%09d", random.nextInt(0, 1_000_000_000));
                default -> "";
            };
            String s = date + separators[random.nextInt(separators.length)] + time + fraction
                    + suffixes[random.nextInt(suffixes.length)];
            long fast = IsoTimestamps.epochMillis(s);
            if (fast != IsoTimestamps.NOT_FAST) {
                answered++;
                assertThat(fast).as(s).isEqualTo(oracle(s));
            }
            // Through the public entry point, fast path or not, the result is always the formatter's.
            assertThat(ZendeskValues.epochMillis(s)).as(s).isEqualTo(oracle(s));
        }
        assertThat(answered).isGreaterThan(20_000);
    }
}
