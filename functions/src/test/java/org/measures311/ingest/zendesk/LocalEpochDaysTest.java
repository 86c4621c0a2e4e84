package org.measures311.ingest.zendesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.measures311.config.Settings;
import org.measures311.ingest.DropFormat;
import org.measures311.ingest.ReadContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LocalEpochDaysTest {
    private static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");

    /**
     * Local midnight is 08:00Z under PST (UTC-8) and 07:00Z under PDT (UTC-7); 2025's transitions are
     * 2025-03-09T10:00Z (02:00 PST -> 03:00 PDT) and 2025-11-02T09:00Z (02:00 PDT -> 01:00 PST).
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2025-03-09T07:59:59.999Z | 2025-03-08",
            "2025-03-09T08:00:00Z     | 2025-03-09",
            "2025-03-09T09:59:59.999Z | 2025-03-09",
            "2025-03-09T10:00:00Z     | 2025-03-09",
            "2025-03-10T06:59:59.999Z | 2025-03-09",
            "2025-03-10T07:00:00Z     | 2025-03-10",
            "2025-11-02T06:59:59.999Z | 2025-11-01",
            "2025-11-02T07:00:00Z     | 2025-11-02",
            "2025-11-02T09:00:00Z     | 2025-11-02",
            "2025-11-03T07:59:59.999Z | 2025-11-02",
            "2025-11-03T08:00:00Z     | 2025-11-03",
            "1969-12-31T23:59:59.999Z | 1969-12-31"})
    void localDateAroundTransitionsAndMidnight(String instant, String localDate) {
        long millis = Instant.parse(instant).toEpochMilli();
        LocalEpochDays days = new LocalEpochDays(LOS_ANGELES);
        // Warm the cache on the other side of the year first, so the answer cannot come from a fresh lookup only.
        days.of(Instant.parse("2025-07-01T12:00:00Z").toEpochMilli());
        assertThat(LocalDate.ofEpochDay(days.of(millis))).isEqualTo(LocalDate.parse(localDate));
        assertThat(LocalDate.ofEpochDay(days.of(millis))).isEqualTo(LocalDate.parse(localDate));
    }

    @Test
    void transitionInstantItselfStartsTheNewOffset() {
        LocalEpochDays days = new LocalEpochDays(LOS_ANGELES);
        long springForward = Instant.parse("2025-03-09T10:00:00Z").toEpochMilli();
        // Just before the transition, 23:30 the evening before under PDT would be wrong: 2025-03-10T06:30Z is
        // 23:30 PDT on the 9th, and 2025-03-09T07:30Z is 23:30 PST on the 8th.
        assertThat(LocalDate.ofEpochDay(days.of(springForward))).isEqualTo(LocalDate.of(2025, 3, 9));
        assertThat(LocalDate.ofEpochDay(days.of(Instant.parse("2025-03-09T07:30:00Z").toEpochMilli())))
                .isEqualTo(LocalDate.of(2025, 3, 8));
        assertThat(LocalDate.ofEpochDay(days.of(Instant.parse("2025-03-10T06:30:00Z").toEpochMilli())))
                .isEqualTo(LocalDate.of(2025, 3, 9));
    }

    @Test
    void agreesWithZonedDateTimeOnRandomInstantsInAnyOrder() {
        SplittableRandom random = new SplittableRandom(311);
        for (String zone : new String[] {"America/Los_Angeles", "Europe/London", "Australia/Lord_Howe", "UTC", "+05:30"}) {
            ZoneId id = ZoneId.of(zone);
            LocalEpochDays days = new LocalEpochDays(id);
            for (int i = 0; i < 20_000; i++) {
                long millis = random.nextLong(-2_000_000_000_000L, 4_000_000_000_000L);
                long expected = Instant.ofEpochMilli(millis).atZone(id).toLocalDate().toEpochDay();
                assertThat(days.of(millis)).as("%s at %d", zone, millis).isEqualTo(expected);
            }
            // In time order too, the way export files mostly run, so most answers come from the cached interval.
            for (long millis = 1_700_000_000_000L; millis < 1_800_000_000_000L; millis += 2_221_111L) {
                long expected = Instant.ofEpochMilli(millis).atZone(id).toLocalDate().toEpochDay();
                assertThat(days.of(millis)).as("%s at %d", zone, millis).isEqualTo(expected);
            }
        }
    }

    @Test
    void touchesOutOfOrderLeaveTheContextWithTheEarliestAndLatestLocalDate() {
        ReadContext context = new ReadContext("events.csv", DropFormat.DELIMITED, Settings.defaults());
        LocalEpochDays days = new LocalEpochDays(LOS_ANGELES);
        // Local dates by hand (PDT = UTC-7 from 2025-03-09, PST = UTC-8 before): 06-10, 06-02, 06-12, 03-08, 06-05.
        for (String instant : new String[] {"2025-06-10T12:00:00Z", "2025-06-03T06:59:59Z", "2025-06-12T20:00:00Z",
                "2025-03-09T07:59:59Z", "2025-06-05T00:00:00Z"}) {
            days.touch(context, Instant.parse(instant).toEpochMilli());
        }
        assertThat(context.firstDate()).isEqualTo(LocalDate.of(2025, 3, 8));
        assertThat(context.lastDate()).isEqualTo(LocalDate.of(2025, 6, 12));
    }
}
