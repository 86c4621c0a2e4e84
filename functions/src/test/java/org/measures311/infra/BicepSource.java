package org.measures311.infra;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Just enough Bicep lexing for the drift checks: comments removed (strings kept, offsets kept), balanced
 * blocks, the top-level {@code key: value} pairs of an object and the items of an array. Not a parser: the
 * syntax itself is checked by infra/check-bicep.mjs with tree-sitter-bicep.
 */
final class BicepSource {

    private static final Pattern KEY = Pattern.compile("('[^'\\n]*'|[A-Za-z_][A-Za-z0-9_]*)[ \\t]*:[ \\t]*");

    private BicepSource() {
    }

    /** The text with every {@code //} and {@code /* *}{@code /} comment blanked out; strings are left alone. */
    static String withoutComments(String text) {
        StringBuilder out = new StringBuilder(text);
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\'') {
                i = endOfString(text, i);
            } else if (text.startsWith("//", i)) {
                while (i < text.length() && text.charAt(i) != '\n') {
                    out.setCharAt(i++, ' ');
                }
            } else if (text.startsWith("/*", i)) {
                int end = text.indexOf("*/", i + 2);
                end = end < 0 ? text.length() : end + 2;
                for (; i < end; i++) {
                    if (text.charAt(i) != '\n') {
                        out.setCharAt(i, ' ');
                    }
                }
            } else {
                i++;
            }
        }
        return out.toString();
    }

    /** Index just past the string starting at {@code start} (a quote): '…' with \ escapes, or '''…'''. */
    static int endOfString(String text, int start) {
        if (text.startsWith("'''", start)) {
            int end = text.indexOf("'''", start + 3);
            return end < 0 ? text.length() : end + 3;
        }
        int i = start + 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == '\'') {
                return i + 1;
            } else {
                i++;
            }
        }
        return text.length();
    }

    /** Index of the bracket closing the one at {@code open} ({, [ or (), skipping strings. */
    static int closing(String text, int open) {
        int depth = 0;
        int i = open;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\'') {
                i = endOfString(text, i);
                continue;
            }
            if (c == '{' || c == '[' || c == '(') {
                depth++;
            } else if (c == '}' || c == ']' || c == ')') {
                depth--;
                if (depth == 0) {
                    return i;
                }
            }
            i++;
        }
        throw new IllegalArgumentException("unbalanced bracket at offset " + open);
    }

    /**
     * The expression starting at {@code start}: up to the first line break outside brackets and strings, so
     * that {@code union(a, {\n…\n})} or a multi-line conditional is read whole.
     */
    static String expressionAt(String text, int start) {
        return text.substring(start, expressionEnd(text, start)).trim();
    }

    static int expressionEnd(String text, int start) {
        int i = start;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\n') {
                break;
            } else if (c == '\'') {
                i = endOfString(text, i);
            } else if (c == '{' || c == '[' || c == '(') {
                i = closing(text, i) + 1;
            } else {
                i++;
            }
        }
        return i;
    }

    /** The inside of a block expression "{…}" or "[…]" (without the brackets). */
    static String inside(String block) {
        String b = block.trim();
        return b.substring(1, closing(b, 0));
    }

    /** Top-level {@code key: value} pairs of an object's inside; nested resources and decorators are skipped. */
    static Map<String, String> properties(String objectInside) {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher key = KEY.matcher(objectInside);
        int i = 0;
        while (i < objectInside.length()) {
            if (Character.isWhitespace(objectInside.charAt(i))) {
                i++;
            } else if (key.region(i, objectInside.length()).lookingAt()) {
                int valueStart = key.end();
                int valueEnd = expressionEnd(objectInside, valueStart);
                out.put(unquote(key.group(1)), objectInside.substring(valueStart, valueEnd).trim());
                i = valueEnd;
            } else {
                // Not a property (a nested resource, a decorator): skip its whole expression.
                i = Math.max(i + 1, expressionEnd(objectInside, i));
            }
        }
        return out;
    }

    /** Items of an array's inside, separated by line breaks or commas outside brackets and strings. */
    static List<String> items(String arrayInside) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < arrayInside.length()) {
            char c = arrayInside.charAt(i);
            if (c == '\n' || c == ',' || c == ' ' || c == '\r' || c == '\t') {
                i++;
                continue;
            }
            int start = i;
            while (i < arrayInside.length() && arrayInside.charAt(i) != '\n' && arrayInside.charAt(i) != ',') {
                char d = arrayInside.charAt(i);
                if (d == '\'') {
                    i = endOfString(arrayInside, i);
                } else if (d == '{' || d == '[' || d == '(') {
                    i = closing(arrayInside, i) + 1;
                } else {
                    i++;
                }
            }
            out.add(arrayInside.substring(start, i).trim());
        }
        return out;
    }

    static String unquote(String s) {
        return s.length() >= 2 && s.startsWith("'") && s.endsWith("'") ? s.substring(1, s.length() - 1) : s;
    }
}
