package org.measures311.ingest.zendesk;

import org.measures311.facts.FactBatchWriter;
import org.measures311.ingest.ReadContext;

/** Row validation shared by the Zendesk readers: each returns false after reporting the rejection. */
final class ZendeskRows {
    private ZendeskRows() {
    }

    /** A required id: {@link ZendeskValues#INVALID} after reporting when missing or not a positive integer. */
    static long requiredId(SourceRecord r, ReadContext context, int... slots) {
        String text = r.first(slots);
        long id = ZendeskValues.positiveId(text);
        if (id == ZendeskValues.INVALID) {
            context.rowRejected(r.number(), r.pathOfFirst(slots),
                    text == null ? "required id is missing" : "id is not a positive integer");
        }
        return id;
    }

    /**
     * An optional id: {@code 0} when absent or Zendesk's system user {@code -1} (automatic updates have no human
     * author); {@link ZendeskValues#INVALID} after reporting when anything else that is not an id.
     */
    static long optionalId(SourceRecord r, ReadContext context, int... slots) {
        String text = r.first(slots);
        if (text == null || text.strip().equals("-1")) {
            return 0;
        }
        long id = ZendeskValues.positiveId(text);
        if (id == ZendeskValues.INVALID) {
            context.rowRejected(r.number(), r.pathOfFirst(slots), "id is not a positive integer");
        }
        return id;
    }

    static long requiredTimestamp(SourceRecord r, ReadContext context, int slot) {
        String text = r.get(slot);
        long millis = ZendeskValues.epochMillis(text);
        if (millis == ZendeskValues.INVALID) {
            context.rowRejected(r.number(), r.path(slot), text == null ? "required timestamp is missing"
                    : "not an ISO 8601 timestamp or Unix seconds");
        }
        return millis;
    }

    /**
     * An optional timestamp: {@code NONE} when absent, {@link ZendeskValues#INVALID} after reporting when present
     * but unreadable (a wrong updated_at would decide which version of a row wins, so it is not ignored).
     */
    static long optionalTimestamp(SourceRecord r, ReadContext context, int slot) {
        String text = r.get(slot);
        if (text == null) {
            return NONE;
        }
        long millis = ZendeskValues.epochMillis(text);
        if (millis == ZendeskValues.INVALID) {
            context.rowRejected(r.number(), r.path(slot), "not an ISO 8601 timestamp or Unix seconds");
        }
        return millis;
    }

    /** Writes an optional timestamp cell: null for {@link #NONE}. */
    static void setOptionalTimestamp(FactBatchWriter out, int column, long epochMillis) {
        if (epochMillis == NONE) {
            out.setNull(column);
        } else {
            out.setEpochMillis(column, epochMillis);
        }
    }

    /** Marks an absent optional timestamp (distinct from {@link ZendeskValues#INVALID}). */
    static final long NONE = Long.MAX_VALUE;
}
