package org.measures311.ingest.zendesk;

import static org.measures311.facts.FactTable.TicketEvents.AUTHOR_ID;
import static org.measures311.facts.FactTable.TicketEvents.CREATED_AT;
import static org.measures311.facts.FactTable.TicketEvents.EVENT_ID;
import static org.measures311.facts.FactTable.TicketEvents.EVENT_TYPE;
import static org.measures311.facts.FactTable.TicketEvents.IS_PUBLIC;
import static org.measures311.facts.FactTable.TicketEvents.SOURCE_LINE;
import static org.measures311.facts.FactTable.TicketEvents.TICKET_ID;

import java.io.IOException;
import java.util.List;
import org.measures311.facts.FactBatchWriter;
import org.measures311.facts.FactTable;
import org.measures311.ingest.DropContent;
import org.measures311.ingest.DropReader;
import org.measures311.ingest.FutureLimit;
import org.measures311.ingest.MalformedDropException;
import org.measures311.ingest.ReadContext;

/**
 * Zendesk ticket events -> {@link FactTable#TICKET_EVENTS}, from either shape:
 * <ul>
 * <li>the flat table, one row per event: id, ticket_id, created_at, author under {@code author_id},
 *     {@code updater_id} or {@code user_id}, type under {@code event_type} or {@code type}, {@code public}
 *     (true when true/1/yes);</li>
 * <li>records of Zendesk's incremental ticket-event export ({@code /api/v2/incremental/ticket_events}, with or
 *     without the {@code comment_events} side-load): {@code id, ticket_id, created_at, updater_id, event_type,
 *     child_events[]}. Such a record (recognised by having {@code child_events}) becomes one non-public event
 *     with the record's id and type (default "Audit") authored by {@code updater_id}, plus one event per child
 *     whose {@code type} (or {@code event_type}) is {@code Comment}: the child's id, {@code author_id} and
 *     {@code public} flag at the record's created_at. Comment bodies are skipped by the parser.</li>
 * </ul>
 * Every candidate event (record or comment child) counts as one row read. An event without a valid id,
 * ticket_id or created_at, with a created_at in the future ({@link FutureLimit}), or with an author that is not
 * an id, is rejected. Accepted events touch the local date of created_at. Event types are kept as given, trimmed
 * ("Comment", "Audit").
 */
public final class TicketEventsReader implements DropReader {
    private static final List<List<String>> REQUIRED =
            List.of(List.of("id"), List.of("ticket_id"), List.of("created_at"));
    private static final String COMMENT = "Comment";

    @Override
    public FactTable table() {
        return FactTable.TICKET_EVENTS;
    }

    private final ParallelRecords parallel;

    public TicketEventsReader() {
        this(ParallelRecords.standard());
    }

    TicketEventsReader(ParallelRecords parallel) {
        this.parallel = parallel;
    }

    /** The slots of the fields read, for the flat table and the export records with their comment children. */
    private record Slots(int id, int ticket, int created, int authorId, int updaterId, int userId, int eventType,
            int type, int isPublic, int childId, int childType, int childEventType, int childAuthor, int childPublic) {
    }

    @Override
    public void read(DropContent content, ReadContext context, FactBatchWriter out)
            throws IOException, MalformedDropException {
        FieldSpec.Builder childFields = FieldSpec.builder();
        int childId = childFields.field("id");
        int childType = childFields.field("type");
        int childEventType = childFields.field("event_type");
        int childAuthor = childFields.field("author_id");
        int childPublic = childFields.field("public");

        FieldSpec.Builder fields = FieldSpec.builder();
        // Ids and created_at are declared as such so the CSV parser can hand them over typed, without a String per cell.
        Slots slots = new Slots(fields.idField("id"), fields.idField("ticket_id"), fields.timestampField("created_at"),
                fields.idField("author_id"), fields.idField("updater_id"), fields.idField("user_id"),
                fields.field("event_type"), fields.field("type"), fields.field("public"),
                childId, childType, childEventType, childAuthor, childPublic);
        fields.children("child_events", childFields.build());

        RecordSources.forEach(content, context, fields.build(), REQUIRED, out, parallel,
                (partContext, partOut) -> handler(slots, partContext, partOut));
    }

