package org.measures311.ingest.zendesk;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

/**
 * Parsing and normalising of the few Zendesk values that leave the landing zone. Parsers return primitives
 * with a sentinel for "invalid" so the per-row path does not box.
 */
public final class ZendeskValues {
    /** Returned by {@link #epochMillis} and {@link #positiveId} for a value that cannot be read. */
    public static final long INVALID = Long.MIN_VALUE;

    /** ISO 8601 date-time, 'T' or space between date and time, optional offset ("Z", "+02:00", "+0200") or " UTC". */
    static final DateTimeFormatter ISO_TIMESTAMP = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .append(DateTimeFormatter.ISO_LOCAL_TIME)
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .optionalStart().appendLiteral(" UTC").optionalEnd()
            .toFormatter(Locale.ROOT);

    private ZendeskValues() {
    }

    /**
     * Epoch milliseconds of an ISO 8601 timestamp (UTC when it has no offset) or of Unix seconds (a JSON number
     * or numeric text, fractions allowed); {@link #INVALID} otherwise.
     */
    public static long epochMillis(String text) {
        if (text == null) {
            return INVALID;
        }
        String s = text.strip();
        if (s.isEmpty()) {
            return INVALID;
        }
        if (isUnsignedDecimal(s)) {
            return unixSecondsToMillis(s);
        }
        long fast = IsoTimestamps.epochMillis(s);
        if (fast != IsoTimestamps.NOT_FAST) {
            return fast;
        }
        try {
            TemporalAccessor parsed = ISO_TIMESTAMP.parse(s);
            ZoneOffset offset = parsed.isSupported(ChronoField.OFFSET_SECONDS)
                    ? ZoneOffset.ofTotalSeconds(parsed.get(ChronoField.OFFSET_SECONDS))
                    : ZoneOffset.UTC;
            return LocalDateTime.from(parsed).toInstant(offset).toEpochMilli();
        } catch (DateTimeParseException | ArithmeticException e) {
            return INVALID;
        }
    }

    private static boolean isUnsignedDecimal(String s) {
        boolean dot = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '.' && !dot && i > 0) {
                dot = true;
            } else if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static long unixSecondsToMillis(String s) {
        int dot = s.indexOf('.');
        String whole = dot < 0 ? s : s.substring(0, dot);
        if (whole.length() > 12) {
            return INVALID; // beyond year 33658: not a Zendesk timestamp (and milliseconds are not accepted)
        }
        long millis = Long.parseLong(whole) * 1000L;
        if (dot >= 0) {
            String fraction = (s.substring(dot + 1) + "000").substring(0, 3);
            millis += Integer.parseInt(fraction);
        }
        return millis;
    }

    /** The local date of an instant in the program's zone, as an epoch day (for {@code ReadContext.touchEpochDay}). */
    public static long localEpochDay(long epochMillis, ZoneId zone) {
        return java.time.Instant.ofEpochMilli(epochMillis).atZone(zone).toLocalDate().toEpochDay();
    }

    /** A Zendesk id: a positive integer (JSON number or text); {@link #INVALID} otherwise. */
    public static long positiveId(String text) {
        if (text == null) {
            return INVALID;
        }
        String s = text.strip();
        if (s.isEmpty() || s.length() > 19) {
            return INVALID;
        }
        long value = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return INVALID;
            }
            value = value * 10 + (c - '0');
            if (value < 0) {
                return INVALID;
            }
        }
        return value > 0 ? value : INVALID;
    }

    /** A flag is set when it reads {@code true}, {@code 1} or {@code yes} (any case); anything else is false. */
    public static boolean flag(String text) {
        if (text == null) {
            return false;
        }
        String s = text.strip();
        return s.equalsIgnoreCase("true") || s.equals("1") || s.equalsIgnoreCase("yes");
    }

    /** {@code good} or {@code bad} (any case); anything else ("offered", "unoffered", blank) is no rating. */
    public static String satisfaction(String text) {
        if (text == null) {
            return null;
        }
        String s = text.strip().toLowerCase(Locale.ROOT);
        return s.equals("good") || s.equals("bad") ? s : null;
    }

    /** Lower-case code (status, via channel, role); null when blank. */
    public static String code(String text) {
        if (text == null) {
            return null;
        }
        String s = text.strip().toLowerCase(Locale.ROOT);
        return s.isEmpty() ? null : s;
    }

    /** Free text kept as given but trimmed (category); null when blank. */
    public static String trimmed(String text) {
        if (text == null) {
            return null;
        }
        String s = text.strip();
        return s.isEmpty() ? null : s;
    }

    /**
     * The channel code of a "Contact Type" value, compared ignoring case and every non-alphanumeric character,
     * so "In-Person", "In Person" and "in_person" are one value:
     * <ul>
     * <li>email: Email, E-mail</li>
     * <li>webform: Webform, Web form, web_form, Web forms</li>
     * <li>in_person: In-Person, In Person, in_person, Walk-in, and Front Desk: the 311 definition counts
     *     "in-person requests to 311 representatives at the front desk" as in-person contacts</li>
     * <li>chat: Chat, Live chat, Web chat</li>
     * <li>phone: Phone, Telephone, Phone call, Voice</li>
     * <li>other: anything else that is not blank; null when blank</li>
     * </ul>
     */
    public static String contactType(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder key = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = Character.toLowerCase(text.charAt(i));
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                key.append(c);
            }
        }
        if (key.isEmpty()) {
            return text.isBlank() ? null : "other";
        }
        return switch (key.toString()) {
            case "email", "emails" -> "email";
            case "webform", "webforms" -> "webform";
            case "inperson", "walkin", "frontdesk" -> "in_person";
            case "chat", "livechat", "webchat" -> "chat";
            case "phone", "telephone", "phonecall", "voice" -> "phone";
            default -> "other";
        };
    }

    /** Record/line numbers go into an INT32 column; a file with more rows than that saturates rather than wraps. */
    public static int sourceLine(long number) {
        return (int) Math.min(number, Integer.MAX_VALUE);
    }
}
