package org.measures311.bench.reference;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One measure row as a comparison key and its figures: value, numerator and denominator as exact decimals
 * (compared by numeric value, so 1234 equals 1234.0). Built from DuckDB's result and from our MeasureRows alike.
 */
public record ReferenceRow(String measure, String grain, String period, String member, BigDecimal value,
                           BigDecimal numerator, BigDecimal denominator) {
    public ReferenceRow {
        Objects.requireNonNull(measure, "measure");
        Objects.requireNonNull(grain, "grain");
        Objects.requireNonNull(period, "period");
        member = member == null ? "" : member;
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(numerator, "numerator");
    }

    static ReferenceRow of(String measure, String grain, String period, String member, String numerator,
                           String denominator, String valueE4) {
        return new ReferenceRow(measure, grain, period, member, new BigDecimal(valueE4).movePointLeft(4),
                new BigDecimal(numerator), denominator == null ? null : new BigDecimal(denominator));
    }

    public String key() {
        return measure + "|" + grain + "|" + period + "|" + member;
    }

    public boolean sameFigures(ReferenceRow o) {
        return value.compareTo(o.value) == 0 && numerator.compareTo(o.numerator) == 0
                && (denominator == null ? o.denominator == null : o.denominator != null && denominator.compareTo(o.denominator) == 0);
    }

    @Override
    public String toString() {
        return key() + " = " + value.toPlainString() + " (" + numerator.toPlainString() + " / "
                + (denominator == null ? "" : denominator.toPlainString()) + ")";
    }
}
