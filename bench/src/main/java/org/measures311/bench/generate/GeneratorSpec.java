package org.measures311.bench.generate;

import java.time.LocalDate;

/**
 * How big a synthetic landing zone is. Scale 1 is the benchmark's default: one calendar year, 1M tickets,
 * about 14M ticket events (about 1 GB of CSV), 50k users and 40 CMS skills of daily rows. The skills and
 * days do not scale (CMS writes one row per day per skill whatever the contact volume).
 */
public record GeneratorSpec(double scale, long seed, int year) {
    public static final long DEFAULT_SEED = 311L;
    public static final int DEFAULT_YEAR = 2025;
    public static final int SKILLS = 40;
    /** Skills of the 40 that are on the 311 list (the rest belong to other departments). */
    public static final int LISTED_SKILLS = 30;

    public GeneratorSpec {
        if (!(scale > 0) || scale > 10) {
            throw new IllegalArgumentException("scale must be in (0, 10]: " + scale);
        }
        if (year < 2000 || year > 2100) {
            throw new IllegalArgumentException("year out of range: " + year);
        }
    }

    public static GeneratorSpec ofScale(double scale) {
        return new GeneratorSpec(scale, DEFAULT_SEED, DEFAULT_YEAR);
    }

    public int tickets() {
        return Math.max(200, (int) Math.round(1_000_000 * scale));
    }

    public int users() {
        return Math.max(100, (int) Math.round(50_000 * scale));
    }

    /** 311 CSRs among the users: about 300 at full scale, never fewer than 10. */
    public int csrs() {
        return Math.max(10, users() * 6 / 1000);
    }

    /** Agents who are not 311 CSRs (other departments answering in the same Zendesk). */
    public int otherAgents() {
        return Math.max(5, users() / 1000);
    }

    public LocalDate firstDay() {
        return LocalDate.of(year, 1, 1);
    }

    public LocalDate lastDay() {
        return LocalDate.of(year, 12, 31);
    }
}
