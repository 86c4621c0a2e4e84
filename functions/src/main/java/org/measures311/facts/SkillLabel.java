package org.measures311.facts;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A skill as CMS labels it: "101 - General Info", "101" or "General Info". Numbers identify skills; names are
 * the fallback when a label has no number, compared ignoring case and all whitespace (supervisors retype them).
 *
 * @param number the skill (split) number, or null when the label has none
 * @param name   the skill name as written (trimmed), or null when the label has none
 */
public record SkillLabel(Integer number, String name) {
    /** "101 - General Info", "101-General Info", "101 – General Info" (en dash), "101: General Info". */
    private static final Pattern NUMBER_AND_NAME = Pattern.compile("(\\d{1,9})\\s*[-\u2013\u2014:]\\s*(.*)", Pattern.DOTALL);
    private static final Pattern NUMBER_ONLY = Pattern.compile("\\d{1,9}");

    public SkillLabel {
        if (number == null && (name == null || normalise(name).isEmpty())) {
            throw new IllegalArgumentException("a skill label needs a number or a name");
        }
        if (number != null && number < 0) {
            throw new IllegalArgumentException("skill number must not be negative: " + number);
        }
        name = name == null || normalise(name).isEmpty() ? null : name.strip();
    }

    /** Parses a label cell; null when the cell is blank. */
    public static SkillLabel parse(String cell) {
        String s = cell == null ? "" : cell.replace('\u00A0', ' ').strip();
        if (s.isEmpty()) {
            return null;
        }
        if (NUMBER_ONLY.matcher(s).matches()) {
            return new SkillLabel(Integer.parseInt(s), null);
        }
        Matcher m = NUMBER_AND_NAME.matcher(s);
        if (m.matches()) {
            return new SkillLabel(Integer.parseInt(m.group(1)), m.group(2));
        }
        return new SkillLabel(null, s);
    }

    /** The identity of the skill in the facts: "n:101" when numbered, else "name:generalinfo". */
    public String key() {
        return number != null ? "n:" + number : "name:" + normalise(name);
    }

    /**
     * Whether this (CMS) label denotes the listed skill: by number when both have one, else by name ignoring
     * case and whitespace; a side with neither the number nor the name to compare does not match.
     */
    public boolean matches(SkillLabel listed) {
        if (listed == null) {
            return false;
        }
        if (number != null && listed.number() != null) {
            return number.equals(listed.number());
        }
        return name != null && listed.name() != null && normalise(name).equals(normalise(listed.name()));
    }

    /** Lower case (locale-independent) with every whitespace character removed. */
    static String normalise(String s) {
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints()
                .filter(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c))
                .forEach(out::appendCodePoint);
        return out.toString().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return number == null ? name : name == null ? number.toString() : number + " - " + name;
    }
}
