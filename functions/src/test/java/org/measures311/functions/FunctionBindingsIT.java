package org.measures311.functions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Checks the function.json files that the Azure Functions Maven plugin generated during {@code package}: what
 * the host will actually bind, not what we think the annotations say.
 */
class FunctionBindingsIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Path appDir() {
        return Path.of(System.getProperty("measures311.appDir", "target/azure-functions/measures311"));
    }

    private static JsonNode functionJson(String name) throws IOException {
        Path file = appDir().resolve(name).resolve("function.json");
        assertThat(file).as("function.json of " + name).exists();
        return JSON.readTree(file.toFile());
    }

    private static JsonNode trigger(JsonNode function) {
        for (JsonNode b : function.path("bindings")) {
            if (b.path("type").asText().endsWith("Trigger")) {
                return b;
            }
        }
        throw new AssertionError("no trigger binding in " + function);
    }

    @Test
    void blobTriggerListensToTheLandingContainerThroughEventGrid() throws IOException {
        JsonNode f = functionJson("ingestLandingBlob");
        JsonNode t = trigger(f);
        assertThat(t.path("type").asText()).isEqualTo("blobTrigger");
        assertThat(t.path("direction").asText()).isEqualTo("in");
        assertThat(t.path("path").asText()).isEqualTo("%LANDING_CONTAINER%/{name}");
        assertThat(t.path("connection").asText()).isEqualTo("LandingStorage");
        assertThat(t.path("source").asText()).isEqualTo("EventGrid");
        // Without this flag the host would download the blob and the worker could not hand over a BlobClient.
        assertThat(t.path("properties").path("supportsDeferredBinding").asBoolean()).isTrue();
        assertThat(f.path("entryPoint").asText()).isEqualTo("org.measures311.functions.LandingBlobTrigger.run");
        assertThat(f.path("scriptFile").asText()).endsWith("measures311-functions.jar");
    }

    @Test
    void timersRunDailyAndMonthlyInUtc() throws IOException {
        JsonNode daily = trigger(functionJson("computeDailyMeasures"));
        assertThat(daily.path("type").asText()).isEqualTo("timerTrigger");
        assertThat(daily.path("schedule").asText()).isEqualTo("0 30 10 * * *");
        JsonNode annual = trigger(functionJson("publishAnnualMeasures"));
        assertThat(annual.path("type").asText()).isEqualTo("timerTrigger");
        assertThat(annual.path("schedule").asText()).isEqualTo("0 0 12 2 * *");
    }

    @Test
    void packagedAppCarriesHostJsonAndTheJar() throws IOException {
        Path dir = appDir();
        JsonNode host = JSON.readTree(dir.resolve("host.json").toFile());
        assertThat(host.path("extensionBundle").path("id").asText()).isEqualTo("Microsoft.Azure.Functions.ExtensionBundle");
        assertThat(host.path("functionTimeout").asText()).isNotBlank();
        assertThat(dir.resolve("measures311-functions.jar")).exists();
        List<String> functions = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(p -> Files.exists(p.resolve("function.json"))).forEach(p -> functions.add(p.getFileName().toString()));
        }
        assertThat(functions).contains("ingestLandingBlob", "computeDailyMeasures", "publishAnnualMeasures");
    }
}
