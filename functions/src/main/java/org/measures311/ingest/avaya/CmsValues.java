package org.measures311.ingest.avaya;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.measures311.ingest.text.TextValues;
import org.measures311.ingest.text.ValueException;

/**
 * The value formats CMS Supervisor writes for times and percentages. Durations: {@code :ss}, {@code m:ss}
 * (minutes may pass 59, as CMS writes long averages), {@code h:mm:ss}, or plain seconds. Percentages: a number
 * 0..100 with or without a trailing '%'.
 */
final class CmsValues {
    /** An average or a single call's delay above a day is not a real CMS value but a broken cell. */
    static final double MAX_PER_CALL_SECONDS = 24 * 3600;

    private static final Pattern CLOCK = Pattern.compile("(?:(\\d{1,9}):)?(\\d{0,9}):(\\d{1,2})");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private CmsValues() {
    }

    /** A duration in seconds, not negative; {@code perCall} bounds it to a day (averages, max delay). */
    static double seconds(String cell, boolean perCall) throws ValueException {
        String s = TextValues.clean(cell);
        if (s.startsWith("-")) {
            throw new ValueException("duration out of range: negative " + TextValues.quoteCell(s));
        }
        double seconds;
        Matcher clock = CLOCK.matcher(s);
        if (clock.matches()) {
            long hours = clock.group(1) == null ? 0 : Long.parseLong(clock.group(1));
            String minutesText = clock.group(2);
            long minutes = minutesText.isEmpty() ? 0 : Long.parseLong(minutesText);
            long secs = Long.parseLong(clock.group(3));
            if (secs > 59 || (clock.group(1) != null && minutes > 59)) {
                throw new ValueException("expected a duration as :ss, m:ss, h:mm:ss or seconds, was " + TextValues.quoteCell(s));
            }
            if (clock.group(1) != null && minutesText.isEmpty()) {
                throw new ValueException("expected a duration as :ss, m:ss, h:mm:ss or seconds, was " + TextValues.quoteCell(s));
            }
            seconds = hours * 3600.0 + minutes * 60.0 + secs;
        } else {
            try {
                seconds = TextValues.decimal(s).doubleValue();
            } catch (ValueException e) {
                throw new ValueException("expected a duration as :ss, m:ss, h:mm:ss or seconds, was " + TextValues.quoteCell(s));
            }
        }
        if (perCall && seconds > MAX_PER_CALL_SECONDS) {
            throw new ValueException("duration out of range: " + TextValues.quoteCell(s) + " is more than 24 hours per call");
        }
        return seconds;
    }

    /** A percentage 0..100, '%' optional; kept exact for the half-up rounding of calls within service level. */
    static BigDecimal percent(String cell) throws ValueException {
        String s = TextValues.clean(cell);
        if (s.endsWith("%")) {
            s = s.substring(0, s.length() - 1).strip();
        }
        BigDecimal value;
        try {
            value = TextValues.decimal(s);
        } catch (ValueException e) {
            throw new ValueException("expected a percentage 0..100, was " + TextValues.quoteCell(TextValues.clean(cell)));
        }
        if (value.signum() < 0 || value.compareTo(HUNDRED) > 0) {
            throw new ValueException("percentage out of range 0..100: " + TextValues.quoteCell(TextValues.clean(cell)));
        }
        return value;
    }
}
