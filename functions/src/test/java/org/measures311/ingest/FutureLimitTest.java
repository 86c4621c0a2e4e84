package org.measures311.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class FutureLimitTest {
    private static final ZoneId PORTLAND = ZoneId.of("America/Los_Angeles");

    private static FutureLimit at(String instant, ZoneId zone) {
        return FutureLimit.of(Clock.fixed(Instant.parse(instant), ZoneOffset.UTC), zone);
    }

    @Test
    void tomorrowInTheProgramZoneIsTheLastDateAccepted() {
        // 20:00 UTC is noon in Portland (PST, UTC-8): tomorrow is the 24th, so the first instant refused is
        // the 25th at 00:00 PST = 08:00 UTC (1795593600 s, worked out apart from java.time).
        FutureLimit limit = at("2026-11-23T20:00:00Z", PORTLAND);
        assertThat(limit.latestAccepted()).isEqualTo(LocalDate.of(2026, 11, 24));
        assertThat(limit.firstRefusedEpochMillis()).isEqualTo(1_795_593_600_000L);
        assertThat(limit.refusesEpochMillis(1_795_593_599_999L)).isFalse();
        assertThat(limit.refusesEpochMillis(1_795_593_600_000L)).isTrue();
        assertThat(limit.refuses(LocalDate.of(2026, 11, 24))).isFalse();
        assertThat(limit.refuses(LocalDate.of(2026, 11, 25))).isTrue();
    }

    @Test
    void theDateIsTheProgramsNotUtcs() {
        // 03:00 UTC on the 24th is still the 23rd in Portland, so tomorrow there is the 24th, not the 25th.
        assertThat(at("2026-11-24T03:00:00Z", PORTLAND).latestAccepted()).isEqualTo(LocalDate.of(2026, 11, 24));
        assertThat(at("2026-11-24T03:00:00Z", ZoneOffset.UTC).latestAccepted()).isEqualTo(LocalDate.of(2026, 11, 25));
    }

    @Test
    void aDaylightSavingDayEndsAtItsOwnMidnight() {
        // 2026-03-08 is 23 hours long in Portland: the day after it starts at 00:00 PDT = 07:00 UTC on the 9th.
        FutureLimit limit = at("2026-03-07T20:00:00Z", PORTLAND);
        assertThat(limit.latestAccepted()).isEqualTo(LocalDate.of(2026, 3, 8));
        assertThat(Instant.ofEpochMilli(limit.firstRefusedEpochMillis())).isEqualTo(Instant.parse("2026-03-09T07:00:00Z"));
    }

    @Test
    void messagesSayWhatWasRefusedAndTheLimit() {
        FutureLimit limit = at("2026-11-23T20:00:00Z", PORTLAND);
        assertThat(limit.message("date", LocalDate.of(2052, 6, 1)))
                .isEqualTo("date 2052-06-01 is in the future (latest accepted: 2026-11-24)");
        assertThat(limit.messageForEpochMillis(1_795_593_600_000L))
                .isEqualTo("timestamp 2026-11-25T08:00:00Z is in the future (latest accepted: 2026-11-24)");
    }
}
