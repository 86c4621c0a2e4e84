package org.measures311.measures;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import org.measures311.facts.FactsSnapshot;

/**
 * Which drops put something into each day of each source bucket (phone, or a ticket channel), as bit sets of
 * drop numbers. A measure row names the union over its period's days and the buckets it reads, plus the
 * reference drops (skill list, targets) that decided it.
 */
final class Lineage {
    static final int PHONE = 0;
    /** Ticket buckets start here: bucket = TICKETS + channel ordinal. */
    static final int TICKETS = 1;
    static final int BUCKETS = TICKETS + org.measures311.facts.Channel.values().length;

    /*
     * Drops ranked below 64 (all of them for most deployments' recompute windows) are one long per bucket-day:
     * an add is one read and write of a plain array, where a BitSet per bucket-day cost two dependent loads and
     * its bounds upkeep, 12% of a scale-1 recompute. Ranks from 64 on go to a BitSet, made when first needed.
     */
    private final long[] firstWord;
    private final BitSet[] bits;
    private final int days;
    /** Bits are set at a drop's rank in dropId order, so a row's ids come out sorted without sorting strings. */
    private final int[] rankOfDrop;
    private final String[] idOfRank;
    private int lastIndex = -1;
    private int lastDrop = -1;
    private int lastPairIndex = -1;
    private int lastPairDrop = -1;
    private int lastPairOther = -1;

    Lineage(int days, FactsSnapshot facts) {
        this(days, facts.drops().stream().map(org.measures311.facts.CuratedDrop::dropId).toList());
    }

    /** @param dropIds the snapshot's drop ids by drop number */
    Lineage(int days, List<String> dropIds) {
        this.days = days;
        this.firstWord = new long[BUCKETS * days];
        this.bits = new BitSet[BUCKETS * days];
        int drops = dropIds.size();
        Integer[] byId = new Integer[drops];
        for (int d = 0; d < drops; d++) {
            byId[d] = d;
        }
        Arrays.sort(byId, Comparator.comparing(dropIds::get));
        rankOfDrop = new int[drops];
        idOfRank = new String[drops];
        for (int rank = 0; rank < drops; rank++) {
            rankOfDrop[byId[rank]] = rank;
            idOfRank[rank] = dropIds.get(byId[rank]);
        }
    }

    void add(int bucket, int day, int drop) {
        int i = bucket * days + day;
        // Consecutive events mostly share drop, day and channel: skip the bit set lookup for repeats.
        if (i == lastIndex && drop == lastDrop) {
            return;
        }
        lastIndex = i;
        lastDrop = drop;
        set(i, rankOfDrop[drop]);
    }

    private void set(int i, int rank) {
        if (rank < Long.SIZE) {
            firstWord[i] |= 1L << rank;
            return;
        }
        BitSet b = bits[i];
        if (b == null) {
            b = new BitSet();
            bits[i] = b;
        }
        b.set(rank);
    }

    /**
     * Adds two drops to one day of one bucket (a handled ticket's event drop and its author's user drop). The
     * pair repeats for long runs of events, so repeats are skipped as a pair, not dropped one by one.
     */
    void add(int bucket, int day, int drop, int otherDrop) {
        int i = bucket * days + day;
        if (i == lastPairIndex && drop == lastPairDrop && otherDrop == lastPairOther) {
            return;
        }
        lastPairIndex = i;
        lastPairDrop = drop;
        lastPairOther = otherDrop;
        set(i, rankOfDrop[drop]);
        set(i, rankOfDrop[otherDrop]);
    }

    /** Adds a single drop (a reference drop such as the skill list) to a set built by {@link #union}. */
    void addTo(BitSet set, int drop) {
        set.set(rankOfDrop[drop]);
    }

    BitSet union(int firstDay, int lastDay, int... buckets) {
        BitSet out = new BitSet();
        long first = 0;
        for (int bucket : buckets) {
            for (int d = firstDay; d <= lastDay; d++) {
                int i = bucket * days + d;
                first |= firstWord[i];
                BitSet b = bits[i];
                if (b != null) {
                    out.or(b);
                }
            }
        }
        out.or(BitSet.valueOf(new long[] {first}));
        return out;
    }

    /** Sorted, distinct drop ids of a set built by {@link #union} and {@link #addTo}. */
    List<String> dropIds(BitSet set) {
        List<String> ids = new ArrayList<>(set.cardinality());
        for (int r = set.nextSetBit(0); r >= 0; r = set.nextSetBit(r + 1)) {
            ids.add(idOfRank[r]);
        }
        return ids;
    }
}
