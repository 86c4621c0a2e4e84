package org.measures311.measures;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One published value: the flat row of the CSV contract
 * ({@code measure,grain,period,dimension,member,value,numerator,denominator}) plus its dates, target and
 * provenance. Counts have numerator = value and no denominator; ratios carry raw sums (counts or seconds, not
 * multiplied by 100) so every grain re-derives from sums.
 */
public record MeasureRow(
        String measure,
        Grain grain,
        String period,
        String dimension,
        String member,
        BigDecimal value,
        BigDecimal numerator,
        BigDecimal denominator,
        LocalDate periodStart,
        LocalDate periodEnd,
        Double target,
        Boolean meetsTarget,
        Instant computedAt,
        List<String> dropIds,
        List<String> flags) {

    /** Set on phone rows computed over all skills because no 311 skill list has landed. */
    public static final String FLAG_ALL_SKILLS = "all_skills_no_skill_list";

    public MeasureRow {
        Objects.requireNonNull(measure, "measure");
        Objects.requireNonNull(grain, "grain");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(numerator, "numerator");
        Objects.requireNonNull(periodStart, "periodStart");
        Objects.requireNonNull(periodEnd, "periodEnd");
        dimension = dimension == null ? "" : dimension;
        member = member == null ? "" : member;
        dropIds = dropIds == null ? List.of() : List.copyOf(dropIds);
        flags = flags == null ? List.of() : List.copyOf(flags);
    }

    /** Deterministic id: the same measure, grain, period and member always lands on the same document. */
    public String id() {
        return measure + "|" + grain.code() + "|" + period + "|" + member;
    }

    public String partitionKey() {
        return partitionKey(measure, grain);
    }

    public static String partitionKey(String measure, Grain grain) {
        return measure + "|" + grain.code();
    }

    /** The same row with everything but computedAt: two recomputations that agree compare equal. */
    public boolean sameFigures(MeasureRow o) {
        return measure.equals(o.measure) && grain == o.grain && period.equals(o.period) && dimension.equals(o.dimension)
                && member.equals(o.member) && value.compareTo(o.value) == 0 && numerator.compareTo(o.numerator) == 0
                && (denominator == null ? o.denominator == null : o.denominator != null && denominator.compareTo(o.denominator) == 0)
                && Objects.equals(target, o.target) && Objects.equals(meetsTarget, o.meetsTarget)
                && dropIds.equals(o.dropIds) && flags.equals(o.flags);
    }
}
