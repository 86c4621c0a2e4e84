package org.measures311.measures;

import org.measures311.facts.ListedSkill;
import org.measures311.facts.SkillLabel;

/**
 * Whether a CMS skill row is a listed 311 skill, by {@link SkillLabel#matches}: numbers when both sides have
 * one, else names ignoring case and all whitespace.
 */
final class SkillLabelMatch {
    private SkillLabelMatch() {
    }

    static boolean matches(Integer cmsNumber, String cmsName, ListedSkill listed) {
        SkillLabel cms = label(cmsNumber, cmsName);
        return cms != null && cms.matches(label(listed.number(), listed.name()));
    }

    /** Null when there is neither a number nor a non-blank name to compare. */
    private static SkillLabel label(Integer number, String name) {
        boolean hasName = name != null && !name.isBlank();
        return number == null && !hasName ? null : new SkillLabel(number, hasName ? name : null);
    }
}
