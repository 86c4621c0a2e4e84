package org.measures311.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RouteTest {
    @Test
    void matchesTemplatesAndDecodesSegments() {
        Route.Match m = Route.find("/measures/contacts%5Fhandled/values/FY2025/lineage").orElseThrow();
        assertThat(m.route()).isEqualTo(Route.LINEAGE);
        assertThat(m.parameters()).containsExactly("contacts_handled", "FY2025");
        assertThat(Route.find("/measures/x/values").orElseThrow().route()).isEqualTo(Route.VALUES);
        assertThat(Route.find("/measures/").orElseThrow().route()).isEqualTo(Route.CATALOG);
        assertThat(Route.find("/measures//values")).isEmpty();
        assertThat(Route.find("/measures/x/values/extra")).isEmpty();
    }

    @Test
    void theODataCatchAllKeepsTheRawRemainder() {
        assertThat(Route.find("/odata").orElseThrow().parameter(0)).isEmpty();
        assertThat(Route.find("/odata/").orElseThrow().parameter(0)).isEmpty();
        assertThat(Route.find("/odata/$metadata").orElseThrow().parameter(0)).isEqualTo("$metadata");
        assertThat(Route.find("/odata/MeasureValues('a%7Cb')").orElseThrow().parameter(0)).isEqualTo("MeasureValues('a%7Cb')");
    }

    @Test
    void authLevelsAreAnonymousForHealthOnlyAndAdminForRecompute() {
        for (Route r : Route.values()) {
            AuthLevel expected = r == Route.HEALTH ? AuthLevel.ANONYMOUS : r == Route.RECOMPUTE ? AuthLevel.ADMIN : AuthLevel.FUNCTION;
            assertThat(r.authLevel()).as(r.name()).isEqualTo(expected);
            // The Functions host refuses routes starting with "admin" (azure-functions-host#1781).
            assertThat(r.functionsRoute()).doesNotStartWith("admin");
        }
    }
}
