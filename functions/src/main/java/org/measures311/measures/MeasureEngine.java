package org.measures311.measures;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.measures311.facts.FactsSnapshot;

/**
 * Computes every measure of the catalog at every grain for the periods that overlap [from, to] (inclusive
 * local dates), from the current state of the facts. Staged like a dbt project: per-day intermediate totals
 * (phone rows of 311 skills; handled tickets with their first CSR responses; digital totals), then one class per
 * measure family that re-derives each period's value from summed raw quantities. The same facts, range and
 * computedAt always give the same rows in the same order.
 */
public final class MeasureEngine {
    private final Catalog catalog;
    private final ProgramCalendar calendar;

    public MeasureEngine(Catalog catalog, ProgramCalendar calendar) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.calendar = Objects.requireNonNull(calendar, "calendar");
    }

    /**
     * Rows sorted by catalog order of the measure, grain, period start, then member (catalog member order, then
     * alphabetical for open dimensions such as category).
     */
    public List<MeasureRow> compute(FactsSnapshot facts, LocalDate from, LocalDate to, Instant computedAt) {
        Objects.requireNonNull(facts, "facts");
        Objects.requireNonNull(computedAt, "computedAt");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("to (" + to + ") is before from (" + from + ")");
        }
        List<List<Period>> periodsByGrain = new ArrayList<>();
        LocalDate first = from;
        LocalDate last = to;
        for (Grain grain : Catalog.ALL_GRAINS) {
            List<Period> periods = calendar.periodsCovering(grain, from, to);
            periodsByGrain.add(periods);
            for (Period p : periods) {
                // Growth compares with the same period one year earlier, even when that lies before `from`.
                LocalDate earliest = grain == Grain.DAY ? p.start() : calendar.yearEarlier(p).start();
                first = earliest.isBefore(first) ? earliest : first;
                last = p.end().isAfter(last) ? p.end() : last;
            }
        }
        DayWindow window = new DayWindow(first, last, calendar);
        Lineage lineage = new Lineage(window.days(), facts);
        PhoneDailyTotals phone = PhoneDailyTotals.of(facts, window, lineage);
        HandledTickets handled = HandledTickets.of(facts, window, lineage);
        DigitalDailyTotals digital = DigitalDailyTotals.of(facts, window, handled, lineage);

        MeasureRows rows = new MeasureRows(catalog, facts, window, lineage, computedAt, phone);
        MixAndGrowth mixAndGrowth = new MixAndGrowth(phone, digital, window, calendar, rows);
        PhoneMeasures phoneMeasures = new PhoneMeasures(phone, window, rows);
        DigitalMeasures digitalMeasures = new DigitalMeasures(digital, window, rows);
        for (List<Period> periods : periodsByGrain) {
            for (Period p : periods) {
                mixAndGrowth.emit(p);
                phoneMeasures.emit(p);
                digitalMeasures.emit(p);
            }
        }
        List<MeasureRow> out = new ArrayList<>(rows.rows());
        out.removeIf(r -> !catalog.find(r.measure()).orElseThrow().hasGrain(r.grain()));
        out.sort(rowOrder());
        return out;
    }

    private Comparator<MeasureRow> rowOrder() {
        List<MeasureDefinition> all = catalog.all();
        Comparator<MeasureRow> byMeasure = Comparator.comparingInt(r -> indexOf(all, r.measure()));
        return byMeasure
                .thenComparing(MeasureRow::grain)
                .thenComparing(MeasureRow::periodStart)
                .thenComparingInt(r -> memberRank(r))
                .thenComparing(MeasureRow::member);
    }

    private int memberRank(MeasureRow r) {
        int i = catalog.find(r.measure()).map(d -> d.members().indexOf(r.member())).orElse(-1);
        return i < 0 ? Integer.MAX_VALUE : i;
    }

    private static int indexOf(List<MeasureDefinition> all, String id) {
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).id().equals(id)) {
                return i;
            }
        }
        return Integer.MAX_VALUE;
    }
}
