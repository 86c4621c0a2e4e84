package org.measures311.measures;

import java.time.LocalDate;

/** What one recomputation did: the local date range, rows computed and rows actually written or removed. */
public record RecomputeSummary(LocalDate from, LocalDate to, int dropsConsidered, int rowsComputed, int rowsWritten,
                               int rowsDeleted, long millis) {
    public static RecomputeSummary nothingToDo() {
        return new RecomputeSummary(null, null, 0, 0, 0, 0, 0);
    }

    public String describe() {
        if (from == null) {
            return "nothing to recompute";
        }
        return String.format("recomputed %s..%s from %d drops: %d rows computed, %d written, %d removed in %d ms",
                from, to, dropsConsidered, rowsComputed, rowsWritten, rowsDeleted, millis);
    }
}
