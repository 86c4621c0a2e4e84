package org.measures311.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.measures311.api.ApiFixtures.get;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.measures311.api.odata.ODataService;
import org.measures311.measures.Catalog;

/** The OData feed through the router: service document, $metadata and the query options Power BI folds. */
class ODataServiceTest {
    final ApiFixtures.Wiring w = ApiFixtures.wiring();

    JsonNode odata(String pathAndQuery) throws IOException {
        ApiResponse r = w.api().handle(get("/odata/" + pathAndQuery.replace(" ", "%20").replace("'", "%27")));
        assertThat(r.status()).as(r.bodyText()).isEqualTo(200);
        return MeasuresApiTest.json(r);
    }

    @Test
    void serviceDocumentAndMetadata() throws IOException {
        JsonNode doc = odata("");
        assertThat(doc.get("value").get(0).get("name").asText()).isEqualTo("MeasureValues");
        assertThat(doc.get("@odata.context").asText()).isEqualTo("http://localhost:7071/api/odata/$metadata");
        ApiResponse meta = w.api().handle(get("/odata/$metadata"));
        assertThat(meta.status()).isEqualTo(200);
        assertThat(meta.bodyText()).contains("<EntityType Name=\"MeasureValue\">")
                .contains("<Property Name=\"periodStart\" Type=\"Edm.Date\" Nullable=\"false\"/>")
                .contains("<EntitySet Name=\"MeasureValues\" EntityType=\"Measures311.MeasureValue\"/>");
    }

    @Test
    void filterOnMeasureGrainMemberAndPeriodStartWithCount() throws IOException {
        JsonNode body = odata("MeasureValues?$filter=measure eq 'contacts_handled' and grain eq 'month' and member eq 'total'&$count=true");
        assertThat(body.get("@odata.count").asInt()).isEqualTo(4);
        assertThat(body.get("value").findValuesAsText("period")).containsExactly("2025-01", "2025-02", "2025-03", "2025-04");
        JsonNode since = odata("MeasureValues?$filter=grain eq 'day' and periodStart ge 2025-03-30");
        assertThat(since.get("value").size()).isEqualTo(4);
        JsonNode either = odata("MeasureValues?$filter=(period eq '2025-01' or period eq '2025-02') and member ne 'phone'");
        assertThat(either.get("value").findValuesAsText("period")).containsExactly("2025-01", "2025-02");
        JsonNode range = odata("MeasureValues?$filter=grain eq 'day' and member eq 'phone' and value gt 129 and value le 131");
        assertThat(range.get("value").findValuesAsText("period")).containsExactly("2025-03-30", "2025-03-31");
        JsonNode starts = odata("MeasureValues?$filter=startswith(period,'2025-03-3') and member eq 'total'");
        assertThat(starts.get("value").findValuesAsText("period")).containsExactly("2025-03-30", "2025-03-31");
    }

    @Test
    void countOfTheCollectionAsPlainTextHonoursFilter() throws IOException {
        // The same filter that lists 4 rows above; /$count agrees with @odata.count and the length of the list.
        String filter = "$filter=measure eq 'contacts_handled' and grain eq 'month' and member eq 'total'";
        ApiResponse four = w.api().handle(get(("/odata/MeasureValues/$count?" + filter)
                .replace(" ", "%20").replace("'", "%27")));
        assertThat(four.status()).as(four.bodyText()).isEqualTo(200);
        assertThat(four.headers().get("Content-Type")).singleElement().asString().startsWith("text/plain");
        assertThat(four.bodyText()).isEqualTo("4");
        ApiResponse all = w.api().handle(get("/odata/MeasureValues/$count"));
        assertThat(all.bodyText()).isEqualTo(Integer.toString(odata("MeasureValues?$count=true").get("@odata.count").asInt()));
        ApiResponse bad = w.api().handle(get("/odata/MeasureValues/$count?$filter=nope%20eq%201"));
        assertThat(bad.status()).isEqualTo(400);
    }

    @Test
    void selectOrderbyTopAndSkip() throws IOException {
        JsonNode top = odata("MeasureValues?$orderby=value desc&$top=2&$select=period,member,value");
        assertThat(top.get("value").size()).isEqualTo(2);
        JsonNode first = top.get("value").get(0);
        assertThat(first.get("value").asDouble()).isEqualTo(6696.0);
        List<String> fields = new ArrayList<>();
        first.fieldNames().forEachRemaining(f -> {
            if (!f.startsWith("@")) {
                fields.add(f);
            }
        });
        // Olingo always writes the key along with what $select names.
        assertThat(fields).containsExactlyInAnyOrder("id", "period", "member", "value");
        assertThat(top.get("value").get(1).get("value").asDouble()).isEqualTo(5000.0);
        JsonNode skipped = odata("MeasureValues?$filter=grain eq 'month' and member eq 'phone'&$orderby=periodStart&$skip=1&$top=2");
        assertThat(skipped.get("value").findValuesAsText("period")).containsExactly("2025-02", "2025-03");
    }

    @Test
    void serverPagingFollowsNextLinksToTheEnd() throws IOException {
        ODataService service = new ODataService(Catalog.standard(), w.values(), 7);
        List<String> seen = new ArrayList<>();
        String next = "http://localhost:7071/api/odata/MeasureValues?$filter=grain%20eq%20%27day%27%20and%20member%20eq%20%27phone%27&code=k";
        int pages = 0;
        while (next != null) {
            ApiRequest req = ApiRequest.of("GET", java.net.URI.create(next), java.util.Map.of(), null);
            ApiResponse r = service.handle(req, Route.find(req.path()).orElseThrow().parameter(0));
            JsonNode body = MeasuresApiTest.json(r);
            body.get("value").forEach(v -> seen.add(v.get("period").asText()));
            next = body.has("@odata.nextLink") ? body.get("@odata.nextLink").asText() : null;
            if (next != null) {
                assertThat(next).contains("code=k").contains("%24skiptoken=");
            }
            pages++;
        }
        assertThat(pages).isEqualTo(5); // 31 rows at 7 a page: 7, 7, 7, 7, 3
        assertThat(seen).hasSize(31).doesNotHaveDuplicates().startsWith("2025-03-01").endsWith("2025-03-31");
    }
}
