package org.measures311.measures;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.measures311.facts.FactsSnapshot;
import org.measures311.facts.TargetFact;
import org.measures311.measures.MeasureDefinition.Direction;

/**
 * A period's target: the row of the newest targets table for that measure that is valid on the period's last
 * day (the last such row of the file when several are), else the catalog's default. The direction comes from
 * that row when it names one, else from the catalog.
 */
final class TargetResolver {
    record Target(double value, Direction direction, boolean fromTargetsTable) {
    }

    private final List<TargetFact> table;

    TargetResolver(FactsSnapshot facts) {
        this.table = facts.targets();
    }

    Optional<Target> targetFor(MeasureDefinition measure, Period period) {
        TargetFact chosen = null;
        for (TargetFact t : table) {
            if (t.measure().equals(measure.id()) && t.validOn(period.end())) {
                chosen = t;
            }
        }
        if (chosen != null) {
            return Optional.of(new Target(chosen.target(), direction(chosen.direction(), measure.direction()), true));
        }
        if (measure.defaultTarget() != null) {
            return Optional.of(new Target(measure.defaultTarget(), measure.direction(), false));
        }
        return Optional.empty();
    }

    private static Direction direction(String code, Direction fallback) {
        if (code == null || code.isBlank()) {
            return fallback;
        }
        String c = code.strip().toLowerCase(Locale.ROOT);
        for (Direction d : Direction.values()) {
            if (d.code().equals(c)) {
                return d;
            }
        }
        return fallback;
    }
}
