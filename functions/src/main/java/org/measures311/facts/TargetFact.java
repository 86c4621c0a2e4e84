package org.measures311.facts;

import java.time.LocalDate;
import java.util.Objects;

/** One row of reference/targets.csv: a measure's target (and optional direction) over inclusive local dates. */
public record TargetFact(String measure, double target, String direction, LocalDate validFrom, LocalDate validTo) {
    public TargetFact {
        Objects.requireNonNull(measure, "measure");
    }

    public boolean validOn(LocalDate date) {
        return (validFrom == null || !date.isBefore(validFrom)) && (validTo == null || !date.isAfter(validTo));
    }
}
