package org.measures311.ingest;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/**
 * The latest date a CMS or Zendesk row may carry. Those drops hold history: a date after tomorrow in the
 * program's zone is a typo or a wrong year, and left in it would count in a period that has not happened (and a
 * future {@code updated_at} would win over every later correction of its ticket). Tomorrow, not today, so that
 * a drop exported near midnight or stamped by a clock a little ahead is still taken. Targets are not held to it:
 * they may be set ahead.
 *
 * @param latestAccepted          the last local date accepted
 * @param firstRefusedEpochMillis the first instant refused: the start of the day after {@code latestAccepted}
 *                                in the program's zone
 */
public record FutureLimit(LocalDate latestAccepted, long firstRefusedEpochMillis) {
    public FutureLimit {
        Objects.requireNonNull(latestAccepted, "latestAccepted");
    }

    /** The limit for a drop read now: tomorrow, as a local date in {@code zone}. */
    public static FutureLimit of(Clock clock, ZoneId zone) {
        LocalDate latest = LocalDate.ofInstant(clock.instant(), zone).plusDays(1);
        return new FutureLimit(latest, latest.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli());
    }

    public boolean refuses(LocalDate date) {
        return date.isAfter(latestAccepted);
    }

    public boolean refusesEpochMillis(long epochMillis) {
        return epochMillis >= firstRefusedEpochMillis;
    }

    /** The row error for a refused date or instant, e.g. "date 2052-06-01 is in the future (latest accepted: 2026-11-24)". */
    public String message(String what, Object value) {
        return what + " " + value + " is in the future (latest accepted: " + latestAccepted + ")";
    }

    public String messageForEpochMillis(long epochMillis) {
        return message("timestamp", Instant.ofEpochMilli(epochMillis));
    }
}
