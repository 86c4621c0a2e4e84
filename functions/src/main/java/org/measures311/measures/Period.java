package org.measures311.measures;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One period of a grain: its label as published ({@code 2025-03-14}, {@code 2025-03}, {@code 2025},
 * {@code FY2025}) and its first and last local dates (both inclusive).
 */
public record Period(Grain grain, String label, LocalDate start, LocalDate end) implements Comparable<Period> {
    public Period {
        Objects.requireNonNull(grain, "grain");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("period ends before it starts: " + label);
        }
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(start) && !date.isAfter(end);
    }

    /** The first day after the period (the exclusive end Power BI's RangeEnd uses). */
    public LocalDate endExclusive() {
        return end.plusDays(1);
    }

    @Override
    public int compareTo(Period o) {
        int c = grain.compareTo(o.grain);
        return c != 0 ? c : start.compareTo(o.start);
    }
}
