package org.measures311.measures;

import java.util.Locale;
import org.measures311.facts.ListedSkill;

/**
 * Whether a CMS skill row is a listed 311 skill: their numbers agree when both have a number, else their names
 * agree ignoring case and all whitespace. (The Avaya reader has the same rule in ingest/avaya/SkillLabel; this
 * copy keeps the measures independent of ingest until the two are reconciled.)
 */
final class SkillLabelMatch {
    private SkillLabelMatch() {
    }

    static boolean matches(Integer cmsNumber, String cmsName, ListedSkill listed) {
        if (cmsNumber != null && listed.number() != null) {
            return cmsNumber.intValue() == listed.number().intValue();
        }
        String a = normalisedName(cmsName);
        String b = normalisedName(listed.name());
        return a != null && a.equals(b);
    }

    /** Lower case without any whitespace; null when there is no name left. */
    static String normalisedName(String name) {
        if (name == null) {
            return null;
        }
        String n = name.replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
        return n.isEmpty() ? null : n;
    }
}
