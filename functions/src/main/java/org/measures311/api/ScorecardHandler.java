package org.measures311.api;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.measures311.measures.Catalog;
import org.measures311.measures.Grain;
import org.measures311.measures.MeasureDefinition;
import org.measures311.measures.MeasureRow;
import org.measures311.measures.Period;
import org.measures311.measures.ProgramCalendar;

/**
 * {@code GET /scorecard?asOf=}: per measure, grain and member, the latest complete period that has data (a
 * period is complete when its last day is before {@code asOf}; default today in the program zone), the period
 * before it, the change between them, the target and whether it is met. One flat entry per line, the shape a
 * Power BI table visual takes as it is.
 */
final class ScorecardHandler {
    private final Catalog catalog;
    private final ProgramCalendar calendar;
    private final MeasureValuesSource values;
    private final Clock clock;

    ScorecardHandler(Catalog catalog, ProgramCalendar calendar, MeasureValuesSource values, Clock clock) {
        this.catalog = catalog;
        this.calendar = calendar;
        this.values = values;
        this.clock = clock;
    }

    /** One line of the scorecard. */
    /**
     * {@code previousValue} is null when the previous period has no data for the measure at all. A count whose
     * row is missing while other members of that period have rows is zero: zero counts are not stored.
     */
    record Entry(MeasureDefinition measure, MeasureRow current, BigDecimal previousValue, Period previousPeriod) {
        Double target() {
            return current.target() != null ? current.target() : measure.defaultTarget();
        }

        String status() {
            Double t = target();
            if (t == null) {
                return "no_target";
            }
            Boolean met = current.meetsTarget();
            if (met == null) {
                int c = current.value().compareTo(BigDecimal.valueOf(t));
                met = switch (measure.direction()) {
                    case HIGHER_IS_BETTER -> c >= 0;
                    case LOWER_IS_BETTER -> c <= 0;
                    case NONE -> c == 0;
                };
            }
            return met ? "met" : "not_met";
        }
    }

    ApiResponse handle(ApiRequest request) {
        Params params = Params.of(request, Set.of("asOf"));
        LocalDate asOf = Optional.ofNullable(params.date("asOf")).orElseGet(() -> LocalDate.now(clock.withZone(calendar.zone())));
        List<Entry> entries = entries(asOf);
        return ApiResponse.json(200, Json.write(g -> {
            g.writeStartObject();
            g.writeStringField("asOf", asOf.toString());
            g.writeStringField("timeZone", calendar.zone().getId());
            g.writeArrayFieldStart("entries");
            for (Entry e : entries) {
                write(g, e);
            }
            g.writeEndArray();
            g.writeEndObject();
        }));
    }

    List<Entry> entries(LocalDate asOf) {
        List<Entry> out = new ArrayList<>();
        for (MeasureDefinition m : catalog.all()) {
            for (Grain grain : m.grains()) {
                List<MeasureRow> rows = values.read(m.id(), grain);
                Optional<LocalDate> latest = rows.stream().filter(r -> r.periodEnd().isBefore(asOf))
                        .map(MeasureRow::periodStart).max(Comparator.naturalOrder());
                if (latest.isEmpty()) {
                    continue;
                }
                Period previous = calendar.previous(calendar.period(grain, latest.get()));
                Map<String, MeasureRow> previousByMember = new HashMap<>();
                for (MeasureRow r : rows) {
                    if (r.periodStart().equals(previous.start())) {
                        previousByMember.put(r.member(), r);
                    }
                }
                rows.stream().filter(r -> r.periodStart().equals(latest.get()))
                        .sorted(Comparator.comparing(r -> memberOrder(m, r.member())))
                        .forEach(r -> out.add(new Entry(m, r, previousValue(m, previousByMember, r.member()), previous)));
            }
        }
        return out;
    }

    private static BigDecimal previousValue(MeasureDefinition m, Map<String, MeasureRow> previousByMember, String member) {
        MeasureRow row = previousByMember.get(member);
        if (row != null) {
            return row.value();
        }
        boolean periodHasData = !previousByMember.isEmpty();
        return periodHasData && m.unit() == MeasureDefinition.Unit.COUNT ? BigDecimal.ZERO : null;
    }

    private static int memberOrder(MeasureDefinition m, String member) {
        int i = m.members().indexOf(member);
        return i < 0 ? Integer.MAX_VALUE : i;
    }

    private static void write(JsonGenerator g, Entry e) throws IOException {
        MeasureRow c = e.current();
        g.writeStartObject();
        g.writeStringField("measure", e.measure().id());
        g.writeStringField("name", e.measure().name());
        g.writeStringField("unit", e.measure().unit().code());
        g.writeStringField("grain", c.grain().code());
        g.writeStringField("dimension", c.dimension());
        g.writeStringField("member", c.member());
        g.writeStringField("period", c.period());
        Json.field(g, "periodStart", c.periodStart());
        Json.field(g, "periodEnd", c.periodEnd());
        Json.field(g, "value", c.value());
        g.writeStringField("previousPeriod", e.previousPeriod().label());
        BigDecimal prev = e.previousValue();
        Json.field(g, "previousValue", prev);
        Json.field(g, "change", prev == null ? null : c.value().subtract(prev));
        Json.field(g, "changePercent", prev == null || prev.signum() == 0 ? null
                : c.value().subtract(prev).multiply(BigDecimal.valueOf(100))
                        .divide(prev, new MathContext(12, RoundingMode.HALF_EVEN)).setScale(2, RoundingMode.HALF_EVEN));
        Json.field(g, "target", e.target());
        g.writeStringField("direction", e.measure().direction().code());
        g.writeStringField("status", e.status());
        g.writeEndObject();
    }
}