    private static RecordSources.RecordHandler handler(Slots s, ReadContext context, FactBatchWriter out) {
        LocalEpochDays localDays = new LocalEpochDays(context.zone());
        LastFlag publicFlags = new LastFlag();
        return r -> {
            long eventId = ZendeskRows.requiredId(r, context, s.id());
            long ticketId = eventId == ZendeskValues.INVALID ? eventId : ZendeskRows.requiredId(r, context, s.ticket());
            long createdAt = ticketId == ZendeskValues.INVALID
                    ? ticketId : ZendeskRows.requiredTimestamp(r, context, s.created());
            if (createdAt == ZendeskValues.INVALID) {
                skipComments(r, context, s.childType(), s.childEventType());
                return;
            }
            boolean exportRecord = r.childrenPresent();
            long author = exportRecord
                    ? ZendeskRows.optionalId(r, context, s.updaterId(), s.authorId(), s.userId())
                    : ZendeskRows.optionalId(r, context, s.authorId(), s.updaterId(), s.userId());
            if (author == ZendeskValues.INVALID) {
                skipComments(r, context, s.childType(), s.childEventType());
                return;
            }
            String typeText = ZendeskValues.trimmed(r.first(s.eventType(), s.type()));
            boolean publicFlag = !exportRecord && publicFlags.of(r.get(s.isPublic()));
            write(out, eventId, ticketId, createdAt, author,
                    typeText == null && exportRecord ? "Audit" : typeText, publicFlag, r.number());
            localDays.touch(context, createdAt);
            for (int i = 0; i < r.childCount(); i++) {
                SourceRecord child = r.child(i);
                if (!COMMENT.equalsIgnoreCase(ZendeskValues.trimmed(child.first(s.childType(), s.childEventType())))) {
                    continue;
                }
                context.rowRead();
                long commentId = ZendeskRows.requiredId(child, context, s.childId());
                long commentAuthor = commentId == ZendeskValues.INVALID
                        ? commentId : ZendeskRows.optionalId(child, context, s.childAuthor());
                if (commentAuthor == ZendeskValues.INVALID) {
                    continue;
                }
                write(out, commentId, ticketId, createdAt, commentAuthor, COMMENT,
                        ZendeskValues.flag(child.get(s.childPublic())), r.number());
            }
        };
    }

    /**
     * {@link ZendeskValues#flag} of the last two texts read, kept while the same Strings come again: the CSV reader
     * hands a cell equal to a recent one of its column as that cell's String, so a column of true/false reads each
     * spelling once.
     */
    private static final class LastFlag {
        private String text;
        private boolean value;
        private String otherText;
        private boolean otherValue;

        boolean of(String cell) {
            if (cell == null) {
                return false;
            }
            if (cell == text) {
                return value;
            }
            if (cell == otherText) {
                return otherValue;
            }
            otherText = text;
            otherValue = value;
            text = cell;
            value = ZendeskValues.flag(cell);
            return value;
        }
    }

    /** Comment children of a rejected export record are rejected with it (counted, not located again). */
    private static void skipComments(SourceRecord r, ReadContext context, int... typeSlots) {
        for (int i = 0; i < r.childCount(); i++) {
            if (COMMENT.equalsIgnoreCase(ZendeskValues.trimmed(r.child(i).first(typeSlots)))) {
                context.rowRead();
                context.rowRejected(r.number(), "child_events", "its export record was rejected");
            }
        }
    }

    private static void write(FactBatchWriter out, long eventId, long ticketId, long createdAt, long author,
            String type, boolean isPublic, long number) throws IOException {
        out.setLong(EVENT_ID, eventId).setLong(TICKET_ID, ticketId).setEpochMillis(CREATED_AT, createdAt);
        if (author == 0) {
            out.setNull(AUTHOR_ID);
        } else {
            out.setLong(AUTHOR_ID, author);
        }
        out.setText(EVENT_TYPE, type).setBool(IS_PUBLIC, isPublic).setInt(SOURCE_LINE, ZendeskValues.sourceLine(number));
        out.endRow();
    }
}
