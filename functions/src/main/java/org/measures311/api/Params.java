package org.measures311.api;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.measures311.measures.Catalog;
import org.measures311.measures.Grain;
import org.measures311.measures.MeasureDefinition;

/**
 * Reads and checks the query parameters of one request; every refusal names the parameter. Parameters a route
 * does not know are refused too, so a typo ({@code grian=day}) is a clear 400 rather than a silently ignored
 * filter. {@code code} is always allowed: it carries the function key, which the Functions host checks.
 */
final class Params {
    static final String KEY_PARAMETER = "code";

    private final ApiRequest request;

    private Params(ApiRequest request) {
        this.request = request;
    }

    /** Checks that only the given parameters (and {@code code}) are present, each at most once. */
    static Params of(ApiRequest request, Set<String> allowed) {
        for (Map.Entry<String, List<String>> e : request.query().entrySet()) {
            String name = e.getKey();
            if (!allowed.contains(name) && !name.equals(KEY_PARAMETER)) {
                throw new ApiProblem(ApiProblem.Type.UNKNOWN_PARAMETER, name,
                        "This route takes no parameter '" + name + "'; it takes " + String.join(", ", new TreeSet<>(allowed)) + ".");
            }
            if (e.getValue().size() > 1) {
                throw ApiProblem.invalid(name, "Give '" + name + "' at most once.");
            }
        }
        return new Params(request);
    }

    Optional<String> get(String name) {
        return request.parameter(name);
    }

    String require(String name) {
        return get(name).orElseThrow(() -> ApiProblem.invalid(name, "'" + name + "' is required."));
    }

    /**
     * The {@code member} asked for, checked against the measure: one of its members when the catalog lists them
     * (channels), any value when they come from the data (categories), and none for a measure without a
     * dimension, whose rows have no member (a filter there would only ever answer nothing).
     */
    Optional<String> member(MeasureDefinition measure) {
        Optional<String> member = get("member");
        if (member.isEmpty()) {
            return member;
        }
        String m = member.get();
        if (measure.dimension().isEmpty()) {
            throw ApiProblem.invalid("member", "Measure '" + measure.id() + "' has no dimension, so its rows have"
                    + " no member; leave 'member' out.");
        }
        if (!measure.members().isEmpty() && !measure.members().contains(m)) {
            throw ApiProblem.invalid("member", "Measure '" + measure.id() + "' has no member '" + m
                    + "'; its " + measure.dimension() + " members are " + String.join(", ", measure.members()) + ".");
        }
        return member;
    }

    static MeasureDefinition measure(Catalog catalog, String id) {
        return catalog.find(id).orElseThrow(() -> ApiProblem.notFound("id",
                "No measure '" + id + "'. GET /api/measures lists them."));
    }

    static Grain grain(MeasureDefinition measure, String name, String value) {
        Grain grain = Grain.ofCode(value).orElseThrow(() -> ApiProblem.invalid(name,
                "Unknown grain '" + value + "'; use one of day, month, year, fiscal_year."));
        if (!measure.hasGrain(grain)) {
            throw ApiProblem.invalid(name, "Measure '" + measure.id() + "' is not published at grain '" + value + "'.");
        }
        return grain;
    }

    /**
     * A date bound: an ISO date ({@code 2025-03-01}), a local date-time (program zone) or a date-time with an
     * offset ({@code 2025-03-01T00:00:00Z}, converted to the program zone). Power BI's RangeStart/RangeEnd are
     * date-times, usually at midnight.
     */
    LocalDateTime dateTime(String name, ZoneId zone) {
        return get(name).map(v -> parseDateTime(name, v, zone)).orElse(null);
    }

    static LocalDateTime parseDateTime(String name, String value, ZoneId zone) {
        try {
            if (value.length() == 10) {
                return LocalDate.parse(value).atStartOfDay();
            }
            if (value.endsWith("Z") || value.matches(".*[+-]\\d{2}:\\d{2}$")) {
                return OffsetDateTime.parse(value).atZoneSameInstant(zone).toLocalDateTime();
            }
            return LocalDateTime.parse(value);
        } catch (DateTimeException e) {
            throw ApiProblem.invalid(name, "'" + name + "' must be an ISO date (2025-03-01) or date-time "
                    + "(2025-03-01T00:00:00, 2025-03-01T00:00:00Z); got '" + value + "'.");
        }
    }

    LocalDate date(String name) {
        return get(name).map(v -> {
            try {
                return LocalDate.parse(v);
            } catch (DateTimeException e) {
                throw ApiProblem.invalid(name, "'" + name + "' must be an ISO date like 2025-03-01; got '" + v + "'.");
            }
        }).orElse(null);
    }

    int integer(String name, int defaultValue, int min, int max) {
        Optional<String> v = get(name);
        if (v.isEmpty()) {
            return defaultValue;
        }
        int n;
        try {
            n = Integer.parseInt(v.get());
        } catch (NumberFormatException e) {
            throw ApiProblem.invalid(name, "'" + name + "' must be a whole number from " + min + " to " + max + ".");
        }
        if (n < min || n > max) {
            throw ApiProblem.invalid(name, "'" + name + "' must be from " + min + " to " + max + "; got " + n + ".");
        }
        return n;
    }

    /** Refuses a range whose end comes before its start (equal bounds are an empty range). */
    static <T extends Comparable<T>> void ordered(T from, T to, String toName) {
        if (from != null && to != null && to.compareTo(from) < 0) {
            throw ApiProblem.invalid(toName, "'" + toName + "' (" + to + ") is before 'from' (" + from
                    + "); 'from' is inclusive and '" + toName + "' exclusive.");
        }
    }
}
