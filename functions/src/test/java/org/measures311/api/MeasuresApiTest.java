package org.measures311.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.measures311.api.ApiFixtures.get;
import static org.measures311.api.ApiFixtures.request;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.measures311.measures.Catalog;

/** The handlers through the router, on the hand-made fixtures (expected figures: resources/api/README.md). */
class MeasuresApiTest {
    static final ObjectMapper JSON = new ObjectMapper();
    final ApiFixtures.Wiring w = ApiFixtures.wiring();

    static JsonNode json(ApiResponse r) throws IOException {
        return JSON.readTree(r.body());
    }

    @Test
    void catalogListsTheMeasureWithItsGrainsAndMembers() throws IOException {
        ApiResponse r = w.api().handle(get("/measures"));
        assertThat(r.status()).isEqualTo(200);
        JsonNode m = json(r).get("measures").get(0);
        assertThat(m.get("id").asText()).isEqualTo("contacts_handled");
        assertThat(m.get("grains").toString()).isEqualTo("[\"day\",\"month\",\"year\",\"fiscal_year\"]");
        assertThat(m.get("dimensions").get(0).get("members").toString())
                .isEqualTo("[\"phone\",\"email\",\"webform\",\"in_person\",\"total\"]");
        assertThat(m.get("target").isNull()).isTrue();
        assertThat(m.get("valuesLink").asText()).isEqualTo("http://localhost:7071/api/measures/contacts_handled/values");
    }

    @Test
    void valuesFilterByHalfOpenDateRangeAndMember() throws IOException {
        JsonNode body = json(w.api().handle(get("/measures/contacts_handled/values?grain=day&from=2025-03-10&to=2025-03-12&member=phone")));
        assertThat(body.get("count").asInt()).isEqualTo(2);
        assertThat(body.get("rows").get(0).get("period").asText()).isEqualTo("2025-03-10");
        assertThat(body.get("rows").get(0).get("value").decimalValue()).isEqualByComparingTo("110");
        assertThat(body.get("rows").get(1).get("value").decimalValue()).isEqualByComparingTo("111");
        assertThat(body.get("nextLink").isNull()).isTrue();
        List<String> fields = new ArrayList<>();
        body.get("rows").get(0).fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("measure", "grain", "period", "dimension", "member", "value", "numerator",
                "denominator", "periodStart", "periodEnd", "target", "meetsTarget", "computedAt", "flags");
        assertThat(body.get("rows").get(0).get("denominator").isNull()).isTrue();
    }

    @Test
    void dateTimeBoundsWithOffsetAreReadInTheProgramZone() throws IOException {
        // 2025-03-30T07:00Z is midnight in Los Angeles (PDT, UTC-7): the 30th and 31st, two members each.
        JsonNode body = json(w.api().handle(get("/measures/contacts_handled/values?grain=day&from=2025-03-30T07:00:00Z")));
        assertThat(body.get("count").asInt()).isEqualTo(4);
        assertThat(body.get("rows").get(0).get("period").asText()).isEqualTo("2025-03-30");
    }

    @Test
    void csvHasTheContractColumnsThenTheExtras() {
        ApiResponse r = w.api().handle(get("/measures/contacts_handled/values?grain=day&from=2025-03-10&to=2025-03-11&member=phone&format=csv"));
        assertThat(r.header("Content-Type")).contains(ApiResponse.CSV);
        assertThat(r.bodyText()).isEqualTo(
                "measure,grain,period,dimension,member,value,numerator,denominator,periodStart,periodEnd,target,meetsTarget,computedAt,flags\r\n"
                        + "contacts_handled,day,2025-03-10,channel,phone,110,110,,2025-03-10,2025-03-10,,,2025-04-02T08:00:00Z,\r\n");
    }

