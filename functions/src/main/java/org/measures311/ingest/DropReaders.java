package org.measures311.ingest;

import java.util.EnumMap;
import java.util.Map;
import org.measures311.ingest.avaya.AvayaCmsReader;
import org.measures311.ingest.reference.SkillListReader;
import org.measures311.ingest.reference.TargetsReader;
import org.measures311.ingest.zendesk.TicketEventsReader;
import org.measures311.ingest.zendesk.TicketsReader;
import org.measures311.ingest.zendesk.UsersReader;

/** Which reader parses which source. */
public final class DropReaders {
    private final Map<SourceKind, DropReader> bySource;

    private DropReaders(Map<SourceKind, DropReader> bySource) {
        this.bySource = bySource;
    }

    public static DropReaders standard() {
        Map<SourceKind, DropReader> m = new EnumMap<>(SourceKind.class);
        m.put(SourceKind.AVAYA_CMS, new AvayaCmsReader());
        m.put(SourceKind.ZENDESK_TICKETS, new TicketsReader());
        m.put(SourceKind.ZENDESK_TICKET_EVENTS, new TicketEventsReader());
        m.put(SourceKind.ZENDESK_USERS, new UsersReader());
        m.put(SourceKind.SKILL_LIST, new SkillListReader());
        m.put(SourceKind.TARGETS, new TargetsReader());
        for (SourceKind s : SourceKind.values()) {
            if (s != SourceKind.UNKNOWN && !m.containsKey(s)) {
                throw new IllegalStateException("no reader for " + s);
            }
        }
        return new DropReaders(m);
    }

    public DropReader forSource(SourceKind source) {
        DropReader r = bySource.get(source);
        if (r == null) {
            throw new IllegalArgumentException("no reader for source " + source);
        }
        return r;
    }
}
