package org.measures311.api;

/** The API fixtures for tests in other packages (the local server's). */
public final class LocalApiFixtures {
    private LocalApiFixtures() {
    }

    public static MeasuresApi api() {
        return ApiFixtures.wiring().api();
    }
}
