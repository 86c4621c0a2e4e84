package org.measures311.measures;

import java.time.Instant;
import java.time.LocalDate;
import java.time.zone.ZoneRules;

/**
 * The run of local dates a computation needs (the periods asked for, plus the year before them for growth),
 * numbered from 0 so per-day sums are plain arrays. Converts UTC instants to local day numbers in the program
 * zone without building a LocalDate per ticket.
 */
final class DayWindow {
    private final LocalDate first;
    private final long firstEpochDay;
    private final int days;
    private final ZoneRules rules;

    DayWindow(LocalDate first, LocalDate last, ProgramCalendar calendar) {
        if (last.isBefore(first)) {
            throw new IllegalArgumentException("window ends before it starts");
        }
        this.first = first;
        this.firstEpochDay = first.toEpochDay();
        this.days = (int) (last.toEpochDay() - firstEpochDay + 1);
        this.rules = calendar.zone().getRules();
    }

    int days() {
        return days;
    }

    LocalDate date(int day) {
        return first.plusDays(day);
    }

    /** The day number of a local date, or -1 outside the window. */
    int dayOf(LocalDate date) {
        return dayOfEpochDay(date.toEpochDay());
    }

    /** The day number of the local date (program zone) of a UTC instant, or -1 outside the window. */
    int dayOfEpochMillis(long epochMillis) {
        int offsetSeconds = rules.getOffset(Instant.ofEpochMilli(epochMillis)).getTotalSeconds();
        long localSeconds = Math.floorDiv(epochMillis, 1000L) + offsetSeconds;
        return dayOfEpochDay(Math.floorDiv(localSeconds, 86_400L));
    }

    private int dayOfEpochDay(long epochDay) {
        long d = epochDay - firstEpochDay;
        return d >= 0 && d < days ? (int) d : -1;
    }

    /** First and last day numbers of a period (which must lie inside the window). */
    int firstDay(Period p) {
        return requireInside(dayOf(p.start()), p);
    }

    int lastDay(Period p) {
        return requireInside(dayOf(p.end()), p);
    }

    private static int requireInside(int day, Period p) {
        if (day < 0) {
            throw new IllegalStateException("period " + p.label() + " lies outside the computation window");
        }
        return day;
    }

    static long sum(long[] perDay, int firstDay, int lastDay) {
        long s = 0;
        for (int d = firstDay; d <= lastDay; d++) {
            s += perDay[d];
        }
        return s;
    }
}
