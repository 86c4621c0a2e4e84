package org.measures311.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.measures311.api.ApiFixtures.get;

import java.time.LocalDate;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.measures311.measures.Catalog;
import org.measures311.measures.Grain;
import org.measures311.measures.MeasureRow;

/** The values route keeps an answer per URL only while the source reports the same version of the rows. */
class ValuesCacheTest {
    private static final String URL = "/measures/contacts_handled/values?grain=day&member=phone";

    /** Rows of the fixtures, a version the test moves by hand, and a count of reads. */
    private static final class VersionedValues implements MeasureValuesSource {
        final ApiFixtures.InMemoryValues rows = new ApiFixtures.InMemoryValues();
        final AtomicLong version = new AtomicLong(1);
        final AtomicInteger reads = new AtomicInteger();
        final boolean versioned;

        VersionedValues(boolean versioned) {
            this.versioned = versioned;
        }

        @Override
        public List<MeasureRow> read(String measureId, Grain grain) {
            reads.incrementAndGet();
            return rows.read(measureId, grain);
        }

        @Override
        public OptionalLong version(String measureId, Grain grain) {
            return versioned ? OptionalLong.of(version.get()) : OptionalLong.empty();
        }
    }

    private static MeasuresApi api(VersionedValues values) {
        return new MeasuresApi(Catalog.standard(), ApiFixtures.CALENDAR, values, new ApiFixtures.InMemoryLedger(),
                new ApiFixtures.RecordingRecompute(), new ApiFixtures.SwitchableHealth(), ApiFixtures.CLOCK);
    }

    private static MeasureRow phoneDay(String date, long value) {
        return ApiFixtures.row(Grain.DAY, LocalDate.parse(date), "phone", value, null, null, List.of(ApiFixtures.DROP_A));
    }

    @Test
    void aRepeatedUrlIsAnsweredWithoutReadingUntilTheVersionMoves() {
        VersionedValues values = new VersionedValues(true);
        values.rows.add(phoneDay("2025-03-10", 7));
        MeasuresApi api = api(values);

        ApiResponse first = api.handle(get(URL));
        ApiResponse second = api.handle(get(URL));
        assertThat(values.reads.get()).isEqualTo(1);
        assertThat(second.bodyText()).isEqualTo(first.bodyText()).contains("\"value\":7");
        assertThat(second.header("ETag")).isEqualTo(first.header("ETag"));

        // A recompute changes the rows and the version: the next request reads them.
        values.rows.partitions.clear();
        values.rows.add(phoneDay("2025-03-10", 9));
        values.version.incrementAndGet();
        ApiResponse third = api.handle(get(URL));
        assertThat(values.reads.get()).isEqualTo(2);
        assertThat(third.bodyText()).contains("\"value\":9").doesNotContain("\"value\":7");
        assertThat(third.header("ETag")).isNotEqualTo(first.header("ETag"));
    }

    @Test
    void anotherQueryIsAnotherAnswer() {
        VersionedValues values = new VersionedValues(true);
        values.rows.add(phoneDay("2025-03-10", 7));
        values.rows.add(ApiFixtures.row(Grain.DAY, LocalDate.parse("2025-03-10"), "email", 3, null, null, List.of(ApiFixtures.DROP_A)));
        MeasuresApi api = api(values);

        assertThat(api.handle(get(URL)).bodyText()).contains("\"count\":1");
        assertThat(api.handle(get("/measures/contacts_handled/values?grain=day")).bodyText()).contains("\"count\":2");
        assertThat(values.reads.get()).isEqualTo(2);
    }

    @Test
    void aSourceWithoutVersionsIsReadOnEveryRequest() {
        VersionedValues values = new VersionedValues(false);
        values.rows.add(phoneDay("2025-03-10", 7));
        MeasuresApi api = api(values);

        api.handle(get(URL));
        values.rows.partitions.clear();
        values.rows.add(phoneDay("2025-03-10", 8));
        assertThat(api.handle(get(URL)).bodyText()).contains("\"value\":8");
        assertThat(values.reads.get()).isEqualTo(2);
    }
}
