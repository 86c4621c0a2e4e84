package org.measures311.ingest.avaya;

import org.measures311.facts.SkillLabel;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.measures311.facts.FactBatchWriter;
import org.measures311.facts.FactTable.PhoneSkillDays;
import org.measures311.ingest.ReadContext;
import org.measures311.ingest.text.TextValues;
import org.measures311.ingest.text.ValueException;

/**
 * Turns the records after a CMS header into {@code phone_skill_days} rows: skips totals, blank and footer
 * lines, validates every cell it uses, and rejects a bad row (with its line and the file's own column name)
 * without failing the file.
 *
 * <p>Abandoned calls above ACD calls is not an error: CMS's ACD Calls counts answered calls only, so on a bad
 * day (an outage, a storm) more callers can hang up in queue than are answered. Rejecting such rows would drop
 * exactly the days the measures must show.
 */
final class CmsRowReader {
    private static final Set<String> SUMMARY_LABELS = Set.of("total", "totals", "summary", "grandtotal", "grandtotals");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final Pattern FOREIGN_DELIMITER = Pattern.compile("[,;\t|]");

    private final CmsHeader header;
    private final LocalDate preambleDate;
    private final ReadContext context;
    private final FactBatchWriter out;

    /** A cell that fails validation, naming the column as the file spells it. */
    private static final class CellRejected extends Exception {
        private final String column;

        CellRejected(String column, String message) {
            super(message, null, false, false);
            this.column = column;
        }
    }

    /** Rows dated after {@code context.future()}'s limit are rejected. */
    CmsRowReader(CmsHeader header, LocalDate preambleDate, ReadContext context, FactBatchWriter out) {
        this.header = header;
        this.preambleDate = preambleDate;
        this.context = context;
        this.out = out;
    }

    void accept(List<String> cells, long line) throws IOException {
        if (cells.stream().allMatch(TextValues::isBlank) || isSummary(cells)) {
            return;
        }
        if (cells.size() < header.width()) {
            if (looksLikeTruncatedData(cells)) {
                context.rowRead();
                context.rowRejected(line, "", "row has " + cells.size() + " cells but the header has "
                        + header.width() + ": truncated, or written with another delimiter than the header");
            }
            return;
        }
        context.rowRead();
        try {
            write(cells, line);
        } catch (CellRejected e) {
            context.rowRejected(line, e.column, e.getMessage());
        }
    }

    private void write(List<String> cells, long line) throws CellRejected, IOException {
        LocalDate date = date(cells);
        SkillLabel skill = SkillLabel.parse(cell(cells, CmsColumn.SKILL));
        if (skill == null) {
            throw new CellRejected(header.nameOf(CmsColumn.SKILL), "missing skill");
        }
        long acd = requiredCount(cells, CmsColumn.ACD_CALLS);
        long aban = requiredCount(cells, CmsColumn.ABAN_CALLS);
        Long offered = count(cells, CmsColumn.CALLS_OFFERED);
        Double speedOfAnswer = seconds(cells, CmsColumn.AVG_SPEED_ANS, true);
        Double avgAban = seconds(cells, CmsColumn.AVG_ABAN_TIME, true);
        Double avgAcd = seconds(cells, CmsColumn.AVG_ACD_TIME, true);
        Double avgAcw = seconds(cells, CmsColumn.AVG_ACW_TIME, true);
        Double acdTime = seconds(cells, CmsColumn.ACD_TIME, false);
        Double acwTime = seconds(cells, CmsColumn.ACW_TIME, false);
        Double holdTime = seconds(cells, CmsColumn.HOLD_TIME, false);
        BigDecimal withinSlPercent = percent(cells, CmsColumn.PERCENT_WITHIN_SL);
        Long acceptable = count(cells, CmsColumn.ACCEPTABLE);
        Long flowIn = count(cells, CmsColumn.FLOW_IN);
        Long flowOut = count(cells, CmsColumn.FLOW_OUT);
        Double maxDelay = seconds(cells, CmsColumn.MAX_DELAY, true);

        // Totals are sums over the row's calls: a raw total when CMS gives one, else average x calls.
        Double talk = acdTime != null ? acdTime : times(avgAcd, acd);
        Double acw = acwTime != null ? acwTime : times(avgAcw, acd);
        Long withinSl = acceptable;
        if (withinSl == null && withinSlPercent != null) {
            long base = offered != null ? offered : acd + aban;
            withinSl = withinSlPercent.multiply(BigDecimal.valueOf(base))
                    .divide(HUNDRED, 0, RoundingMode.HALF_UP).longValueExact();
        }

        out.setDate(PhoneSkillDays.DATE_COL, date)
                .setText(PhoneSkillDays.SKILL_KEY, skill.key())
                .setText(PhoneSkillDays.SKILL_NAME, skill.name())
                .setLong(PhoneSkillDays.ACD_CALLS, acd)
                .setLong(PhoneSkillDays.ABAN_CALLS, aban)
                .setInt(PhoneSkillDays.SOURCE_LINE, (int) Math.min(Integer.MAX_VALUE, line));
        setNullableInt(PhoneSkillDays.SKILL_NUMBER, skill.number());
        setNullableLong(PhoneSkillDays.CALLS_OFFERED, offered);
        setNullableDouble(PhoneSkillDays.ANSWER_SECONDS, times(speedOfAnswer, acd));
        setNullableDouble(PhoneSkillDays.TALK_SECONDS, talk);
        setNullableDouble(PhoneSkillDays.ACW_SECONDS, acw);
        setNullableDouble(PhoneSkillDays.HOLD_SECONDS, holdTime);
        setNullableLong(PhoneSkillDays.ANSWERED_WITHIN_SL, withinSl);
        setNullableDouble(PhoneSkillDays.ABANDON_SECONDS, times(avgAban, aban));
        setNullableLong(PhoneSkillDays.FLOW_IN, flowIn);
        setNullableLong(PhoneSkillDays.FLOW_OUT, flowOut);
        setNullableDouble(PhoneSkillDays.MAX_DELAY_SECONDS, maxDelay);
        out.endRow();
        context.touch(date);
    }

