package org.measures311.measures;

import java.util.List;
import org.measures311.facts.FactsSnapshot;
import org.measures311.facts.ListedSkill;
import org.measures311.facts.PhoneSkillDay;

/**
 * Intermediate step: the raw CMS quantities of the 311 skills, summed per local day. Every phone measure at
 * every grain is re-derived from these sums. A row counts when its skill is on the skill list and the list
 * entry is valid on the row's date; when no list has landed, every row counts and {@link #allSkills()} is set.
 *
 * <p>A quantity a row does not carry (no Avg Speed Ans, no service-level column, no talk or ACW time) leaves
 * that row out of both sides of the ratio that needs it, so a missing column never reads as zero seconds.
 */
final class PhoneDailyTotals {
    final long[] acdCalls;
    final long[] abanCalls;
    final long[] callsOffered;
    /** Answer seconds (ms) and the ACD calls of the rows that carry them: average speed of answer. */
    final long[] answerMillis;
    final long[] answerCalls;
    /** Calls answered within the service level and the calls offered of the rows that carry them. */
    final long[] withinServiceLevel;
    final long[] serviceLevelOffered;
    /** Talk + ACW seconds (ms) and the ACD calls of the rows that carry both: average handle time. */
    final long[] handleMillis;
    final long[] handleCalls;
    private final boolean allSkills;
    private final int skillListDrop;

    private PhoneDailyTotals(int days, boolean allSkills, int skillListDrop) {
        acdCalls = new long[days];
        abanCalls = new long[days];
        callsOffered = new long[days];
        answerMillis = new long[days];
        answerCalls = new long[days];
        withinServiceLevel = new long[days];
        serviceLevelOffered = new long[days];
        handleMillis = new long[days];
        handleCalls = new long[days];
        this.allSkills = allSkills;
        this.skillListDrop = skillListDrop;
    }

    static PhoneDailyTotals of(FactsSnapshot facts, DayWindow window, Lineage lineage) {
        List<ListedSkill> list = facts.skillList().orElse(null);
        PhoneDailyTotals t = new PhoneDailyTotals(window.days(), list == null, facts.skillListDrop());
        for (PhoneSkillDay row : facts.phoneDays()) {
            int day = window.dayOf(row.date());
            if (day < 0 || (list != null && !isListed311Skill(row, list))) {
                continue;
            }
            lineage.add(Lineage.PHONE, day, row.drop());
            t.acdCalls[day] += row.acdCalls();
            t.abanCalls[day] += row.abanCalls();
            long offered = row.offeredOrAcdPlusAban();
            t.callsOffered[day] += offered;
            if (row.answerMillis() != PhoneSkillDay.ABSENT) {
                t.answerMillis[day] += row.answerMillis();
                t.answerCalls[day] += row.acdCalls();
            }
            if (row.answeredWithinServiceLevel() != PhoneSkillDay.ABSENT) {
                t.withinServiceLevel[day] += row.answeredWithinServiceLevel();
                t.serviceLevelOffered[day] += offered;
            }
            if (row.talkMillis() != PhoneSkillDay.ABSENT && row.acwMillis() != PhoneSkillDay.ABSENT) {
                t.handleMillis[day] += row.talkMillis() + row.acwMillis();
                t.handleCalls[day] += row.acdCalls();
            }
        }
        return t;
    }

    private static boolean isListed311Skill(PhoneSkillDay row, List<ListedSkill> list) {
        for (ListedSkill s : list) {
            if (s.validOn(row.date()) && SkillLabelMatch.matches(row.skillNumber(), row.skillName(), s)) {
                return true;
            }
        }
        return false;
    }

    /** True when no skill list has landed and every CMS skill was counted. */
    boolean allSkills() {
        return allSkills;
    }

    /** The skill-list drop that decided which rows count, or -1. */
    int skillListDrop() {
        return skillListDrop;
    }
}
