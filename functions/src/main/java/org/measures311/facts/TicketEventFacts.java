package org.measures311.facts;

import java.util.Arrays;
import java.util.List;

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

    /**
     * The events of one share of the event ids ({@link EventCompaction} splits ids among threads): every record
     * of an id goes to the same share, so each share deduplicates on its own. Each event remembers the sequence
     * number (position in landing order) of its first record, so {@link #merge} can restore the order a single
     * pass would have produced.
     */
    static final class Share {
        private int count;
        private int[] firstSequence;
        private int[] ticketSlot;
        private long[] createdAtMillis;
        private int[] authorSlot;
        private boolean[] isPublic;
        private int[] drop;
        private final LongIntHashMap slotOfEventId;

        Share(int expectedEvents) {
            int capacity = Math.max(1024, expectedEvents);
            firstSequence = new int[capacity];
            ticketSlot = new int[capacity];
            createdAtMillis = new long[capacity];
            authorSlot = new int[capacity];
            isPublic = new boolean[capacity];
            drop = new int[capacity];
            slotOfEventId = new LongIntHashMap(capacity);
        }

        /**
         * Offers one event in landing order; a repeated event id replaces the earlier record but keeps its place.
         * The ticket slot may be -1 (ticket never landed): the record still replaces, and is dropped at merge.
         */
        void offer(long eventId, int sequence, int ticket, long createdAt, int author, boolean publicEvent, int dropIndex) {
            int slot = slotOfEventId.getOrPut(eventId, count);
            if (slot == LongIntHashMap.MISSING) {
                slot = count++;
                if (count > ticketSlot.length) {
                    grow();
                }
                firstSequence[slot] = sequence;
            }
            ticketSlot[slot] = ticket;
            createdAtMillis[slot] = createdAt;
            authorSlot[slot] = author;
            isPublic[slot] = publicEvent;
            drop[slot] = dropIndex;
        }

        private void grow() {
            int n = ticketSlot.length * 2;
            firstSequence = Arrays.copyOf(firstSequence, n);
            ticketSlot = Arrays.copyOf(ticketSlot, n);
            createdAtMillis = Arrays.copyOf(createdAtMillis, n);
            authorSlot = Arrays.copyOf(authorSlot, n);
            isPublic = Arrays.copyOf(isPublic, n);
            drop = Arrays.copyOf(drop, n);
        }

        private int kept() {
            int kept = 0;
            for (int i = 0; i < count; i++) {
                if (ticketSlot[i] >= 0) {
                    kept++;
                }
            }
            return kept;
        }
    }

    /**
     * The events of all shares in order of first appearance (each share is in that order already: a k-way merge
     * on the first sequence numbers), without those whose ticket never landed.
     */
    static TicketEventFacts merge(List<Share> shares) {
        int total = 0;
        for (Share s : shares) {
            total += s.kept();
        }
        int[] ticketSlot = new int[total];
        long[] createdAtMillis = new long[total];
        int[] authorSlot = new int[total];
        boolean[] isPublic = new boolean[total];
        int[] drop = new int[total];
        int[] next = new int[shares.size()];
        int out = 0;
        while (true) {
            // The share whose next event appeared first, and the point where another share's next one comes in:
            // everything of that share before it is copied in one run.
            int from = -1;
            int lowest = Integer.MAX_VALUE;
            int secondLowest = Integer.MAX_VALUE;
            for (int k = 0; k < next.length; k++) {
                Share s = shares.get(k);
                if (next[k] < s.count) {
                    int head = s.firstSequence[next[k]];
                    if (head < lowest) {
                        secondLowest = lowest;
                        lowest = head;
                        from = k;
                    } else if (head < secondLowest) {
                        secondLowest = head;
                    }
                }
            }
            if (from < 0) {
                break;
            }
            Share s = shares.get(from);
            int i = next[from];
            for (; i < s.count && s.firstSequence[i] < secondLowest; i++) {
                if (s.ticketSlot[i] >= 0) {
                    ticketSlot[out] = s.ticketSlot[i];
                    createdAtMillis[out] = s.createdAtMillis[i];
                    authorSlot[out] = s.authorSlot[i];
                    isPublic[out] = s.isPublic[i];
                    drop[out] = s.drop[i];
                    out++;
                }
            }
            next[from] = i;
        }
        return new TicketEventFacts(total, ticketSlot, createdAtMillis, authorSlot, isPublic, drop);
    }
}
