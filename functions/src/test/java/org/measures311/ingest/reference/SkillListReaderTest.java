package org.measures311.ingest.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.LocalDate;
import org.measures311.ingest.MalformedDropException;
import org.measures311.ingest.ReaderRun;
import org.measures311.ingest.RowError;
import org.junit.jupiter.api.Test;

/** Expected values read off src/test/resources/reference/*.csv by hand (see the README there). */
class SkillListReaderTest {
    private final SkillListReader reader = new SkillListReader();

    @Test
    void readsNumbersNamesAndValidityFromAWindows1252CrlfFile() throws Exception {
        ReaderRun.Result result = ReaderRun.runResource(reader, "reference/skills.csv");

        assertThat(result.context().rowsRead()).isEqualTo(7);   // lines 2-4, 6, 8-10; blank line 5 and ",," line 7 skipped
        assertThat(result.rows()).extracting(r -> r.get("skill_number"), r -> r.get("skill_name"),
                r -> r.get("valid_from"), r -> r.get("valid_to"), r -> r.get("source_line")).containsExactly(
                tuple(101, "General Info", null, null, 2),
                tuple(102, null, LocalDate.of(2024, 7, 1), null, 3),
                tuple(null, "Parking Enforcement", null, LocalDate.of(2025, 6, 30), 4),
                tuple(104, "Atención", LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31), 6));
        assertThat(result.context().errors()).extracting(RowError::line, RowError::column).containsExactly(
                tuple(8L, "valid_from"), tuple(9L, "valid_to"), tuple(10L, "skill"));
    }

    @Test
    void aSingleColumnListNeedsNoDelimiter() throws Exception {
        ReaderRun.Result result = ReaderRun.runResource(reader, "reference/skills-single-column.csv");
        // tab is tried first and wins the tie, so a comma inside a name stays part of it
        assertThat(result.rows()).extracting(r -> r.get("skill_name")).containsExactly("General Info", "Solid Waste, Recycling");
    }

    @Test
    void aListWithoutTheSkillColumnIsMalformed() {
        assertThatThrownBy(() -> ReaderRun.runResource(reader, "reference/skills-no-skill-column.csv"))
                .isInstanceOf(MalformedDropException.class)
                .satisfies(e -> assertThat(((MalformedDropException) e).error())
                        .extracting(RowError::line, RowError::column).containsExactly(1L, "skill"));
    }
}
