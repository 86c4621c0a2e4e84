package org.measures311.measures;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import org.measures311.facts.FactsSnapshot;

/**
 * Turns summed raw quantities into published rows, with the conventions of every measure in one place: counts
 * are integers with numerator = value and no denominator; percentages are numerator / denominator x 100 and
 * seconds numerator / denominator, both rounded half-up to 4 places; no row when the denominator is zero; no
 * row for a count or share that is zero. Rows get their target, lineage and flags here too.
 */
final class MeasureRows {
    private static final int SCALE = 4;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final Catalog catalog;
    private final FactsSnapshot facts;
    private final DayWindow window;
    private final Lineage lineage;
    private final TargetResolver targets;
    private final Instant computedAt;
    private final int skillListDrop;
    private final boolean allSkills;
    private final List<MeasureRow> rows = new ArrayList<>();

    MeasureRows(Catalog catalog, FactsSnapshot facts, DayWindow window, Lineage lineage, Instant computedAt,
                PhoneDailyTotals phone) {
        this.catalog = catalog;
        this.facts = facts;
        this.window = window;
        this.lineage = lineage;
        this.targets = new TargetResolver(facts);
        this.computedAt = computedAt;
        this.skillListDrop = phone.skillListDrop();
        this.allSkills = phone.allSkills();
    }

    List<MeasureRow> rows() {
        return rows;
    }

    MeasureDefinition measure(String id) {
        return catalog.find(id).orElseThrow(() -> new IllegalStateException("measure not in catalog: " + id));
    }

    /** The drops behind a period's sums of some buckets; phone rows add the skill list that decided membership. */
    private BitSet drops(Period p, int... buckets) {
        BitSet drops = lineage.union(window.firstDay(p), window.lastDay(p), buckets);
        if (readsPhone(buckets) && skillListDrop >= 0) {
            lineage.addTo(drops, skillListDrop);
        }
        return drops;
    }

    /** A count read from the given source buckets; a zero count has no row. */
    void count(String measureId, Period p, String member, long value, int... buckets) {
        if (value == 0) {
            return;
        }
        BigDecimal v = BigDecimal.valueOf(value);
        add(measure(measureId), p, member, v, v, null, drops(p, buckets), readsPhone(buckets));
    }

    void percent(String measureId, Period p, String member, long numerator, long denominator, int... buckets) {
        if (denominator == 0) {
            return;
        }
        BigDecimal num = BigDecimal.valueOf(numerator);
        BigDecimal den = BigDecimal.valueOf(denominator);
        BigDecimal value = percent(num, den);
        add(measure(measureId), p, member, value, num, den, drops(p, buckets), readsPhone(buckets));
    }

    /** A share of a whole: like {@link #percent} but a zero share has no row. */
    void share(String measureId, Period p, String member, long part, long whole, int... buckets) {
        if (part != 0) {
            percent(measureId, p, member, part, whole, buckets);
        }
    }

    /** Seconds per unit: numerator in milliseconds (published as seconds), denominator a count. */
    void seconds(String measureId, Period p, long numeratorMillis, long denominator, int... buckets) {
        if (denominator == 0) {
            return;
        }
        BigDecimal num = seconds(numeratorMillis);
        BigDecimal den = BigDecimal.valueOf(denominator);
        add(measure(measureId), p, "", ratio(num, den), num, den, drops(p, buckets),
                readsPhone(buckets));
    }

    /** Change against the earlier period in percent; numerator = current, denominator = earlier. */
    void growth(String measureId, Period p, Period earlierPeriod, long current, long earlier, int... buckets) {
        if (earlier == 0) {
            return;
        }
        BitSet drops = drops(p, buckets);
        drops.or(drops(earlierPeriod, buckets));
        BigDecimal value = percent(BigDecimal.valueOf(current - earlier), BigDecimal.valueOf(earlier));
        add(measure(measureId), p, "", value, BigDecimal.valueOf(current), BigDecimal.valueOf(earlier), drops,
                readsPhone(buckets));
    }

    private void add(MeasureDefinition m, Period p, String member, BigDecimal value, BigDecimal numerator,
                     BigDecimal denominator, BitSet drops, boolean readsPhone) {
        Optional<TargetResolver.Target> target = targets.targetFor(m, p);
        Double targetValue = null;
        Boolean meets = null;
        if (target.isPresent()) {
            targetValue = target.get().value();
            meets = meets(value, target.get());
            if (target.get().fromTargetsTable() && facts.targetsDrop() >= 0) {
                drops = (BitSet) drops.clone();
                lineage.addTo(drops, facts.targetsDrop());
            }
        }
        List<String> flags = readsPhone && allSkills ? List.of(MeasureRow.FLAG_ALL_SKILLS) : List.of();
        rows.add(new MeasureRow(m.id(), p.grain(), p.label(), m.dimension(), member, value, numerator, denominator,
                p.start(), p.end(), targetValue, meets, computedAt, lineage.dropIds(drops), flags));
    }

    private static Boolean meets(BigDecimal value, TargetResolver.Target target) {
        int c = value.compareTo(BigDecimal.valueOf(target.value()));
        return switch (target.direction()) {
            case HIGHER_IS_BETTER -> c >= 0;
            case LOWER_IS_BETTER -> c <= 0;
            case NONE -> null;
        };
    }

    private static boolean readsPhone(int... buckets) {
        for (int b : buckets) {
            if (b == Lineage.PHONE) {
                return true;
            }
        }
        return false;
    }

    /** numerator / denominator x 100, rounded half-up (ties away from zero) to 4 places. */
    static BigDecimal percent(BigDecimal numerator, BigDecimal denominator) {
        return ratio(numerator.multiply(HUNDRED), denominator);
    }

    /** numerator / denominator, rounded half-up (ties away from zero) to 4 places. */
    static BigDecimal ratio(BigDecimal numerator, BigDecimal denominator) {
        return numerator.divide(denominator, SCALE, RoundingMode.HALF_UP);
    }

    /** Milliseconds as seconds, without trailing zeros beyond the whole second. */
    static BigDecimal seconds(long millis) {
        BigDecimal s = BigDecimal.valueOf(millis, 3).stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }
}
