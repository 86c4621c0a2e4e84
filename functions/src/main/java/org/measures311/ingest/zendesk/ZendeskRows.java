package org.measures311.ingest.zendesk;

import org.measures311.facts.FactBatchWriter;
import org.measures311.ingest.FutureLimit;
import org.measures311.ingest.ReadContext;

/** Row validation shared by the Zendesk readers: each returns false after reporting the rejection. */
final class ZendeskRows {
    private ZendeskRows() {
    }

    /** A required id: {@link ZendeskValues#INVALID} after reporting when missing or not a positive integer. */
    static long requiredId(SourceRecord r, ReadContext context, int... slots) {
        int present = r.firstPresent(slots);
        if (present >= 0 && r.isInteger(present)) {
            long value = r.typed(present);
            if (value > 0) {
                return value;
            }
            context.rowRejected(r.number(), r.path(present), "id is not a positive integer");
            return ZendeskValues.INVALID;
        }
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
        int present = r.firstPresent(slots);
        if (present >= 0 && r.isInteger(present)) {
            long value = r.typed(present);
            if (value == -1 || value > 0) {
                return value == -1 ? 0 : value;
            }
            context.rowRejected(r.number(), r.path(present), "id is not a positive integer");
            return ZendeskValues.INVALID;
        }
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

    /**
     * A required timestamp: {@link ZendeskValues#INVALID} after reporting when missing, unreadable or after
     * the context's {@link ReadContext#future() limit}.
     */
    static long requiredTimestamp(SourceRecord r, ReadContext context, int slot) {
        long typed = typedTimestamp(r, slot);
        String text = typed == NOT_TYPED ? r.get(slot) : null;
        long millis = typed == NOT_TYPED ? ZendeskValues.epochMillis(text) : typed;
        if (millis == ZendeskValues.INVALID) {
            context.rowRejected(r.number(), r.path(slot), text == null ? "required timestamp is missing"
                    : "not an ISO 8601 timestamp or Unix seconds");
            return millis;
        }
        return notInFuture(r, context, slot, millis);
    }

    /**
     * An optional timestamp: {@code NONE} when absent, {@link ZendeskValues#INVALID} after reporting when present
     * but unreadable or after the context's {@link ReadContext#future() limit} (a wrong updated_at would decide
     * which version of a row wins, so it is not ignored).
     */
    static long optionalTimestamp(SourceRecord r, ReadContext context, int slot) {
        long typed = typedTimestamp(r, slot);
        String text = typed == NOT_TYPED ? r.get(slot) : null;
        if (typed == NOT_TYPED && text == null) {
            return NONE;
        }
        long millis = typed == NOT_TYPED ? ZendeskValues.epochMillis(text) : typed;
        if (millis == ZendeskValues.INVALID) {
            context.rowRejected(r.number(), r.path(slot), "not an ISO 8601 timestamp or Unix seconds");
            return millis;
        }
        return notInFuture(r, context, slot, millis);
    }

    private static long notInFuture(SourceRecord r, ReadContext context, int slot, long millis) {
        FutureLimit future = context.future();
        if (future.refusesEpochMillis(millis)) {
            context.rowRejected(r.number(), r.path(slot), future.messageForEpochMillis(millis));
            return ZendeskValues.INVALID;
        }
        return millis;
    }

    private static final long NOT_TYPED = Long.MIN_VALUE + 2;
    /** Unix seconds with more than 12 digits are refused as text ({@link ZendeskValues#epochMillis}); so here. */
    private static final long MAX_UNIX_SECONDS = 999_999_999_999L;

    /**
     * A typed timestamp slot's epoch milliseconds, an integer's as Unix seconds (what its text would mean), or
     * {@link ZendeskValues#INVALID} for an integer that its text would not be read as; {@link #NOT_TYPED} for text.
     */
    private static long typedTimestamp(SourceRecord r, int slot) {
        if (r.isEpochMillis(slot)) {
            return r.typed(slot);
        }
        if (r.isInteger(slot)) {
            long seconds = r.typed(slot);
            return seconds < 0 || seconds > MAX_UNIX_SECONDS ? ZendeskValues.INVALID : seconds * 1000L;
        }
        return NOT_TYPED;
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
