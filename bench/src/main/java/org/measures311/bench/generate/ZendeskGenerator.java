package org.measures311.bench.generate;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.SplittableRandom;

/**
 * Writes the Zendesk part of a synthetic landing zone: users (a base export and a later update export that
 * changes some CSR markers), tickets (a base export and an update export whose later rows change some contact
 * types and categories) and ticket events (CSV, and the same events as JSON Lines). Streaming: one ticket and
 * its events at a time, so memory does not grow with the scale.
 *
 * <p>Edge cases are planted on purpose: events of tickets that never land, repeated event rows (same id),
 * first replies exactly 86,400 s and 60 s after creation, contact types spelled several ways, tickets with
 * internal-only first replies, unanswered tickets, and users whose CSR marker changes in a later export.
 */
final class ZendeskGenerator {
    static final long FIRST_TICKET_ID = 1_000_000L;
    static final long FIRST_EVENT_ID = 10_000_000_000L;
    static final long FIRST_USER_ID = 360_000_000_000L;

    /** Channel, then the spellings agents type into "Contact Type" (normalised to one channel by the reader). */
    private static final String[][] CONTACT_TYPES = {
            {"email", "Email", "email", "E-mail"},
            {"webform", "Webform", "WebForm", "Web Form"},
            {"in_person", "In-Person", "In Person", "in_person"},
            {"chat", "Chat"},
            {"phone", "Phone"},
            {"other", "Other", "Social Media"},
    };
    /** Cumulative share of each channel above, in percent. */
    private static final int[] CHANNEL_CUMULATIVE = {35, 65, 75, 90, 95, 100};
    private static final String[] CATEGORIES = {
            "Graffiti", "Potholes", "Abandoned Vehicle", "Illegal Dumping", "Noise", "Parking", "Streetlight",
            "Trees", "Water Billing", "Sewer", "Parks", "Homeless Camp", "Snow and Ice", "Sidewalk", "Traffic Signal",
            "Business License", "Property Tax", "Recycling", "Animal Services", "General Question"};
    private static final String[] STATUSES = {"new", "open", "pending", "solved", "closed"};
    private static final String[] VIA = {"web", "email", "chat", "api", "voice"};

    private final GeneratorSpec spec;
    private final SplittableRandom random;
    private final long[] csrIds;
    private final long[] otherAgentIds;
    private final int endUsers;

    ZendeskGenerator(GeneratorSpec spec) {
        this.spec = spec;
        this.random = new SplittableRandom(spec.seed());
        this.csrIds = new long[spec.csrs()];
        this.otherAgentIds = new long[spec.otherAgents()];
        for (int i = 0; i < csrIds.length; i++) {
            csrIds[i] = FIRST_USER_ID + i;
        }
        for (int i = 0; i < otherAgentIds.length; i++) {
            otherAgentIds[i] = FIRST_USER_ID + csrIds.length + i;
        }
        this.endUsers = spec.users() - csrIds.length - otherAgentIds.length;
    }

    /** Users: CSRs first, then other agents, then end users; a later export flips the marker of a few agents. */
    void writeUsers(Path base, Path updates) throws IOException {
        long exportedAt = spec.firstDay().atStartOfDay(ZoneId.of("UTC")).toEpochSecond() - 86_400L * 30;
        long updatedAt = spec.firstDay().withMonth(6).atStartOfDay(ZoneId.of("UTC")).toEpochSecond();
        try (AsciiWriter b = writer(base); AsciiWriter u = writer(updates)) {
            b.text("id,role,updated_at,csr_311\n");
            u.text("id,role,updated_at,csr_311\n");
            for (int i = 0; i < spec.users(); i++) {
                long id = FIRST_USER_ID + i;
                boolean agent = i < csrIds.length + otherAgentIds.length;
                boolean csr = i < csrIds.length;
                user(b, id, agent ? (i % 50 == 0 ? "admin" : "agent") : "end-user", exportedAt + i, csr);
                // One CSR in 20 leaves 311 and one other agent in 5 joins: the later record decides all events.
                if (csr && i % 20 == 7) {
                    user(u, id, "agent", updatedAt + i, false);
                } else if (agent && !csr && i % 5 == 2) {
                    user(u, id, "agent", updatedAt + i, true);
                }
            }
        }
    }

