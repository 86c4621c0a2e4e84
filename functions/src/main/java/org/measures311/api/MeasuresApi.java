package org.measures311.api;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.measures311.api.odata.ODataService;
import org.measures311.measures.Catalog;
import org.measures311.measures.ProgramCalendar;

/**
 * The HTTP API as plain Java: one {@link ApiRequest} in, one {@link ApiResponse} out, whoever carries the bytes
 * (the Functions adapters, the local server, tests). It matches the {@link Route} table, hands the request to
 * that route's handler, and gives every answer the same finish: problem+json for refusals, a generic 500 with a
 * correlation id (detail only in the log) for anything unexpected, ETag/304, gzip and Cache-Control on reads.
 *
 * <p>Keys are not checked here: in Azure the Functions host enforces each route's {@link AuthLevel} before the
 * adapter runs, and locally no key is needed. The {@code code} parameter is accepted everywhere for that reason.
 */
public final class MeasuresApi {
    private static final Logger LOG = Logger.getLogger(MeasuresApi.class.getName());

    /** Largest request body accepted (recompute takes none; this only bounds what a caller can make us hold). */
    public static final int MAX_BODY_BYTES = 64 * 1024;

    private final CatalogHandler catalog;
    private final ValuesHandler values;
    private final ScorecardHandler scorecard;
    private final DropsHandler drops;
    private final LineageHandler lineage;
    private final RecomputeHandler recompute;
    private final HealthHandler health;
    private final OpenApiHandler openApi;
    private final ODataService odata;

    /**
     * @param catalog   the published measures
     * @param calendar  program time zone and fiscal year (period labels, "today", complete periods)
     * @param values    rows of one measure and grain
     * @param ledger    the ingest ledger
     * @param recompute what {@code POST /recompute} runs
     * @param health    storage and document store reachability
     * @param clock     "now" (tests pass a fixed clock)
     */
    public MeasuresApi(Catalog catalog, ProgramCalendar calendar, MeasureValuesSource values, DropLedgerSource ledger,
                       RecomputeAction recompute, HealthProbe health, Clock clock) {
        Objects.requireNonNull(catalog, "catalog");
        Objects.requireNonNull(calendar, "calendar");
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(ledger, "ledger");
        Objects.requireNonNull(recompute, "recompute");
        Objects.requireNonNull(health, "health");
        Objects.requireNonNull(clock, "clock");
        this.catalog = new CatalogHandler(catalog);
        this.values = new ValuesHandler(catalog, calendar.zone(), values);
        this.scorecard = new ScorecardHandler(catalog, calendar, values, clock);
        this.drops = new DropsHandler(ledger, clock);
        this.lineage = new LineageHandler(catalog, calendar, values, ledger);
        this.recompute = new RecomputeHandler(recompute);
        this.health = new HealthHandler(health, ledger, clock);
        this.openApi = new OpenApiHandler();
        this.odata = new ODataService(catalog, values);
    }

    /** Answers one request; never throws. */
    public ApiResponse handle(ApiRequest request) {
        try {
            return ResponseEncoding.apply(request, dispatch(request));
        } catch (ApiProblem problem) {
            return ProblemResponses.of(problem, request.path());
        } catch (RuntimeException | Error unexpected) {
            String correlationId = UUID.randomUUID().toString();
            LOG.log(Level.SEVERE, "unexpected failure serving " + request.method() + " " + request.path()
                    + " (correlation id " + correlationId + ")", unexpected);
            return ProblemResponses.of(new ApiProblem(ApiProblem.Type.INTERNAL_ERROR, null,
                    "The request could not be answered. Quote correlation id " + correlationId
                            + " when reporting it.", correlationId), request.path());
        }
    }

    private ApiResponse dispatch(ApiRequest request) {
        Optional<Route.Match> found = Route.find(request.path());
        if (found.isEmpty()) {
            throw ApiProblem.notFound(null, "No route " + request.path() + ". GET /api/openapi.json lists the routes.");
        }
        Route.Match match = found.get();
        Route route = match.route();
        boolean head = request.method().equals("HEAD") && route.method().equals("GET");
        if (!request.method().equals(route.method()) && !head) {
            return ProblemResponses.of(new ApiProblem(ApiProblem.Type.METHOD_NOT_ALLOWED, null,
                    request.path() + " answers " + route.method() + " only."), request.path())
                    .withHeader("Allow", route.method());
        }
        if (request.body().length > MAX_BODY_BYTES) {
            throw new ApiProblem(ApiProblem.Type.PAYLOAD_TOO_LARGE, null,
                    "Request bodies are limited to " + MAX_BODY_BYTES + " bytes.");
        }
        ApiRequest effective = head ? withMethod(request, "GET") : request;
        ApiResponse response = switch (route) {
            case CATALOG -> catalog.handle(effective);
            case VALUES -> values.handle(effective, match.parameter(0));
            case LINEAGE -> lineage.handle(effective, match.parameter(0), match.parameter(1));
            case SCORECARD -> scorecard.handle(effective);
            case DROPS -> drops.handle(effective);
            case ODATA -> odata.handle(effective, match.parameter(0));
            case OPENAPI -> openApi.handle(effective);
            case RECOMPUTE -> recompute.handle(effective);
            case HEALTH -> health.handle(effective);
        };
        return response;
    }

    private static ApiRequest withMethod(ApiRequest r, String method) {
        return new ApiRequest(method, r.baseUrl(), r.path(), r.rawQuery(), r.query(), r.headers(), r.body());
    }
}
