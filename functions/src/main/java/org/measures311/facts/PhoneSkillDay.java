package org.measures311.facts;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The current CMS row for one (local date, skill): the latest-landed export of that day and skill (a re-export
 * is a correction). Seconds are kept as whole milliseconds so sums are exact whatever their order.
 * {@link #ABSENT} marks a column the export did not have.
 */
public record PhoneSkillDay(
        LocalDate date,
        String skillKey,
        Integer skillNumber,
        String skillName,
        long acdCalls,
        long abanCalls,
        long callsOffered,
        long answerMillis,
        long talkMillis,
        long acwMillis,
        long answeredWithinServiceLevel,
        int drop) {

    public static final long ABSENT = -1;

    public PhoneSkillDay {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(skillKey, "skillKey");
    }

    /** Calls Offered where CMS wrote it, else ACD Calls + Aban Calls of this row. */
    public long offeredOrAcdPlusAban() {
        return callsOffered != ABSENT ? callsOffered : acdCalls + abanCalls;
    }

    static long millis(double seconds) {
        return Math.round(seconds * 1000.0);
    }
}
