package org.measures311.api;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Set;

/**
 * {@code POST /recompute?from=&to=} (admin key): recomputes every measure over [from, to) from the curated
 * facts. Bounds are dates; the span is capped so one call cannot run past the function timeout.
 */
final class RecomputeHandler {
    static final long MAX_DAYS = 3700; // ten years and change: a whole history, not an open-ended scan

    private final RecomputeAction action;

    RecomputeHandler(RecomputeAction action) {
        this.action = action;
    }

    ApiResponse handle(ApiRequest request) {
        Params params = Params.of(request, Set.of("from", "to"));
        params.require("from");
        params.require("to");
        LocalDate from = params.date("from");
        LocalDate to = params.date("to");
        if (!to.isAfter(from)) {
            throw ApiProblem.invalid("to", "'to' (" + to + ") must be after 'from' (" + from + "); 'to' is exclusive.");
        }
        if (ChronoUnit.DAYS.between(from, to) > MAX_DAYS) {
            throw ApiProblem.invalid("to", "A recompute covers at most " + MAX_DAYS + " days; split the range.");
        }
        RecomputeAction.RecomputeResult result = action.recompute(from, to);
        return ApiResponse.json(200, Json.write(g -> {
            g.writeStartObject();
            g.writeStringField("from", result.from().toString());
            g.writeStringField("to", result.to().toString());
            g.writeNumberField("periods", result.periods());
            g.writeNumberField("rowsWritten", result.rowsWritten());
            g.writeEndObject();
        })).withHeader("Cache-Control", "no-store");
    }
}
