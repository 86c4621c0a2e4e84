package org.measures311.facts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SkillLabelTest {

    @Test
    void parsesTheThreeCmsForms() {
        assertThat(SkillLabel.parse("101 - General Info")).isEqualTo(new SkillLabel(101, "General Info"));
        assertThat(SkillLabel.parse(" 101 ")).isEqualTo(new SkillLabel(101, null));
        assertThat(SkillLabel.parse("General Info")).isEqualTo(new SkillLabel(null, "General Info"));
        assertThat(SkillLabel.parse("102-Solid Waste")).isEqualTo(new SkillLabel(102, "Solid Waste"));
        assertThat(SkillLabel.parse("103 \u2013 Parking")).isEqualTo(new SkillLabel(103, "Parking"));
        assertThat(SkillLabel.parse("104 - ")).isEqualTo(new SkillLabel(104, null));
        assertThat(SkillLabel.parse("  ")).isNull();
        assertThat(SkillLabel.parse(null)).isNull();
    }

    @Test
    void keyIsTheNumberElseTheNormalisedName() {
        assertThat(SkillLabel.parse("101 - General Info").key()).isEqualTo("n:101");
        assertThat(SkillLabel.parse("101").key()).isEqualTo("n:101");
        assertThat(SkillLabel.parse("General  Info").key()).isEqualTo("name:generalinfo");
        assertThat(SkillLabel.parse("GENERAL\u00A0INFO").key()).isEqualTo("name:generalinfo");
    }

    @Test
    void matchesByNumberWhenBothHaveOneElseByName() {
        SkillLabel cms = SkillLabel.parse("101 - General Info");
        assertThat(cms.matches(SkillLabel.parse("101"))).isTrue();
        assertThat(cms.matches(SkillLabel.parse("101 - Renamed Skill"))).isTrue();
        assertThat(cms.matches(SkillLabel.parse("102 - General Info"))).isFalse();
        assertThat(cms.matches(SkillLabel.parse("general info"))).isTrue();
        assertThat(cms.matches(SkillLabel.parse("Generalinfo"))).isTrue();
        assertThat(cms.matches(SkillLabel.parse("Water"))).isFalse();
        assertThat(SkillLabel.parse("101").matches(SkillLabel.parse("General Info"))).isFalse();
        assertThat(SkillLabel.parse("General Info").matches(SkillLabel.parse("101 - general info"))).isTrue();
        assertThat(cms.matches(null)).isFalse();
    }
}
