package org.measures311.facts;

import java.util.Locale;

/**
 * The contact channel of a Zendesk ticket, from its "Contact Type" value. Readers normalise contact types
 * already; this normalises again (case, spaces, hyphens) so that compaction does not depend on it. A value
 * that is none of the known ones, or missing, is {@link #OTHER}: it never counts as a channel of
 * contacts_handled, but its handled tickets still count in issue_share and csat.
 */
public enum Channel {
    EMAIL("email"), WEBFORM("webform"), IN_PERSON("in_person"), CHAT("chat"), PHONE("phone"), OTHER("other");

    private static final Channel[] VALUES = values();
    private final String code;

    Channel(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Channel ofOrdinal(int ordinal) {
        return VALUES[ordinal];
    }

    public static Channel fromContactType(String contactType) {
        if (contactType == null) {
            return OTHER;
        }
        String c = contactType.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
        return switch (c) {
            case "email" -> EMAIL;
            case "webform" -> WEBFORM;
            case "inperson" -> IN_PERSON;
            case "chat" -> CHAT;
            case "phone" -> PHONE;
            default -> OTHER;
        };
    }
}
