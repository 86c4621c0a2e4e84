package org.measures311.facts;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Locale;

/**
 * The current state of Zendesk tickets, one slot per ticket id, as parallel primitive arrays (a million tickets
 * are a few dozen megabytes, not a million objects). Each slot holds the ticket's latest record: the latest
 * {@code updated_at} wins, a tie goes to the later-landed drop (or the later row of one drop), and a record
 * without {@code updated_at} loses to any record with one.
 */
public final class TicketFacts {
    /** {@code updatedAtMillis} of a record without updated_at. */
    public static final long NO_TIMESTAMP = Long.MIN_VALUE;
    public static final byte RATING_NONE = -1;
    public static final byte RATING_BAD = 0;
    public static final byte RATING_GOOD = 1;

    private final int count;
    private final long[] ticketId;
    private final long[] createdAtMillis;
    private final long[] updatedAtMillis;
    private final byte[] channel;
    private final int[] category;
    private final byte[] rating;
    private final int[] drop;
    private final TextDictionary categories;
    private final LongIntHashMap slotOfId;

    private TicketFacts(Builder b) {
        this.count = b.count;
        this.ticketId = Arrays.copyOf(b.ticketId, b.count);
        this.createdAtMillis = Arrays.copyOf(b.createdAtMillis, b.count);
        this.updatedAtMillis = Arrays.copyOf(b.updatedAtMillis, b.count);
        this.channel = Arrays.copyOf(b.channel, b.count);
        this.category = Arrays.copyOf(b.category, b.count);
        this.rating = Arrays.copyOf(b.rating, b.count);
        this.drop = Arrays.copyOf(b.drop, b.count);
        this.categories = b.categories;
        this.slotOfId = b.slotOfId;
    }

    public int count() {
        return count;
    }

    public long ticketId(int slot) {
        return ticketId[slot];
    }

    public long createdAtMillis(int slot) {
        return createdAtMillis[slot];
    }

    public long updatedAtMillis(int slot) {
        return updatedAtMillis[slot];
    }

    /** The {@link Channel} ordinal of the ticket's latest contact type. */
    public int channel(int slot) {
        return channel[slot];
    }

    /** The dictionary code of the ticket's latest category, or {@link TextDictionary#ABSENT}. */
    public int category(int slot) {
        return category[slot];
    }

    public TextDictionary categories() {
        return categories;
    }

    /** {@link #RATING_GOOD}, {@link #RATING_BAD} or {@link #RATING_NONE}. */
    public byte rating(int slot) {
        return rating[slot];
    }

    /** Index (in {@link FactsSnapshot#drops()}) of the drop the current record came from. */
    public int drop(int slot) {
        return drop[slot];
    }

    /** The slot of a ticket id, or -1 when that ticket never landed. */
    public int slotOf(long id) {
        return slotOfId.get(id);
    }

    /** Satisfaction as Zendesk writes it: good and bad are ratings; offered, unoffered or anything else is none. */
    static byte rating(String satisfaction) {
        if (satisfaction == null) {
            return RATING_NONE;
        }
        return switch (satisfaction.trim().toLowerCase(Locale.ROOT)) {
            case "good" -> RATING_GOOD;
            case "bad" -> RATING_BAD;
            default -> RATING_NONE;
        };
    }

    /** Whether a record updated at {@code candidate} replaces one updated at {@code current}, when it landed later. */
    static boolean laterRecordWins(long candidate, long current) {
        // NO_TIMESTAMP is the smallest long: a missing updated_at loses to any real one, and two missing ones
        // (or two equal ones) tie, which the later-landed record wins.
        return candidate >= current;
    }

    static final class Builder {
        private int count;
        private long[] ticketId;
        private long[] createdAtMillis;
        private long[] updatedAtMillis;
        private byte[] channel;
        private int[] category;
        private byte[] rating;
        private int[] drop;
        private final TextDictionary categories = new TextDictionary();
        private final LongIntHashMap slotOfId;
        /** Contact types are a handful of spellings: normalise each once, not once per ticket. */
        private static final int MAX_REMEMBERED_CONTACT_TYPES = 256;
        private final Map<String, Byte> channelOfContactType = new HashMap<>();

        /** @param expectedTickets how many distinct tickets to make room for (more are still taken) */
        Builder(int expectedTickets) {
            int n = Math.max(1024, expectedTickets);
            ticketId = new long[n];
            createdAtMillis = new long[n];
            updatedAtMillis = new long[n];
            channel = new byte[n];
            category = new int[n];
            rating = new byte[n];
            drop = new int[n];
            slotOfId = new LongIntHashMap(n);
        }

        /** Offers one record; records must be offered in landing order (drops, then rows within a drop). */
        void offer(long id, long createdAt, long updatedAt, String contactType, String categoryText,
                   String satisfaction, int dropIndex) {
            int slot = slotOfId.get(id);
            if (slot == LongIntHashMap.MISSING) {
                slot = count++;
                ensureCapacity(count);
                slotOfId.put(id, slot);
            } else if (!laterRecordWins(updatedAt, updatedAtMillis[slot])) {
                return;
            }
            ticketId[slot] = id;
            createdAtMillis[slot] = createdAt;
            updatedAtMillis[slot] = updatedAt;
            channel[slot] = channelOf(contactType);
            String trimmed = categoryText == null ? null : categoryText.strip();
            category[slot] = categories.encode(trimmed == null || trimmed.isEmpty() ? null : trimmed);
            rating[slot] = rating(satisfaction);
            drop[slot] = dropIndex;
        }

        int slotOf(long id) {
            return slotOfId.get(id);
        }

        private byte channelOf(String contactType) {
            if (contactType == null) {
                return (byte) Channel.OTHER.ordinal();
            }
            Byte known = channelOfContactType.get(contactType);
            if (known == null) {
                known = (byte) Channel.fromContactType(contactType).ordinal();
                if (channelOfContactType.size() < MAX_REMEMBERED_CONTACT_TYPES) {
                    channelOfContactType.put(contactType, known);
                }
            }
            return known;
        }

        private void ensureCapacity(int needed) {
            if (needed <= ticketId.length) {
                return;
            }
            int n = ticketId.length * 2;
            ticketId = Arrays.copyOf(ticketId, n);
            createdAtMillis = Arrays.copyOf(createdAtMillis, n);
            updatedAtMillis = Arrays.copyOf(updatedAtMillis, n);
            channel = Arrays.copyOf(channel, n);
            category = Arrays.copyOf(category, n);
            rating = Arrays.copyOf(rating, n);
            drop = Arrays.copyOf(drop, n);
        }

        TicketFacts build() {
            return new TicketFacts(this);
        }
    }
}
