package org.measures311.store.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.measures311.measures.Grain;
import org.measures311.measures.MeasureRow;
import org.measures311.store.MeasureRowRepository;

/** Over the embedded store the repository keeps parsed rows per partition version, and drops them on change. */
class MeasureRowCacheTest {
    @TempDir
    Path folder;

    private static MeasureRow day(String date, String member, long value) {
        LocalDate d = LocalDate.parse(date);
        return new MeasureRow("contacts_handled", Grain.DAY, date, "channel", member, BigDecimal.valueOf(value),
                BigDecimal.valueOf(value), null, d, d, null, null, Instant.parse("2025-04-01T00:00:00Z"),
                List.of("2025-03~x"), List.of());
    }

    @Test
    void rowsAreReadOnceUntilTheirPartitionChanges() {
        try (EmbeddedDocumentStore store = new EmbeddedDocumentStore(folder)) {
            MeasureRowRepository rows = new MeasureRowRepository(store);
            rows.upsertAll(List.of(day("2025-03-10", "phone", 7)));
            long version = rows.version("contacts_handled", Grain.DAY).orElseThrow();

            List<MeasureRow> first = rows.read("contacts_handled", Grain.DAY);
            assertThat(rows.read("contacts_handled", Grain.DAY)).isSameAs(first);

            // Same figures: nothing is written, the version and the cached rows stay.
            rows.upsertAll(List.of(day("2025-03-10", "phone", 7)));
            assertThat(rows.version("contacts_handled", Grain.DAY).orElseThrow()).isEqualTo(version);
            assertThat(rows.read("contacts_handled", Grain.DAY)).isSameAs(first);

            // Another partition changing leaves this one's version alone.
            rows.upsertAll(List.of(new MeasureRow("contacts_handled", Grain.MONTH, "2025-03", "channel", "phone",
                    BigDecimal.ONE, BigDecimal.ONE, null, LocalDate.parse("2025-03-01"), LocalDate.parse("2025-03-31"),
                    null, null, Instant.parse("2025-04-01T00:00:00Z"), List.of("2025-03~x"), List.of())));
            assertThat(rows.version("contacts_handled", Grain.DAY).orElseThrow()).isEqualTo(version);

            rows.upsertAll(List.of(day("2025-03-10", "phone", 9), day("2025-03-11", "email", 2)));
            assertThat(rows.version("contacts_handled", Grain.DAY).orElseThrow()).isNotEqualTo(version);
            List<MeasureRow> after = rows.read("contacts_handled", Grain.DAY);
            assertThat(after).isNotSameAs(first);
            assertThat(after).extracting(MeasureRow::value)
                    .containsExactly(BigDecimal.valueOf(9), BigDecimal.valueOf(2));
        }
    }
}
