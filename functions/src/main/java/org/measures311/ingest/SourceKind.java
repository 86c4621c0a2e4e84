package org.measures311.ingest;

import java.util.Locale;
import org.measures311.facts.FactTable;

/** What a landing-zone path holds, decided by where it sits (see docs/landing-zone.md). */
public enum SourceKind {
    AVAYA_CMS("avaya", FactTable.PHONE_SKILL_DAYS),
    ZENDESK_TICKETS("zendesk_tickets", FactTable.TICKETS),
    ZENDESK_TICKET_EVENTS("zendesk_ticket_events", FactTable.TICKET_EVENTS),
    ZENDESK_USERS("zendesk_users", FactTable.USERS),
    SKILL_LIST("skill_list", FactTable.SKILL_LIST),
    TARGETS("targets", FactTable.TARGETS),
    /** Anything else: recorded in the ledger as ignored. */
    UNKNOWN("unknown", null);

    private final String code;
    private final FactTable table;

    SourceKind(String code, FactTable table) {
        this.code = code;
        this.table = table;
    }

    public String code() {
        return code;
    }

    /** The curated table this source feeds; null for {@link #UNKNOWN}. */
    public FactTable table() {
        return table;
    }

    public static SourceKind of(String path) {
        String p = path.replace('\\', '/').toLowerCase(Locale.ROOT);
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        String name = p.substring(p.lastIndexOf('/') + 1);
        if (name.isEmpty() || name.startsWith(".")) {
            return UNKNOWN;
        }
        if (p.startsWith("avaya/")) {
            return AVAYA_CMS;
        }
        if (p.startsWith("zendesk/tickets/")) {
            return ZENDESK_TICKETS;
        }
        if (p.startsWith("zendesk/ticket_events/")) {
            return ZENDESK_TICKET_EVENTS;
        }
        if (p.startsWith("zendesk/users/")) {
            return ZENDESK_USERS;
        }
        if (p.equals("reference/skills.csv") || p.equals("reference/skills.csv.gz")) {
            return SKILL_LIST;
        }
        if (p.equals("reference/targets.csv") || p.equals("reference/targets.csv.gz")) {
            return TARGETS;
        }
        return UNKNOWN;
    }
}