    private static void user(AsciiWriter w, long id, String role, long updatedAt, boolean csr) throws IOException {
        // Marker spellings the reader accepts as true, and one it must read as false.
        w.number(id).ch(',').text(role).ch(',').isoUtc(updatedAt).ch(',').text(csr ? (id % 3 == 0 ? "yes" : "true") : "false").ch('\n');
    }

    /** Tickets and their events, in ticket order; returns how many event rows were written. */
    GeneratedCounts writeTicketsAndEvents(Path tickets, Path ticketUpdates, Path eventsCsv, Path eventsJsonl)
            throws IOException {
        int n = spec.tickets();
        ZoneId zone = ZoneId.of("America/Los_Angeles");
        long start = spec.firstDay().atStartOfDay(zone).toEpochSecond();
        long end = spec.lastDay().plusDays(1).atStartOfDay(zone).toEpochSecond();
        double step = (double) (end - start) / n;
        long eventId = FIRST_EVENT_ID;
        long eventRows = 0;
        long ticketRows = 0;
        try (AsciiWriter t = writer(tickets); AsciiWriter tu = writer(ticketUpdates);
             AsciiWriter e = writer(eventsCsv); AsciiWriter j = writer(eventsJsonl)) {
            t.text("id,created_at,updated_at,status,via_channel,contact_type,category,satisfaction\n");
            tu.text("id,created_at,updated_at,status,via_channel,contact_type,category,satisfaction\n");
            e.text("id,ticket_id,created_at,author_id,event_type,public\n");
            for (int i = 0; i < n; i++) {
                long ticketId = FIRST_TICKET_ID + i;
                long created = start + (long) (i * step) + random.nextLong(Math.max(1, (long) step));
                int channel = pickChannel();
                long requester = FIRST_USER_ID + csrIds.length + otherAgentIds.length + random.nextInt(endUsers);
                // One ticket in 200 never lands: its events must be ignored.
                if (random.nextInt(200) != 0) {
                    ticket(t, ticketId, created, created + 3600 + random.nextInt(86_400), channel, false);
                    ticketRows++;
                    if (random.nextInt(20) == 0) {
                        int later = random.nextInt(10) < 3 ? pickChannel() : channel;
                        ticket(tu, ticketId, created, created + 86_400L * (2 + random.nextInt(30)), later, true);
                        ticketRows++;
                    }
                }
                int events = 8 + random.nextInt(13);
                boolean handled = random.nextInt(100) < 85;
                long at = created;
                event(e, j, eventId++, ticketId, at, requester, "Create", true);
                eventRows++;
                at += firstReplyDelay(channel);
                for (int k = 1; k < events; k++) {
                    if (k > 1) {
                        at += 1 + (long) (-Math.log(1 - random.nextDouble()) * 3 * 3600);
                    }
                    eventRows += laterEvent(e, j, eventId++, ticketId, at, requester, handled, k == 1);
                }
            }
        }
        return new GeneratedCounts(n, ticketRows, eventRows);
    }

