package org.measures311.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.measures311.measures.Catalog;
import org.measures311.measures.Grain;

/** Zero counts are not stored, so the scorecard must tell "zero last period" from "no data last period". */
class ScorecardZeroCountTest {

    @Test
    void aMissingCountMemberInAPeriodWithDataIsZeroButAPeriodWithoutDataIsUnknown() {
        ApiFixtures.InMemoryValues values = new ApiFixtures.InMemoryValues();
        // February: only phone was handled (no email row: zero emails). March: phone and email. January: nothing.
        values.add(ApiFixtures.row(Grain.MONTH, LocalDate.of(2025, 2, 1), "phone", 2800, null, null, List.of()));
        values.add(ApiFixtures.row(Grain.MONTH, LocalDate.of(2025, 3, 1), "phone", 3000, null, null, List.of()));
        values.add(ApiFixtures.row(Grain.MONTH, LocalDate.of(2025, 3, 1), "email", 12, null, null, List.of()));
        ScorecardHandler scorecard = new ScorecardHandler(Catalog.standard(), ApiFixtures.CALENDAR, values, ApiFixtures.CLOCK);

        List<ScorecardHandler.Entry> march = scorecard.entries(LocalDate.of(2025, 4, 15));
        assertThat(march).extracting(e -> e.current().member(), ScorecardHandler.Entry::previousValue)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("phone", BigDecimal.valueOf(2800)),
                        org.assertj.core.groups.Tuple.tuple("email", BigDecimal.ZERO));

        List<ScorecardHandler.Entry> february = scorecard.entries(LocalDate.of(2025, 3, 15));
        assertThat(february).singleElement().extracting(ScorecardHandler.Entry::previousValue).isNull();
    }
}
