package org.measures311.functions;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.azure.functions.HttpResponseMessage;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.measures311.config.Settings;
import org.measures311.testing.Emulators;

/**
 * Every HTTP route through its function class, as the host would call it, over the emulators: the same router
 * the local server uses, so this checks the adapters' request and response mapping. (Keys are enforced by the
 * host from each function's authLevel, which FunctionBindingsIT checks in the generated function.json.)
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FunctionRoutesIT {
    private static final String BASE = "https://measures311.example.net/api/";
    private final ObjectMapper json = new ObjectMapper();
    private final MeasuresHttp http = new MeasuresHttp();

    @BeforeAll
    void landAndCompute() throws Exception {
        Map<String, String> env = Emulators.appSettings("routes");
        FunctionApp.useEnvironment(() -> env);
        BlobContainerClient landing = new BlobServiceClientBuilder().connectionString(Emulators.azuriteConnectionString())
                .buildClient().createBlobContainerIfNotExists(env.get(Settings.LANDING_CONTAINER));
        String name = "avaya/2025/07/multi_day_multi_skill.txt";
        byte[] bytes = SliceIT.CMS_EXPORT.getBytes(StandardCharsets.UTF_8);
        landing.getBlobClient(name).upload(new java.io.ByteArrayInputStream(bytes), bytes.length, true);
        new LandingBlobTrigger().run(landing.getBlobClient(name), name, HostDoubles.context("ingestLandingBlob"));
        new DailyMeasuresTimer().run("{}", HostDoubles.context("computeDailyMeasures"));
    }

    @AfterAll
    void close() {
        FunctionApp.reset();
    }

    private JsonNode ok(HttpResponseMessage response) throws Exception {
        assertThat(response.getStatus().value()).as(new String((byte[]) response.getBody(), StandardCharsets.UTF_8)).isEqualTo(200);
        return json.readTree((byte[]) response.getBody());
    }

    @Test
    void catalogListsEveryMeasure() throws Exception {
        JsonNode body = ok(http.catalog(HostDoubles.get(BASE + "measures"), HostDoubles.context("catalog")));
        assertThat(body.toString()).contains("contacts_handled").contains("service_level").contains("online_response_within_24h");
    }

    @Test
    void valuesServeRowsAndRefuseABadGrainWithAProblem() throws Exception {
        // No skill list landed: all three skills count. 7/1 = 110 + 75 + 48 = 233.
        JsonNode body = ok(http.values(HostDoubles.get(BASE + "measures/contacts_handled/values?grain=day&member=phone"),
                HostDoubles.context("values")));
        assertThat(body.path("rows").get(0).path("value").decimalValue()).isEqualByComparingTo("233");
        assertThat(body.path("rows").get(0).path("flags").get(0).asText()).isEqualTo("all_skills_no_skill_list");

        HttpResponseMessage bad = http.values(HostDoubles.get(BASE + "measures/contacts_handled/values?grain=week"),
                HostDoubles.context("values"));
        assertThat(bad.getStatus().value()).isEqualTo(400);
        assertThat(bad.getHeader("Content-Type")).startsWith("application/problem+json");
        assertThat(new String((byte[]) bad.getBody(), StandardCharsets.UTF_8)).contains("grain").doesNotContain("at org.");
    }

    @Test
    void lineageNamesTheDropBehindAValue() throws Exception {
        JsonNode body = ok(http.lineage(HostDoubles.get(BASE + "measures/contacts_handled/values/2025-07-01/lineage?grain=day&member=phone"),
                HostDoubles.context("lineage")));
        assertThat(body.toString()).contains("avaya/2025/07/multi_day_multi_skill.txt");
    }

    @Test
    void scorecardDropsHealthAndOpenApiAnswer() throws Exception {
        ok(http.scorecard(HostDoubles.get(BASE + "scorecard?asOf=2025-08-15"), HostDoubles.context("scorecard")));
        assertThat(ok(http.drops(HostDoubles.get(BASE + "drops?from=2000-01-01"), HostDoubles.context("drops"))).toString())
                .contains("multi_day_multi_skill.txt").contains("ingested")
                .contains("\"skillList\":{\"status\":\"none\"");
        JsonNode health = ok(http.health(HostDoubles.get(BASE + "health"), HostDoubles.context("health")));
        assertThat(health.path("storage").asText()).isEqualTo("ok");
        assertThat(health.path("cosmos").asText()).isEqualTo("ok");
        assertThat(health.path("lastLanding").asText()).isNotBlank();
        assertThat(ok(http.openapi(HostDoubles.get(BASE + "openapi.json"), HostDoubles.context("openapi"))).path("openapi").asText())
                .startsWith("3.");
    }

    @Test
    void odataServesMetadataAndFilteredRows() throws Exception {
        HttpResponseMessage metadata = http.odata(HostDoubles.get(BASE + "odata/$metadata"), HostDoubles.context("odata"));
        assertThat(metadata.getStatus().value()).isEqualTo(200);
        assertThat(new String((byte[]) metadata.getBody(), StandardCharsets.UTF_8)).contains("MeasureValues");
        JsonNode rows = ok(http.odata(HostDoubles.get(BASE
                + "odata/MeasureValues?$filter=measure%20eq%20'contacts_handled'%20and%20grain%20eq%20'day'%20and%20member%20eq%20'phone'"),
                HostDoubles.context("odata")));
        assertThat(rows.path("value")).hasSize(2);
    }

    @Test
    void recomputeRecomputesARange() throws Exception {
        ok(http.recompute(HostDoubles.post(BASE + "recompute?from=2025-07-01&to=2025-07-03"), HostDoubles.context("recompute")));
    }
}
