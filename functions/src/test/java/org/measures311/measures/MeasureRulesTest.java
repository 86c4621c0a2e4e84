package org.measures311.measures;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.measures311.facts.ListedSkill;

class MeasureRulesTest {
    @Test
    void roundingIsHalfUpTiesAwayFromZeroToFourPlaces() {
        // 1 / 3200 x 100 = 0.03125 exactly: HALF_UP gives 0.0313 where HALF_EVEN would give 0.0312.
        assertThat(MeasureRows.percent(BigDecimal.ONE, BigDecimal.valueOf(3200)).toPlainString()).isEqualTo("0.0313");
        assertThat(MeasureRows.percent(BigDecimal.valueOf(-1), BigDecimal.valueOf(3200)).toPlainString()).isEqualTo("-0.0313");
        // 0.00005 s per call rounds up too; 2/3 keeps 4 places.
        assertThat(MeasureRows.ratio(BigDecimal.ONE, BigDecimal.valueOf(20000)).toPlainString()).isEqualTo("0.0001");
        assertThat(MeasureRows.ratio(BigDecimal.valueOf(2), BigDecimal.valueOf(3)).toPlainString()).isEqualTo("0.6667");
    }

    @Test
    void secondsAreMillisecondsWithoutNeedlessDecimals() {
        assertThat(MeasureRows.seconds(3_000_000).toPlainString()).isEqualTo("3000");
        assertThat(MeasureRows.seconds(12_500).toPlainString()).isEqualTo("12.5");
    }

    @Test
    void skillsMatchByNumberWhenBothHaveOneElseByNameIgnoringCaseAndWhitespace() {
        ListedSkill numbered = new ListedSkill(101, "311 General", null, null);
        assertThat(SkillLabelMatch.matches(101, "Anything", numbered)).isTrue();
        assertThat(SkillLabelMatch.matches(102, "311 General", numbered)).isFalse();
        assertThat(SkillLabelMatch.matches(null, " 311  general ", numbered)).isTrue();
        ListedSkill named = new ListedSkill(null, "Water Billing", null, null);
        assertThat(SkillLabelMatch.matches(7, "WATER\tbilling", named)).isTrue();
        assertThat(SkillLabelMatch.matches(7, "Water Bill", named)).isFalse();
        assertThat(SkillLabelMatch.matches(null, null, new ListedSkill(null, null, null, null))).isFalse();
    }

    @Test
    void skillValidityDatesAreInclusive() {
        ListedSkill s = new ListedSkill(102, null, LocalDate.parse("2025-03-01"), LocalDate.parse("2025-03-15"));
        assertThat(s.validOn(LocalDate.parse("2025-03-01"))).isTrue();
        assertThat(s.validOn(LocalDate.parse("2025-03-15"))).isTrue();
        assertThat(s.validOn(LocalDate.parse("2025-03-16"))).isFalse();
        assertThat(s.validOn(LocalDate.parse("2025-02-28"))).isFalse();
    }
}
