package org.measures311.api;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.measures311.ingest.LedgerEntry;
import org.measures311.measures.Catalog;
import org.measures311.measures.Grain;
import org.measures311.measures.MeasureDefinition;
import org.measures311.measures.MeasureRow;
import org.measures311.measures.Period;
import org.measures311.measures.ProgramCalendar;

/**
 * {@code GET /measures/{id}/values/{period}/lineage?grain=&member=}: the drops behind a published value, each
 * resolved to its ledger entry. Without {@code member} every member of the period is listed.
 */
final class LineageHandler {
    private final Catalog catalog;
    private final ProgramCalendar calendar;
    private final MeasureValuesSource values;
    private final DropLedgerSource ledger;

    LineageHandler(Catalog catalog, ProgramCalendar calendar, MeasureValuesSource values, DropLedgerSource ledger) {
        this.catalog = catalog;
        this.calendar = calendar;
        this.values = values;
        this.ledger = ledger;
    }

    ApiResponse handle(ApiRequest request, String measureId, String periodLabel) {
        Params params = Params.of(request, Set.of("grain", "member"));
        MeasureDefinition measure = Params.measure(catalog, measureId);
        Grain grain = Params.grain(measure, "grain", params.require("grain"));
        Period period = calendar.parse(grain, periodLabel).orElseThrow(() -> ApiProblem.invalid("period",
                "'" + periodLabel + "' is not a " + grain.code() + " period; periods look like 2025-03-14, 2025-03, 2025, FY2025."));
        Optional<String> member = params.member(measure);
        List<MeasureRow> rows = values.read(measure.id(), grain).stream()
                .filter(r -> r.period().equals(period.label()))
                .filter(r -> member.isEmpty() || member.get().equals(r.member()))
                .sorted(ValuesHandler.ORDER)
                .toList();
        if (rows.isEmpty()) {
            throw ApiProblem.notFound(member.isPresent() ? "member" : "period", "No value of '" + measure.id() + "' for "
                    + grain.code() + " " + period.label() + member.map(m -> " member '" + m + "'").orElse("") + ".");
        }
        return ApiResponse.json(200, Json.write(g -> {
            g.writeStartObject();
            g.writeStringField("measure", measure.id());
            g.writeStringField("grain", grain.code());
            g.writeStringField("period", period.label());
            g.writeArrayFieldStart("values");
            for (MeasureRow r : rows) {
                g.writeStartObject();
                g.writeStringField("member", r.member());
                Json.field(g, "value", r.value());
                Json.field(g, "computedAt", r.computedAt());
                g.writeArrayFieldStart("flags");
                for (String f : r.flags()) {
                    g.writeString(f);
                }
                g.writeEndArray();
                g.writeArrayFieldStart("drops");
                for (String dropId : r.dropIds()) {
                    Optional<LedgerEntry> entry = ledger.find(dropId);
                    if (entry.isPresent()) {
                        LedgerFormat.write(g, entry.get());
                    } else {
                        // The row names a drop the ledger no longer holds: say so rather than hide it.
                        g.writeStartObject();
                        g.writeStringField("dropId", dropId);
                        g.writeStringField("status", "not_in_ledger");
                        g.writeEndObject();
                    }
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }));
    }
}