    @Test
    void emptyResultsKeepTheirShape() throws IOException {
        ApiResponse csv = w.api().handle(get("/measures/contacts_handled/values?grain=year&format=csv"));
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.bodyText()).isEqualTo(
                "measure,grain,period,dimension,member,value,numerator,denominator,periodStart,periodEnd,target,meetsTarget,computedAt,flags\r\n");
        JsonNode body = json(w.api().handle(get("/measures/contacts_handled/values?grain=year")));
        assertThat(body.get("rows").size()).isZero();
        assertThat(body.get("count").asInt()).isZero();
    }

    @Test
    void pagingWalksEveryRowOnceInOrder() throws IOException {
        List<String> ids = new ArrayList<>();
        String path = "/measures/contacts_handled/values?grain=day&pageSize=25";
        int pages = 0;
        while (path != null) {
            ApiResponse r = w.api().handle(get(path));
            JsonNode body = json(r);
            body.get("rows").forEach(row -> ids.add(row.get("period").asText() + "|" + row.get("member").asText()));
            String next = body.get("nextLink").isNull() ? null : body.get("nextLink").asText();
            if (next != null) {
                assertThat(r.header("Link")).contains("<" + next + ">; rel=\"next\"");
            }
            path = next == null ? null : next.substring("http://localhost:7071/api".length());
            pages++;
        }
        assertThat(pages).isEqualTo(3); // 25 + 25 + 12
        assertThat(ids).hasSize(62).doesNotHaveDuplicates();
        assertThat(ids.subList(0, 3)).containsExactly("2025-03-01|phone", "2025-03-01|total", "2025-03-02|phone");
        assertThat(ids.get(61)).isEqualTo("2025-03-31|total");
    }

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource({
            "/measures/nope/values?grain=day, 404, id",
            "/measures/contacts_handled/values?grain=week, 400, grain",
            "/measures/contacts_handled/values, 400, grain",
            "/measures/contacts_handled/values?grain=day&from=2025-13-01, 400, from",
            "/measures/contacts_handled/values?grain=day&from=yesterday, 400, from",
            "/measures/contacts_handled/values?grain=day&from=2025-03-10&to=2025-03-01, 400, to",
            "/measures/contacts_handled/values?grain=day&pageSize=5001, 400, pageSize",
            "/measures/contacts_handled/values?grain=day&pageSize=0, 400, pageSize",
            "/measures/contacts_handled/values?grain=day&pageSize=lots, 400, pageSize",
            "/measures/contacts_handled/values?grian=day, 400, grian",
            "/measures/contacts_handled/values?grain=day&member=fax, 400, member",
            "/measures/service_level/values?grain=month&member=phone, 400, member",
            "/measures/contacts_handled/values/2025-03-31/lineage?grain=day&member=fax, 400, member",
            "/measures/service_level/values/2025-03/lineage?grain=month&member=total, 400, member",
            "/measures/contacts_handled/values?grain=day&format=xml, 400, format",
            "/measures/contacts_handled/values?grain=day&continuation=%21%21, 400, continuation",
            "/measures/contacts_handled/values?grain=day&grain=month, 400, grain",
            "/scorecard?asOf=15/04/2025, 400, asOf",
            "/drops?status=lost, 400, status",
            "/drops?from=2025-02-30, 400, from",
            "/measures/contacts_handled/values/2025-3-31/lineage?grain=day, 400, period",
            "/measures/contacts_handled/values/2025-05-01/lineage?grain=day, 404, period",
            "/odata/MeasureValues?$filter=grain eq, 400, $filter",
            "/odata/MeasureValues?$top=-1, 400, $top",
            "/odata/MeasureValues?$filter=nosuch eq 1, 400, $filter",
            "/odata/MeasureValues?$filter=length(member) eq 5, 400, $filter",
            "/odata/MeasureValues?$filter=periodStart ge 'x', 400, $filter",
            "/odata/MeasureValues?$skiptoken=abc, 400, $skiptoken",
            "/odata/MeasureValues?$orderby=value sideways, 400, $orderby",
    })
    void badInputIsAProblemNamingTheParameter(String path, int status, String parameter) throws IOException {
        ApiResponse r = w.api().handle(get(path.replace(" ", "%20")));
        assertThat(r.status()).isEqualTo(status);
        assertThat(r.header("Content-Type")).contains(ApiResponse.PROBLEM_JSON);
        JsonNode p = json(r);
        assertThat(p.get("status").asInt()).isEqualTo(status);
        assertThat(p.get("type").asText()).startsWith("urn:measures311:problem:");
        assertThat(p.get("title").asText()).isNotBlank();
        assertThat(p.get("detail").asText()).isNotBlank().doesNotContain("Exception").doesNotContain("at org.");
        assertThat(p.get("parameter").asText()).isEqualTo(parameter);
    }

    @Test
    void aContinuationTokenOfAnotherQueryIsRefused() throws IOException {
        String token = json(w.api().handle(get("/measures/contacts_handled/values?grain=day&pageSize=10"))).get("continuation").asText();
        ApiResponse r = w.api().handle(get("/measures/contacts_handled/values?grain=day&member=phone&pageSize=10&continuation=" + token));
        assertThat(r.status()).isEqualTo(400);
        assertThat(json(r).get("parameter").asText()).isEqualTo("continuation");
    }

    @Test
    void theKeyParameterIsAcceptedEverywhere() {
        assertThat(w.api().handle(get("/measures?code=abc")).status()).isEqualTo(200);
        assertThat(w.api().handle(get("/scorecard?code=abc")).status()).isEqualTo(200);
    }

    @Test
    void scorecardShowsLatestCompletePeriodPreviousChangeAndStatus() throws IOException {
        JsonNode body = json(w.api().handle(get("/scorecard?asOf=2025-04-15")));
        JsonNode e = body.get("entries");
        assertThat(e.size()).isEqualTo(4);
        assertEntry(e.get(0), "day", "phone", "2025-03-31", "131", "2025-03-30", "130", "1", "0.77", "no_target");
        assertEntry(e.get(1), "day", "total", "2025-03-31", "231", "2025-03-30", "230", "1", "0.43", "no_target");
        assertEntry(e.get(2), "month", "phone", "2025-03", "3596", "2025-02", "2800", "796", "28.43", "no_target");
        assertEntry(e.get(3), "month", "total", "2025-03", "6696", "2025-02", "4500", "2196", "48.80", "met");
        assertThat(e.get(3).get("target").asDouble()).isEqualTo(6000.0);
    }

    @Test
    void scorecardDefaultsToTodayInTheProgramZoneAndTreatsTheCurrentPeriodAsIncomplete() throws IOException {
        assertThat(json(w.api().handle(get("/scorecard"))).get("asOf").asText()).isEqualTo("2025-04-15");
        JsonNode e = json(w.api().handle(get("/scorecard?asOf=2025-03-31"))).get("entries");
        assertEntry(e.get(0), "day", "phone", "2025-03-30", "130", "2025-03-29", "129", "1", "0.78", "no_target");
        assertEntry(e.get(3), "month", "total", "2025-02", "4500", "2025-01", "5000", "-500", "-10.00", "not_met");
    }

    private static void assertEntry(JsonNode e, String grain, String member, String period, String value,
                                    String previousPeriod, String previousValue, String change, String pct, String status) {
        assertThat(e.get("grain").asText()).isEqualTo(grain);
        assertThat(e.get("member").asText()).isEqualTo(member);
        assertThat(e.get("period").asText()).isEqualTo(period);
        assertThat(e.get("value").decimalValue()).isEqualByComparingTo(value);
        assertThat(e.get("previousPeriod").asText()).isEqualTo(previousPeriod);
        assertThat(e.get("previousValue").decimalValue()).isEqualByComparingTo(previousValue);
        assertThat(e.get("change").decimalValue()).isEqualByComparingTo(change);
        assertThat(e.get("changePercent").decimalValue()).isEqualByComparingTo(pct);
        assertThat(e.get("status").asText()).isEqualTo(status);
    }

    @Test
    void dropsListTheLedgerNewestFirstWithFilters() throws IOException {
        JsonNode all = json(w.api().handle(get("/drops")));
        assertThat(all.get("from").asText()).isEqualTo("2025-01-15");
        assertThat(all.get("drops").findValuesAsText("dropId")).containsExactly(ApiFixtures.DROP_C, ApiFixtures.DROP_B, ApiFixtures.DROP_A);
        JsonNode q = json(w.api().handle(get("/drops?status=quarantined")));
        assertThat(q.get("count").asInt()).isEqualTo(1);
        assertThat(q.get("drops").get(0).get("errorCount").asInt()).isEqualTo(25);
        assertThat(q.get("drops").get(0).get("errors").size()).isEqualTo(20);
        assertThat(q.get("drops").get(0).get("errors").get(0).get("line").asInt()).isEqualTo(2);
        JsonNode since = json(w.api().handle(get("/drops?from=2025-03-03")));
        assertThat(since.get("drops").findValuesAsText("dropId")).containsExactly(ApiFixtures.DROP_C, ApiFixtures.DROP_B);
    }

    @Test
    void lineageResolvesDropIdsAndFlagsOnesTheLedgerLacks() throws IOException {
        JsonNode body = json(w.api().handle(get("/measures/contacts_handled/values/2025-03-31/lineage?grain=day&member=phone")));
        JsonNode drops = body.get("values").get(0).get("drops");
        assertThat(drops.get(0).get("dropId").asText()).isEqualTo(ApiFixtures.DROP_A);
        assertThat(drops.get(0).get("status").asText()).isEqualTo("ingested");
        assertThat(drops.get(0).get("path").asText()).isEqualTo("avaya/2025-03-01.csv");
        assertThat(drops.get(1).get("dropId").asText()).isEqualTo(ApiFixtures.DROP_GONE);
        assertThat(drops.get(1).get("status").asText()).isEqualTo("not_in_ledger");
        JsonNode both = json(w.api().handle(get("/measures/contacts_handled/values/2025-03/lineage?grain=month")));
        assertThat(both.get("values").findValuesAsText("member")).containsExactly("phone", "total");
    }

    @Test
    void recomputeRunsTheActionAndChecksItsRange() throws IOException {
        ApiResponse r = w.api().handle(request("POST", "/recompute?from=2025-03-01&to=2025-04-01", Map.of(), new byte[0]));
        assertThat(r.status()).isEqualTo(200);
        assertThat(json(r).get("rowsWritten").asInt()).isEqualTo(15);
        assertThat(w.recompute().calls).hasSize(1);
        assertThat(w.recompute().calls.get(0)[1]).hasToString("2025-04-01");
        assertThat(w.api().handle(request("POST", "/recompute?from=2025-03-01&to=2025-03-01", Map.of(), null)).status()).isEqualTo(400);
        assertThat(w.api().handle(request("POST", "/recompute?to=2025-03-01", Map.of(), null)).status()).isEqualTo(400);
        ApiResponse get = w.api().handle(get("/recompute?from=2025-03-01&to=2025-04-01"));
        assertThat(get.status()).isEqualTo(405);
        assertThat(get.header("Allow")).contains("POST");
        ApiResponse big = w.api().handle(request("POST", "/recompute?from=2025-03-01&to=2025-04-01", Map.of(),
                new byte[MeasuresApi.MAX_BODY_BYTES + 1]));
        assertThat(big.status()).isEqualTo(413);
        assertThat(w.recompute().calls).hasSize(1);
    }

    @Test
    void healthSaysWhatAnswersAndWhenDataLastLanded() throws IOException {
        ApiResponse ok = w.api().handle(get("/health"));
        assertThat(ok.status()).isEqualTo(200);
        assertThat(json(ok).get("lastLanding").asText()).isEqualTo("2025-04-01T07:00:00Z");
        assertThat(ok.header("Cache-Control")).contains("no-store");
        w.health().documents = false;
        ApiResponse down = w.api().handle(get("/health"));
        assertThat(down.status()).isEqualTo(503);
        assertThat(json(down).get("cosmos").asText()).isEqualTo("unreachable");
        assertThat(json(down).get("storage").asText()).isEqualTo("ok");
    }

    @Test
    void unexpectedFailuresAreAGeneric500WithACorrelationIdAndNoInternals() throws IOException {
        MeasureValuesSource broken = (m, g) -> {
            throw new IllegalStateException("cosmos at /home/runner/secret.cfg exploded");
        };
        MeasuresApi api = new MeasuresApi(Catalog.standard(), ApiFixtures.CALENDAR, broken, w.ledger(), w.recompute(),
                w.health(), ApiFixtures.CLOCK);
        for (String path : List.of("/measures/contacts_handled/values?grain=day", "/odata/MeasureValues", "/scorecard")) {
            ApiResponse r = api.handle(get(path));
            assertThat(r.status()).as(path).isEqualTo(500);
            JsonNode p = json(r);
            assertThat(p.get("correlationId").asText()).isNotBlank();
            assertThat(r.bodyText()).doesNotContain("secret").doesNotContain("/home").doesNotContain("IllegalState");
        }
    }

    @Test
    void unknownRoutesAreProblems() throws IOException {
        ApiResponse r = w.api().handle(get("/nothing/here"));
        assertThat(r.status()).isEqualTo(404);
        assertThat(json(r).get("type").asText()).isEqualTo("urn:measures311:problem:not-found");
        assertThat(w.api().handle(get("/admin/recompute")).status()).isEqualTo(404);
    }

    @Test
    void etagAndIfNoneMatchGive304() {
        ApiResponse first = w.api().handle(get("/measures/contacts_handled/values?grain=month"));
        String etag = first.header("ETag").orElseThrow();
        assertThat(etag).matches("\"[A-Za-z0-9_-]{27}\"");
        assertThat(first.header("Cache-Control")).contains(ResponseEncoding.CACHE_CONTROL);
        ApiResponse again = w.api().handle(request("GET", "/measures/contacts_handled/values?grain=month",
                Map.of("If-None-Match", List.of(etag)), null));
        assertThat(again.status()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        ApiResponse other = w.api().handle(request("GET", "/measures/contacts_handled/values?grain=day",
                Map.of("if-none-match", List.of(etag)), null));
        assertThat(other.status()).isEqualTo(200);
    }

    @Test
    void gzipWhenAskedAndTheBodyIsBigEnough() throws IOException {
        ApiResponse plain = w.api().handle(get("/measures/contacts_handled/values?grain=day"));
        ApiResponse zipped = w.api().handle(request("GET", "/measures/contacts_handled/values?grain=day",
                Map.of("Accept-Encoding", List.of("gzip, deflate")), null));
        assertThat(zipped.header("Content-Encoding")).contains("gzip");
        assertThat(zipped.body().length).isLessThan(plain.body().length);
        try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(zipped.body()))) {
            assertThat(in.readAllBytes()).isEqualTo(plain.body());
        }
        assertThat(zipped.header("ETag")).isNotEqualTo(plain.header("ETag"));
        ApiResponse refused = w.api().handle(request("GET", "/measures/contacts_handled/values?grain=day",
                Map.of("Accept-Encoding", List.of("gzip;q=0")), null));
        assertThat(refused.header("Content-Encoding")).isEmpty();
        ApiResponse small = w.api().handle(request("GET", "/health", Map.of("Accept-Encoding", List.of("gzip")), null));
        assertThat(small.header("Content-Encoding")).isEmpty();
    }

    @Test
    void openApiDocumentsEveryRouteAndTheProblemSchema() throws IOException {
        JsonNode doc = json(w.api().handle(get("/openapi.json")));
        assertThat(doc.get("openapi").asText()).startsWith("3.");
        assertThat(doc.get("servers").get(0).get("url").asText()).isEqualTo("http://localhost:7071/api");
        for (Route route : Route.table()) {
            String path = "/" + route.functionsRoute().replace("{*path}", "");
            JsonNode item = route == Route.ODATA ? doc.get("paths").get("/odata/") : doc.get("paths").get(path);
            assertThat(item).as(path).isNotNull();
            assertThat(item.get(route.method().toLowerCase())).as(path).isNotNull();
        }
        assertThat(doc.get("components").get("schemas").get("Problem").get("required").toString())
                .isEqualTo("[\"type\",\"title\",\"status\",\"detail\"]");
    }
}
