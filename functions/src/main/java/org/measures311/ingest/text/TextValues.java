package org.measures311.ingest.text;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parsing of the plain values that hand-kept and exported CSV files hold: whole counts with optional thousands
 * separators, decimals, and local dates written the US way ({@code M/d/yyyy}, {@code M/d/yy}) or as ISO
 * ({@code yyyy-MM-dd}). The decimal mark is always '.', the thousands separator ',' (quoted in comma files).
 */
public final class TextValues {
    private static final Pattern US_DATE = Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{4}|\\d{2})");
    private static final Pattern ISO_DATE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
    /** Digits, or digits grouped by three with commas: "1234", "1,234", "12,345,678". */
    private static final Pattern WHOLE = Pattern.compile("\\d+|\\d{1,3}(?:,\\d{3})+");
    private static final Pattern DECIMAL = Pattern.compile("(?:\\d+|\\d{1,3}(?:,\\d{3})+)(?:\\.\\d+)?|\\.\\d+");
    private static final int MAX_NUMBER_CHARS = 30;

    private TextValues() {
    }

    /** Empty or only whitespace (including no-break spaces, which spreadsheets like to leave behind). */
    public static boolean isBlank(String cell) {
        return cell == null || cell.strip().replace("\u00A0", "").isEmpty();
    }

    public static String clean(String cell) {
        return cell == null ? "" : cell.replace('\u00A0', ' ').strip();
    }

    /** A local date as {@code M/d/yyyy}, {@code M/d/yy} (20yy) or ISO {@code yyyy-MM-dd}. */
    public static LocalDate date(String cell) throws ValueException {
        String s = clean(cell);
        try {
            Matcher us = US_DATE.matcher(s);
            if (us.matches()) {
                int year = Integer.parseInt(us.group(3));
                // CMS's two-digit years are this century: the product has no data from before 2000
                year = us.group(3).length() == 2 ? 2000 + year : year;
                return LocalDate.of(year, Integer.parseInt(us.group(1)), Integer.parseInt(us.group(2)));
            }
            Matcher iso = ISO_DATE.matcher(s);
            if (iso.matches()) {
                return LocalDate.of(Integer.parseInt(iso.group(1)), Integer.parseInt(iso.group(2)),
                        Integer.parseInt(iso.group(3)));
            }
        } catch (DateTimeException e) {
            throw new ValueException("not a calendar date: " + quoteCell(s));
        }
        throw new ValueException("expected a date as M/d/yyyy, M/d/yy or yyyy-MM-dd, was " + quoteCell(s));
    }

    /** A whole, non-negative count, with or without thousands separators. */
    public static long count(String cell) throws ValueException {
        String s = clean(cell);
        if (s.startsWith("-") && WHOLE.matcher(s.substring(1)).matches()) {
            throw new ValueException("expected a count of 0 or more, was negative: " + s);
        }
        if (s.length() > MAX_NUMBER_CHARS || !WHOLE.matcher(s).matches()) {
            throw new ValueException("expected a whole number, was " + quoteCell(s));
        }
        try {
            return Long.parseLong(s.replace(",", ""));
        } catch (NumberFormatException e) {
            throw new ValueException("number too large: " + quoteCell(s));
        }
    }

    /** A decimal number, possibly negative, with '.' as the decimal mark and optional thousands separators. */
    public static BigDecimal decimal(String cell) throws ValueException {
        String s = clean(cell);
        String unsigned = s.startsWith("-") || s.startsWith("+") ? s.substring(1) : s;
        if (s.length() > MAX_NUMBER_CHARS || !DECIMAL.matcher(unsigned).matches()) {
            throw new ValueException("expected a number, was " + quoteCell(s));
        }
        return new BigDecimal(s.replace(",", "").replace("+", ""));
    }

    /** Header cells compare by this: lower case, every kind of whitespace removed. */
    public static String headerKey(String cell) {
        StringBuilder out = new StringBuilder();
        String s = cell == null ? "" : cell;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!Character.isWhitespace(c) && !Character.isSpaceChar(c) && c != '\uFEFF') {
                out.append(c);
            }
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }

    /** Keeps error messages short when a cell is huge (they are stored in the ledger). */
    private static final java.util.regex.Pattern NUMBER_LIKE = java.util.regex.Pattern.compile("[0-9\\s:.,%/+\\-]*");

    /**
     * A rejected cell as an error message may show it: quoted when it is made of digits and number punctuation
     * (a date, a count, a duration), else only its length. Error messages go to the ledger, the error report and the
     * API, and a hand-edited export can hold a caller's name or email in a count column: that must not leave the
     * landing zone.
     */
    public static String quoteCell(String s) {
        String shown = shorten(s);
        if (NUMBER_LIKE.matcher(shown).matches()) {
            return "'" + shown + "'";
        }
        return "text of " + s.length() + " characters (not shown: cells may hold personal data)";
    }

    public static String shorten(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }
}
