package org.measures311.api;

import java.time.LocalDate;

/** Port: recompute every measure over a range of local dates from the curated facts. */
@FunctionalInterface
public interface RecomputeAction {
    /**
     * Recomputes the periods overlapping [from, to) and writes their rows.
     *
     * @param from first local date, inclusive
     * @param to   last local date, exclusive
     */
    RecomputeResult recompute(LocalDate from, LocalDate to);

    /** What a recompute did. */
    record RecomputeResult(LocalDate from, LocalDate to, int periods, int rowsWritten) {
    }
}
