package org.measures311.ingest.zendesk;

import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import org.measures311.ingest.ReadContext;

/**
 * The local date (as an epoch day) of instants in one zone, without a {@code ZonedDateTime} per row: the zone's
 * offset is constant between two transitions, so the offset and the interval it holds for are looked up once and
 * reused while the instants stay inside it (a year of events crosses two DST transitions). Profiling the
 * 14M-event file put {@code Instant.atZone(zone).toLocalDate()} at 14% of the reader's time. One per reader, not
 * thread-safe.
 */
final class LocalEpochDays {
    private static final long SECONDS_PER_DAY = 86_400L;

    private final ZoneRules rules;
    /** The cached interval [validFrom, validUntil) in epoch seconds, and the offset that holds in it. */
    private long validFrom = 1;
    private long validUntil = 0;
    private int offsetSeconds;
    /** The earliest and latest local days touched so far (empty while min > max). */
    private long minTouched = Long.MAX_VALUE;
    private long maxTouched = Long.MIN_VALUE;

    LocalEpochDays(ZoneId zone) {
        this.rules = zone.getRules();
    }

    long of(long epochMillis) {
        long second = Math.floorDiv(epochMillis, 1000L);
        if (second < validFrom || second >= validUntil) {
            lookUp(second);
        }
        return Math.floorDiv(second + offsetSeconds, SECONDS_PER_DAY);
    }

    /**
     * Notes the local date of an accepted row's instant. The context keeps only the first and last date, so it is
     * told of a day only when that extends the range seen here: events come grouped by ticket, their days jumping
     * back and forth from row to row, and a {@code LocalDate} per row was 18% of the events CSV parse.
     */
    void touch(ReadContext context, long epochMillis) {
        long day = of(epochMillis);
        if (day < minTouched) {
            minTouched = day;
            context.touchEpochDay(day);
        }
        if (day > maxTouched) {
            maxTouched = day;
            context.touchEpochDay(day);
        }
    }

    private void lookUp(long second) {
        Instant instant = Instant.ofEpochSecond(second);
        offsetSeconds = rules.getOffset(instant).getTotalSeconds();
        if (rules.isFixedOffset()) {
            validFrom = Long.MIN_VALUE;
            validUntil = Long.MAX_VALUE;
            return;
        }
        // previousTransition answers the last transition strictly before its argument; a nanosecond past this
        // second makes a transition exactly at this second count as the start of the interval.
        ZoneOffsetTransition previous = rules.previousTransition(instant.plusNanos(1));
        ZoneOffsetTransition next = rules.nextTransition(instant);
        validFrom = previous == null ? Long.MIN_VALUE : previous.toEpochSecond();
        validUntil = next == null ? Long.MAX_VALUE : next.toEpochSecond();
    }
}
