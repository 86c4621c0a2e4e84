package org.measures311.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.measures311.api.AuthLevel;
import org.measures311.api.Route;

/**
 * What the Functions host will enforce, read from the function.json files the Maven plugin generated: every data
 * route needs a function key, recompute the admin (master) key, health none; and the generated HTTP functions are
 * exactly the routes of {@link Route}, with the same methods. (The host checks keys itself: a request without a
 * valid key never reaches our code, so this binding is the whole of the deployed authentication.)
 */
class FunctionAuthLevelsIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    record HttpFunction(String name, String route, String authLevel, List<String> methods) {
    }

    static List<HttpFunction> generatedHttpFunctions() throws IOException {
        Path app = Path.of(System.getProperty("measures311.appDir", "target/azure-functions/measures311"));
        assertThat(app).as("the packaged function app (mvn package)").isDirectory();
        List<HttpFunction> functions = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(app)) {
            for (Path dir : dirs.filter(d -> Files.isRegularFile(d.resolve("function.json"))).toList()) {
                for (JsonNode binding : JSON.readTree(dir.resolve("function.json").toFile()).path("bindings")) {
                    if (binding.path("type").asText().equals("httpTrigger")) {
                        List<String> methods = new ArrayList<>();
                        binding.path("methods").forEach(m -> methods.add(m.asText().toUpperCase(Locale.ROOT)));
                        functions.add(new HttpFunction(dir.getFileName().toString(), binding.path("route").asText(),
                                binding.path("authLevel").asText().toLowerCase(Locale.ROOT), methods));
                    }
                }
            }
        }
        return functions;
    }

    static String expectedAuthLevel(AuthLevel level) {
        return switch (level) {
            case FUNCTION -> "function";
            case ADMIN -> "admin";
            case ANONYMOUS -> "anonymous";
        };
    }

    @Test
    void everyRouteIsGeneratedWithItsAuthLevelAndMethod() throws IOException {
        Map<String, HttpFunction> byRoute = new HashMap<>();
        for (HttpFunction f : generatedHttpFunctions()) {
            assertThat(byRoute.put(f.route(), f)).as("one function per route: " + f.route()).isNull();
        }
        assertThat(byRoute.keySet()).as("generated HTTP routes = Route table")
                .containsExactlyInAnyOrderElementsOf(Route.table().stream().map(Route::functionsRoute).toList());
        for (Route route : Route.table()) {
            HttpFunction f = byRoute.get(route.functionsRoute());
            assertThat(f.authLevel()).as(route + " (" + f.name() + ")").isEqualTo(expectedAuthLevel(route.authLevel()));
            assertThat(f.methods()).as(route + " methods").containsExactly(route.method());
        }
    }

    @Test
    void onlyHealthIsAnonymousAndOnlyRecomputeIsAdmin() throws IOException {
        List<HttpFunction> functions = generatedHttpFunctions();
        assertThat(functions).filteredOn(f -> f.authLevel().equals("anonymous")).extracting(HttpFunction::route)
                .containsExactly("health");
        assertThat(functions).filteredOn(f -> f.authLevel().equals("admin")).extracting(HttpFunction::route)
                .containsExactly("recompute");
        assertThat(functions).filteredOn(f -> !f.route().equals("health") && !f.route().equals("recompute"))
                .isNotEmpty().allSatisfy(f -> assertThat(f.authLevel()).as(f.route()).isEqualTo("function"));
        // Every non-GET route needs more than a function key.
        assertThat(functions).filteredOn(f -> !f.methods().equals(List.of("GET")))
                .allSatisfy(f -> assertThat(f.authLevel()).as(f.route()).isEqualTo("admin"));
    }
}