    private LocalDate date(List<String> cells) throws CellRejected {
        String column = header.nameOf(CmsColumn.DATE);
        LocalDate date = parsed(cells, CmsColumn.DATE, TextValues::date);
        if (date == null) {
            if (preambleDate == null) {
                throw new CellRejected(column, "missing date");
            }
            date = preambleDate;
        }
        if (context.future().refuses(date)) {
            throw new CellRejected(column, context.future().message("date", date));
        }
        return date;
    }

    private long requiredCount(List<String> cells, CmsColumn column) throws CellRejected {
        Long value = count(cells, column);
        if (value == null) {
            throw new CellRejected(header.nameOf(column), "missing count");
        }
        return value;
    }

    /** How a kind of cell is parsed; a {@link ValueException} says what was expected. */
    @FunctionalInterface
    private interface CellParser<T> {
        T parse(String cell) throws ValueException;
    }

    /** The parsed value of a column's cell; null when the file has no such column or the cell is blank. */
    private <T> T parsed(List<String> cells, CmsColumn column, CellParser<T> parser) throws CellRejected {
        String cell = cell(cells, column);
        if (TextValues.isBlank(cell)) {
            return null;
        }
        try {
            return parser.parse(cell);
        } catch (ValueException e) {
            throw new CellRejected(header.nameOf(column), e.getMessage());
        }
    }

    private Long count(List<String> cells, CmsColumn column) throws CellRejected {
        return parsed(cells, column, TextValues::count);
    }

    private Double seconds(List<String> cells, CmsColumn column, boolean perCall) throws CellRejected {
        return parsed(cells, column, cell -> CmsValues.seconds(cell, perCall));
    }

    private BigDecimal percent(List<String> cells, CmsColumn column) throws CellRejected {
        return parsed(cells, column, CmsValues::percent);
    }

    /** The cell of a column, or null when the file has no such column. */
    private String cell(List<String> cells, CmsColumn column) {
        int i = header.indexOf(column);
        return i < 0 || i >= cells.size() ? null : cells.get(i);
    }

    /** A "Totals"/"Summary" row names itself in its first cell, its date cell or its skill cell. */
    private boolean isSummary(List<String> cells) {
        return isSummaryLabel(cells.get(0)) || isSummaryLabel(cell(cells, CmsColumn.DATE))
                || isSummaryLabel(cell(cells, CmsColumn.SKILL));
    }

    private static boolean isSummaryLabel(String cell) {
        if (cell == null) {
            return false;
        }
        String key = TextValues.headerKey(cell).replace(":", "");
        return SUMMARY_LABELS.contains(key.toLowerCase(Locale.ROOT));
    }

    /**
     * A short row is a footer ("Report generated ...", a copyright line) unless it starts like data: a date
     * in the date column, or (in a report without one) a numbered skill. Then it is a cut-off data row, which
     * must be counted and rejected rather than silently dropped. A row written with another delimiter than the
     * header (a hand-edited export: "7/2/2025,101 - General,60,6" in a tab file) arrives as one cell, so the
     * first cell is also looked at up to its first comma, semicolon, tab or pipe.
     */
    private boolean looksLikeTruncatedData(List<String> cells) {
        if (header.has(CmsColumn.DATE)) {
            return isDate(cell(cells, CmsColumn.DATE)) || isDate(firstToken(cells.get(0)));
        }
        SkillLabel skill = SkillLabel.parse(cell(cells, CmsColumn.SKILL));
        if (skill == null && cells.size() == 1) {
            skill = SkillLabel.parse(firstToken(cells.get(0)));
        }
        return skill != null && skill.number() != null;
    }

    private static String firstToken(String cell) {
        return cell == null ? null : FOREIGN_DELIMITER.split(cell, 2)[0];
    }

    private static boolean isDate(String cell) {
        try {
            return cell != null && !TextValues.isBlank(cell) && TextValues.date(cell) != null;
        } catch (ValueException e) {
            return false;
        }
    }

    private static Double times(Double perCallSeconds, long calls) {
        return perCallSeconds == null ? null : perCallSeconds * calls;
    }

    private void setNullableLong(int column, Long value) {
        if (value == null) {
            out.setNull(column);
        } else {
            out.setLong(column, value);
        }
    }

    private void setNullableInt(int column, Integer value) {
        if (value == null) {
            out.setNull(column);
        } else {
            out.setInt(column, value);
        }
    }

    private void setNullableDouble(int column, Double value) {
        if (value == null) {
            out.setNull(column);
        } else {
            out.setDouble(column, value);
        }
    }
}
