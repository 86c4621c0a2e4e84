package org.measures311.api;

/** The API fixtures for tests in other packages (the local server's). */
public final class LocalApiFixtures {
    private LocalApiFixtures() {
    }

    public static MeasuresApi api() {
        return ApiFixtures.wiring().api();
    }

    /** The fixtures plus day rows (phone and total) for every day of 2022, 2023 and 2024: 1096 days each. */
    public static MeasuresApi apiWithThreeMoreYearsOfDays() {
        ApiFixtures.Wiring w = ApiFixtures.wiring();
        for (java.time.LocalDate d = java.time.LocalDate.of(2022, 1, 1); d.getYear() < 2025; d = d.plusDays(1)) {
            w.values().add(ApiFixtures.row(org.measures311.measures.Grain.DAY, d, "phone", 90, null, null, java.util.List.of()));
            w.values().add(ApiFixtures.row(org.measures311.measures.Grain.DAY, d, "total", 180, null, null, java.util.List.of()));
        }
        return w.api();
    }
}
