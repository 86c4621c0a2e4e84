package org.measures311.measures;

import java.util.ArrayList;
import java.util.BitSet;
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

    private final BitSet[] bits;
    private final int days;
    private int lastIndex = -1;
    private int lastDrop = -1;

    Lineage(int days) {
        this.days = days;
        this.bits = new BitSet[BUCKETS * days];
    }

    void add(int bucket, int day, int drop) {
        int i = bucket * days + day;
        // Consecutive events mostly share drop, day and channel: skip the bit set lookup for repeats.
        if (i == lastIndex && drop == lastDrop) {
            return;
        }
        lastIndex = i;
        lastDrop = drop;
        BitSet b = bits[i];
        if (b == null) {
            b = new BitSet();
            bits[i] = b;
        }
        b.set(drop);
    }

    BitSet union(int firstDay, int lastDay, int... buckets) {
        BitSet out = new BitSet();
        for (int bucket : buckets) {
            for (int d = firstDay; d <= lastDay; d++) {
                BitSet b = bits[bucket * days + d];
                if (b != null) {
                    out.or(b);
                }
            }
        }
        return out;
    }

    /** Sorted, distinct drop ids of a set of drop numbers. */
    static List<String> dropIds(BitSet drops, FactsSnapshot facts) {
        List<String> ids = new ArrayList<>(drops.cardinality());
        for (int d = drops.nextSetBit(0); d >= 0; d = drops.nextSetBit(d + 1)) {
            ids.add(facts.dropId(d));
        }
        ids.sort(null);
        return ids;
    }
}
