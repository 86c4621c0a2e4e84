package org.measures311.ingest.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.LocalDate;
import org.measures311.ingest.ReaderRun;
import org.measures311.ingest.RowError;
import org.junit.jupiter.api.Test;

/** Expected values read off src/test/resources/reference/targets.csv by hand. */
class TargetsReaderTest {

    @Test
    void readsTargetsAndRejectsBadRows() throws Exception {
        ReaderRun.Result result = ReaderRun.runResource(new TargetsReader(), "reference/targets.csv");

        assertThat(result.context().rowsRead()).isEqualTo(6);
        assertThat(result.rows()).extracting(r -> r.get("measure"), r -> r.get("target"), r -> r.get("direction"),
                r -> r.get("valid_from"), r -> r.get("valid_to"), r -> r.get("source_line")).containsExactly(
                tuple("contacts_handled", 250000.0, "higher_is_better", LocalDate.of(2025, 7, 1), LocalDate.of(2026, 6, 30), 2),
                tuple("phone_asa", 120.0, "lower_is_better", null, null, 3),
                tuple("service_level", 90.0, null, null, null, 4));
        assertThat(result.context().errors()).extracting(RowError::line, RowError::column).containsExactly(
                tuple(5L, "target"), tuple(6L, "measure"), tuple(7L, "direction"));
    }
}
