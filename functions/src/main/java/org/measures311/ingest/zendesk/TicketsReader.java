package org.measures311.ingest.zendesk;

import static org.measures311.facts.FactTable.Tickets.CATEGORY;
import static org.measures311.facts.FactTable.Tickets.CONTACT_TYPE;
import static org.measures311.facts.FactTable.Tickets.CREATED_AT;
import static org.measures311.facts.FactTable.Tickets.SATISFACTION;
import static org.measures311.facts.FactTable.Tickets.SOURCE_LINE;
import static org.measures311.facts.FactTable.Tickets.STATUS;
import static org.measures311.facts.FactTable.Tickets.TICKET_ID;
import static org.measures311.facts.FactTable.Tickets.UPDATED_AT;
import static org.measures311.facts.FactTable.Tickets.VIA_CHANNEL;

import java.io.IOException;
import java.util.List;
import org.measures311.config.Settings;
import org.measures311.facts.FactBatchWriter;
import org.measures311.facts.FactTable;
import org.measures311.ingest.DropContent;
import org.measures311.ingest.DropReader;
import org.measures311.ingest.FutureLimit;
import org.measures311.ingest.MalformedDropException;
import org.measures311.ingest.ReadContext;

/**
 * Zendesk tickets (CSV, JSON Lines, JSON array, Parquet) -> {@link FactTable#TICKETS}. Keeps id, created_at,
 * updated_at, status, via channel ({@code via_channel} or {@code via.channel}), contact type (normalised by
 * {@link ZendeskValues#contactType}), category (trimmed) and satisfaction ({@code satisfaction} or
 * {@code satisfaction_rating.score}: good/bad). Contact type and category come from the {@code custom_fields}
 * entries whose ids are {@link Settings#zendeskContactTypeFieldId()} / {@link Settings#zendeskCategoryFieldId()}
 * when those are set (falling back to the flat column when a ticket lacks the entry), else from the flat
 * columns {@code contact_type} and {@code category}. Subjects, descriptions and requester details are skipped
 * by the parser. A ticket without a valid id or created_at, or with a created_at or updated_at in the future
 * ({@link FutureLimit}), is rejected; each accepted ticket touches the local date of its created_at.
 */
public final class TicketsReader implements DropReader {
    private static final List<List<String>> REQUIRED = List.of(List.of("id"), List.of("created_at"));

    @Override
    public FactTable table() {
        return FactTable.TICKETS;
    }

    @Override
    public void read(DropContent content, ReadContext context, FactBatchWriter out)
            throws IOException, MalformedDropException {
        Settings settings = context.settings();
        FieldSpec.Builder fields = FieldSpec.builder();
        int id = fields.field("id");
        int created = fields.field("created_at");
        int updated = fields.field("updated_at");
        int status = fields.field("status");
        int viaFlat = fields.field("via_channel");
        int viaNested = fields.field("via.channel");
        int contactFlat = fields.field("contact_type");
        int categoryFlat = fields.field("category");
        int satisfactionFlat = fields.field("satisfaction");
        int satisfactionNested = fields.field("satisfaction_rating.score");
        int contactCustom = settings.zendeskContactTypeFieldId()
                .map(fieldId -> fields.keyedEntry("custom_fields", "id", "value", fieldId.strip())).orElse(contactFlat);
        int categoryCustom = settings.zendeskCategoryFieldId()
                .map(fieldId -> fields.keyedEntry("custom_fields", "id", "value", fieldId.strip())).orElse(categoryFlat);
        LocalEpochDays localDays = new LocalEpochDays(context.zone());

        RecordSources.forEach(content, context, fields.build(), REQUIRED, r -> {
            long ticketId = ZendeskRows.requiredId(r, context, id);
            if (ticketId == ZendeskValues.INVALID) {
                return;
            }
            long createdAt = ZendeskRows.requiredTimestamp(r, context, created);
            if (createdAt == ZendeskValues.INVALID) {
                return;
            }
            long updatedAt = ZendeskRows.optionalTimestamp(r, context, updated);
            if (updatedAt == ZendeskValues.INVALID) {
                return;
            }
            out.setLong(TICKET_ID, ticketId).setEpochMillis(CREATED_AT, createdAt);
            if (updatedAt == ZendeskRows.NONE) {
                out.setNull(UPDATED_AT);
            } else {
                out.setEpochMillis(UPDATED_AT, updatedAt);
            }
            out.setText(STATUS, ZendeskValues.code(r.get(status)))
                    .setText(VIA_CHANNEL, ZendeskValues.code(r.first(viaFlat, viaNested)))
                    .setText(CONTACT_TYPE, ZendeskValues.contactType(r.first(contactCustom, contactFlat)))
                    .setText(CATEGORY, ZendeskValues.trimmed(r.first(categoryCustom, categoryFlat)))
                    .setText(SATISFACTION, ZendeskValues.satisfaction(r.first(satisfactionFlat, satisfactionNested)))
                    .setInt(SOURCE_LINE, ZendeskValues.sourceLine(r.number()));
            out.endRow();
            localDays.touch(context, createdAt);
        });
    }
}
