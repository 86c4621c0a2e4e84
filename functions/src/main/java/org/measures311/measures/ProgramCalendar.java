package org.measures311.measures;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The program's own calendar: its time zone (local dates of UTC timestamps) and its fiscal year, labelled by
 * the calendar year it ends in ({@code FY2025} = July 2024 to June 2025 when the year starts in July). The
 * Functions host's TZ setting is ignored on Flex Consumption, so every local date comes from here.
 */
public record ProgramCalendar(ZoneId zone, int fiscalYearStartMonth) {
    private static final Pattern FISCAL = Pattern.compile("FY(\\d{4})");
    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");
    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    public ProgramCalendar {
        Objects.requireNonNull(zone, "zone");
        if (fiscalYearStartMonth < 1 || fiscalYearStartMonth > 12) {
            throw new IllegalArgumentException("fiscal year start month must be 1..12");
        }
    }

    public LocalDate localDate(Instant instant) {
        return LocalDate.ofInstant(instant, zone);
    }

    public LocalDate localDateOfEpochMillis(long epochMillis) {
        return localDate(Instant.ofEpochMilli(epochMillis));
    }

    /** The fiscal year (by its ending calendar year) that a date falls in. */
    public int fiscalYear(LocalDate date) {
        if (fiscalYearStartMonth == 1) {
            return date.getYear();
        }
        return date.getMonthValue() >= fiscalYearStartMonth ? date.getYear() + 1 : date.getYear();
    }

    public Period period(Grain grain, LocalDate date) {
        return switch (grain) {
            case DAY -> new Period(grain, date.toString(), date, date);
            case MONTH -> {
                YearMonth ym = YearMonth.from(date);
                yield new Period(grain, ym.toString(), ym.atDay(1), ym.atEndOfMonth());
            }
            case YEAR -> new Period(grain, Integer.toString(date.getYear()),
                    LocalDate.of(date.getYear(), 1, 1), LocalDate.of(date.getYear(), 12, 31));
            case FISCAL_YEAR -> fiscalYearPeriod(fiscalYear(date));
        };
    }

    public Period fiscalYearPeriod(int fiscalYear) {
        LocalDate start = fiscalYearStartMonth == 1
                ? LocalDate.of(fiscalYear, 1, 1)
                : LocalDate.of(fiscalYear - 1, fiscalYearStartMonth, 1);
        return new Period(Grain.FISCAL_YEAR, "FY" + fiscalYear, start, start.plusYears(1).minusDays(1));
    }

    /** Parses a published period label of the grain; empty when it is not one. */
    public Optional<Period> parse(Grain grain, String label) {
        if (label == null) {
            return Optional.empty();
        }
        try {
            return switch (grain) {
                case DAY -> DAY.matcher(label).matches() ? Optional.of(period(grain, LocalDate.parse(label))) : Optional.empty();
                case MONTH -> MONTH.matcher(label).matches()
                        ? Optional.of(period(grain, YearMonth.parse(label).atDay(1))) : Optional.empty();
                case YEAR -> YEAR.matcher(label).matches()
                        ? Optional.of(period(grain, LocalDate.of(Integer.parseInt(label), 1, 1))) : Optional.empty();
                case FISCAL_YEAR -> {
                    Matcher m = FISCAL.matcher(label);
                    yield m.matches() ? Optional.of(fiscalYearPeriod(Integer.parseInt(m.group(1)))) : Optional.empty();
                }
            };
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The period of the same grain one year earlier (for growth). */
    public Period yearEarlier(Period p) {
        return period(p.grain(), p.start().minusYears(1));
    }

    /** The period just before (for the scorecard's "previous"). */
    public Period previous(Period p) {
        return period(p.grain(), p.start().minusDays(1));
    }

    /** Every period of the grain that overlaps [from, to] (inclusive dates), in order. */
    public List<Period> periodsCovering(Grain grain, LocalDate from, LocalDate to) {
        List<Period> out = new ArrayList<>();
        Period p = period(grain, from);
        while (!p.start().isAfter(to)) {
            out.add(p);
            p = period(grain, p.end().plusDays(1));
        }
        return out;
    }
}
