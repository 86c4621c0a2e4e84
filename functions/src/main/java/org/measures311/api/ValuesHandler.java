package org.measures311.api;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.measures311.measures.Catalog;
import org.measures311.measures.Grain;
import org.measures311.measures.MeasureDefinition;
import org.measures311.measures.MeasureRow;

/**
 * {@code GET /measures/{id}/values}: one measure's rows at one grain, optionally one member, whose period
 * starts in [from, to). Filtering on the period start puts every row in exactly one of Power BI's incremental
 * refresh partitions. Rows come in (periodStart, member) order, paged by {@code pageSize} with a continuation
 * token (JSON {@code nextLink}/{@code continuation}, and a {@code Link: rel="next"} header for both formats).
 */
final class ValuesHandler {
    static final int DEFAULT_PAGE_SIZE = 1000;
    static final int MAX_PAGE_SIZE = 5000;
    static final String CONTINUATION = "continuation";
    static final Set<String> PARAMETERS = Set.of("grain", "from", "to", "member", "format", "pageSize", CONTINUATION);

    static final Comparator<MeasureRow> ORDER = Comparator.comparing(MeasureRow::periodStart)
            .thenComparing(MeasureRow::member);

    private final Catalog catalog;
    private final ZoneId zone;
    /** Answers kept per URL while the partition keeps its version: 200 URLs or 16 MB of bodies, whichever first. */
    private final ResponseCache cache = new ResponseCache(200, 16L << 20);
    private final MeasureValuesSource values;

    ValuesHandler(Catalog catalog, ZoneId zone, MeasureValuesSource values) {
        this.catalog = catalog;
        this.zone = zone;
        this.values = values;
    }

    ApiResponse handle(ApiRequest request, String measureId) {
        Params params = Params.of(request, PARAMETERS);
        MeasureDefinition measure = Params.measure(catalog, measureId);
        Grain grain = Params.grain(measure, "grain", params.require("grain"));
        LocalDateTime from = params.dateTime("from", zone);
        LocalDateTime to = params.dateTime("to", zone);
        Params.ordered(from, to, "to");
        String member = params.member(measure).orElse(null);
        String format = params.get("format").orElse("json");
        if (!format.equals("json") && !format.equals("csv")) {
            throw ApiProblem.invalid("format", "'format' is json or csv; got '" + format + "'.");
        }
        int pageSize = params.integer("pageSize", DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE);

        // The answer depends on the rows and on the URL alone (the next link repeats the URL): a URL answered at
        // the partition's current version is answered the same way again. The version is read before the rows.
        OptionalLong version = values.version(measure.id(), grain);
        String cacheKey = request.baseUrl() + request.path() + "?" + request.rawQuery();
        if (version.isPresent()) {
            ApiResponse cached = cache.get(cacheKey, version.getAsLong());
            if (cached != null) {
                return cached;
            }
        }
        // A continuation is checked only here: a URL found in the cache carried a token that was valid already.
        String fingerprint = PageToken.fingerprint(measure.id(), grain.code(), String.valueOf(from),
                String.valueOf(to), String.valueOf(member));
        PageToken after = params.get(CONTINUATION)
                .map(t -> PageToken.decode(CONTINUATION, t, fingerprint)).orElse(null);
        ApiResponse response = answer(request, measure, grain, from, to, member, format, pageSize, fingerprint, after);
        if (version.isPresent()) {
            cache.put(cacheKey, version.getAsLong(), response);
        }
        return response;
    }

    private ApiResponse answer(ApiRequest request, MeasureDefinition measure, Grain grain, LocalDateTime from,
                               LocalDateTime to, String member, String format, int pageSize, String fingerprint,
                               PageToken after) {
        List<MeasureRow> matching = new ArrayList<>();
        for (MeasureRow r : values.read(measure.id(), grain)) {
            LocalDateTime start = r.periodStart().atStartOfDay();
            if ((from == null || !start.isBefore(from)) && (to == null || start.isBefore(to))
                    && (member == null || member.equals(r.member()))
                    && (after == null || isAfter(r, after))) {
                matching.add(r);
            }
        }
        matching.sort(ORDER);
        boolean more = matching.size() > pageSize;
        List<MeasureRow> page = more ? matching.subList(0, pageSize) : matching;
        String token = null;
        String nextLink = null;
        if (more) {
            MeasureRow last = page.get(page.size() - 1);
            token = new PageToken(last.periodStart(), last.member(), fingerprint).encode();
            Map<String, List<String>> q = new LinkedHashMap<>(request.query());
            // Kept as sent, `code` included: a next link must work on its own, and only the key holder sees it.
            q.put(CONTINUATION, List.of(token));
            nextLink = request.baseUrl() + request.path() + "?" + PercentCoding.buildQuery(q);
        }
        ApiResponse response = format.equals("csv")
                ? ApiResponse.of(200, ApiResponse.CSV, MeasureRowFormat.csv(page))
                : ApiResponse.json(200, json(measure, grain, page, nextLink, token));
        if (nextLink != null) {
            response = response.withHeader("Link", "<" + nextLink + ">; rel=\"next\"")
                    .withHeader("X-Continuation-Token", token);
        }
        return response;
    }

    private static boolean isAfter(MeasureRow r, PageToken t) {
        int c = r.periodStart().compareTo(t.lastPeriodStart());
        return c > 0 || (c == 0 && r.member().compareTo(t.lastMember()) > 0);
    }

    private static byte[] json(MeasureDefinition measure, Grain grain, List<MeasureRow> page, String nextLink, String token) {
        return Json.write(g -> {
            g.writeStartObject();
            g.writeStringField("measure", measure.id());
            g.writeStringField("grain", grain.code());
            g.writeNumberField("count", page.size());
            g.writeArrayFieldStart("rows");
            for (MeasureRow r : page) {
                MeasureRowFormat.writeJson(g, r);
            }
            g.writeEndArray();
            Json.field(g, "continuation", token);
            Json.field(g, "nextLink", nextLink);
            g.writeEndObject();
        });
    }
}
