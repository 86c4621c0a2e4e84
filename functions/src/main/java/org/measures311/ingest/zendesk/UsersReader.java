package org.measures311.ingest.zendesk;

import static org.measures311.facts.FactTable.Users.IS_CSR;
import static org.measures311.facts.FactTable.Users.ROLE;
import static org.measures311.facts.FactTable.Users.SOURCE_LINE;
import static org.measures311.facts.FactTable.Users.UPDATED_AT;
import static org.measures311.facts.FactTable.Users.USER_ID;

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
 * Zendesk users -> {@link FactTable#USERS}: id, role, updated_at and the 311 CSR marker, read from the key
 * {@link Settings#zendeskCsrField()} (default {@code csr_311}) of the {@code user_fields} object (nested JSON,
 * a JSON text column in CSV/Parquet, or a Parquet struct), or from a flat column of that name; true when
 * true/1/yes. Names, emails and phone numbers are skipped by the parser. A user without a valid id, or with an
 * unreadable or future ({@link FutureLimit}) updated_at, is rejected.
 *
 * <p>Users touch no dates: whether someone is a CSR decides which tickets count on every date, so the pipeline
 * must treat a users drop as affecting all periods.
 */
public final class UsersReader implements DropReader {
    private static final List<List<String>> REQUIRED = List.of(List.of("id"));

    @Override
    public FactTable table() {
        return FactTable.USERS;
    }

    @Override
    public void read(DropContent content, ReadContext context, FactBatchWriter out)
            throws IOException, MalformedDropException {
        String csrKey = context.settings().zendeskCsrField().strip();
        FieldSpec.Builder fields = FieldSpec.builder();
        int id = fields.field("id");
        int role = fields.field("role");
        int updated = fields.field("updated_at");
        int csrNested = fields.field("user_fields." + csrKey);
        int csrFlat = fields.field(csrKey);

        RecordSources.forEach(content, context, fields.build(), REQUIRED, r -> {
            long userId = ZendeskRows.requiredId(r, context, id);
            if (userId == ZendeskValues.INVALID) {
                return;
            }
            long updatedAt = ZendeskRows.optionalTimestamp(r, context, updated);
            if (updatedAt == ZendeskValues.INVALID) {
                return;
            }
            out.setLong(USER_ID, userId).setText(ROLE, ZendeskValues.code(r.get(role)));
            if (updatedAt == ZendeskRows.NONE) {
                out.setNull(UPDATED_AT);
            } else {
                out.setEpochMillis(UPDATED_AT, updatedAt);
            }
            out.setBool(IS_CSR, ZendeskValues.flag(r.first(csrNested, csrFlat)))
                    .setInt(SOURCE_LINE, ZendeskValues.sourceLine(r.number()));
            out.endRow();
        });
    }
}