    private int laterEvent(AsciiWriter e, AsciiWriter j, long id, long ticketId, long at, long requester,
                           boolean handled, boolean firstReply) throws IOException {
        long author;
        String type;
        boolean isPublic;
        int who = random.nextInt(100);
        if (firstReply && handled) {
            author = csrIds[random.nextInt(csrIds.length)];
            type = "Comment";
            isPublic = random.nextInt(100) < 80;
        } else if (who < 40 && handled) {
            author = csrIds[random.nextInt(csrIds.length)];
            type = random.nextInt(10) < 7 ? "Comment" : "Change";
            isPublic = type.equals("Comment") && random.nextInt(4) != 0;
        } else if (who < 60) {
            author = otherAgentIds[random.nextInt(otherAgentIds.length)];
            type = random.nextInt(10) < 7 ? "Comment" : "Change";
            isPublic = type.equals("Comment") && random.nextInt(4) != 0;
        } else if (who < 85) {
            author = requester;
            type = "Comment";
            isPublic = true;
        } else {
            author = -1;
            type = random.nextBoolean() ? "Change" : "Notification";
            isPublic = false;
        }
        event(e, j, id, ticketId, at, author, type, isPublic);
        // One event row in 1000 is exported twice (a re-export overlap): deduplicated by id.
        if (random.nextInt(1000) == 0) {
            event(e, j, id, ticketId, at, author, type, isPublic);
            return 2;
        }
        return 1;
    }

    /** Seconds from creation to the first reply, with the measures' boundaries hit exactly now and then. */
    private long firstReplyDelay(int channel) {
        int p = random.nextInt(100);
        return switch (CONTACT_TYPES[channel][0]) {
            case "email", "webform" -> p < 3 ? 86_400 : p < 5 ? 86_401 : p < 72
                    ? 300 + random.nextInt(86_100) : 86_402 + random.nextInt(3 * 86_400);
            case "chat" -> p < 5 ? 60 : p < 7 ? 61 : p < 75 ? 5 + random.nextInt(55) : 62 + random.nextInt(600);
            case "in_person" -> random.nextInt(600);
            default -> 3600 + random.nextInt(2 * 86_400);
        };
    }

    private int pickChannel() {
        int p = random.nextInt(100);
        for (int c = 0; c < CHANNEL_CUMULATIVE.length; c++) {
            if (p < CHANNEL_CUMULATIVE[c]) {
                return c;
            }
        }
        throw new IllegalStateException("channel shares must end at 100");
    }

    private void ticket(AsciiWriter w, long id, long created, long updated, int channel, boolean update)
            throws IOException {
        String[] spellings = CONTACT_TYPES[channel];
        String contactType = spellings[1 + random.nextInt(spellings.length - 1)];
        int c = random.nextInt(CATEGORIES.length + 2);
        int s = random.nextInt(100);
        String satisfaction = s < (update ? 40 : 15) ? "good" : s < (update ? 55 : 20) ? "bad" : s < 30 ? "offered" : "";
        w.number(id).ch(',').isoUtc(created).ch(',').isoUtc(updated).ch(',')
                .text(STATUSES[random.nextInt(STATUSES.length)]).ch(',').text(VIA[random.nextInt(VIA.length)]).ch(',')
                .text(contactType).ch(',').text(c < CATEGORIES.length ? CATEGORIES[c] : "").ch(',')
                .text(satisfaction).ch('\n');
    }

    private static void event(AsciiWriter csv, AsciiWriter jsonl, long id, long ticketId, long at, long author,
                              String type, boolean isPublic) throws IOException {
        csv.number(id).ch(',').number(ticketId).ch(',').isoUtc(at).ch(',');
        if (author >= 0) {
            csv.number(author);
        }
        csv.ch(',').text(type).ch(',').text(isPublic ? "true" : "false").ch('\n');
        jsonl.text("{\"id\":").number(id).text(",\"ticket_id\":").number(ticketId).text(",\"created_at\":\"").isoUtc(at)
                .text("\",\"author_id\":");
        if (author >= 0) {
            jsonl.number(author);
        } else {
            jsonl.text("null");
        }
        jsonl.text(",\"event_type\":\"").text(type).text("\",\"public\":").text(isPublic ? "true" : "false").text("}\n");
    }

    private static AsciiWriter writer(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        return new AsciiWriter(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
    }

    record GeneratedCounts(int tickets, long ticketRows, long eventRows) {
    }
}
