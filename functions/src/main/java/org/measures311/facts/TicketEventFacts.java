package org.measures311.facts;

import java.util.Arrays;

/**
 * The current state of Zendesk ticket events, deduplicated by event id (the later-landed record wins), as
 * parallel primitive arrays. Ticket and author ids are resolved to slots of {@link TicketFacts} and
 * {@link UserFacts} once, here, so the measure pass over millions of events does no hashing. Events whose
 * ticket never landed are dropped: they cannot count anywhere.
 */
public final class TicketEventFacts {
    /** {@link #authorSlot(int)} of an event whose author has no user record (or no author at all). */
    public static final int UNKNOWN_AUTHOR = -1;

    private final int count;
    private final int[] ticketSlot;
    private final long[] createdAtMillis;
    private final int[] authorSlot;
    private final boolean[] isPublic;
    private final int[] drop;

    private TicketEventFacts(int count, int[] ticketSlot, long[] createdAtMillis, int[] authorSlot,
                             boolean[] isPublic, int[] drop) {
        this.count = count;
        this.ticketSlot = ticketSlot;
        this.createdAtMillis = createdAtMillis;
        this.authorSlot = authorSlot;
        this.isPublic = isPublic;
        this.drop = drop;
    }

    public int count() {
        return count;
    }

    public int ticketSlot(int event) {
        return ticketSlot[event];
    }

    public long createdAtMillis(int event) {
        return createdAtMillis[event];
    }

    public int authorSlot(int event) {
        return authorSlot[event];
    }

    public boolean isPublic(int event) {
        return isPublic[event];
    }

    public int drop(int event) {
        return drop[event];
    }

    static final class Builder {
        private int count;
        private int[] ticketSlot = new int[4096];
        private long[] createdAtMillis = new long[4096];
        private int[] authorSlot = new int[4096];
        private boolean[] isPublic = new boolean[4096];
        private int[] drop = new int[4096];
        private final LongIntHashMap slotOfEventId = new LongIntHashMap(4096);

        /**
         * Offers one event in landing order; a repeated event id replaces the earlier record. The ticket slot
         * may be -1 (ticket never landed): the record still replaces, and is dropped at {@link #build()}.
         */
        void offer(long eventId, int ticket, long createdAt, int author, boolean publicEvent, int dropIndex) {
            int slot = slotOfEventId.get(eventId);
            if (slot == LongIntHashMap.MISSING) {
                slot = count++;
                if (count > ticketSlot.length) {
                    int n = ticketSlot.length * 2;
                    ticketSlot = Arrays.copyOf(ticketSlot, n);
                    createdAtMillis = Arrays.copyOf(createdAtMillis, n);
                    authorSlot = Arrays.copyOf(authorSlot, n);
                    isPublic = Arrays.copyOf(isPublic, n);
                    drop = Arrays.copyOf(drop, n);
                }
                slotOfEventId.put(eventId, slot);
            }
            ticketSlot[slot] = ticket;
            createdAtMillis[slot] = createdAt;
            authorSlot[slot] = author;
            isPublic[slot] = publicEvent;
            drop[slot] = dropIndex;
        }

        TicketEventFacts build() {
            int kept = 0;
            for (int i = 0; i < count; i++) {
                if (ticketSlot[i] >= 0) {
                    ticketSlot[kept] = ticketSlot[i];
                    createdAtMillis[kept] = createdAtMillis[i];
                    authorSlot[kept] = authorSlot[i];
                    isPublic[kept] = isPublic[i];
                    drop[kept] = drop[i];
                    kept++;
                }
            }
            return new TicketEventFacts(kept, Arrays.copyOf(ticketSlot, kept), Arrays.copyOf(createdAtMillis, kept),
                    Arrays.copyOf(authorSlot, kept), Arrays.copyOf(isPublic, kept), Arrays.copyOf(drop, kept));
        }
    }
}
