package org.measures311.facts;

import java.util.Arrays;

/**
 * An open-addressing map from long ids to int slots, without boxing: compaction looks up millions of Zendesk
 * ids (events, tickets, users) and a {@code HashMap<Long, Integer>} would allocate two objects per entry.
 *
 * <p>The cell of a key keeps its low {@link #RUN_BITS} bits and scatters the rest: ids that are close together
 * (Zendesk ids grow over time, and an export lists them mostly in order) land in neighbouring cells, so a pass
 * over millions of them walks memory in runs instead of missing the cache on every key. Keys that share those
 * low bits still spread, since the high bits pick the run.
 */
final class LongIntHashMap {
    static final int MISSING = -1;
    private static final long EMPTY = Long.MIN_VALUE;
    /** Keys equal above their low 6 bits share a run of 64 cells (8 cache lines of keys). */
    private static final int RUN_BITS = 6;
    private static final int MIN_CAPACITY = 1 << RUN_BITS;

    private long[] keys;
    private int[] values;
    private int size;
    private int mask;
    /** Long.MIN_VALUE marks empty cells, so that one key is stored aside. */
    private int minValueSlot = MISSING;

    LongIntHashMap(int expected) {
        int capacity = Integer.highestOneBit(Math.max(MIN_CAPACITY, (int) Math.min(1 << 30, expected * 2L)) - 1) << 1;
        allocate(capacity);
    }

    private void allocate(int capacity) {
        keys = new long[capacity];
        Arrays.fill(keys, EMPTY);
        values = new int[capacity];
        mask = capacity - 1;
    }

    int size() {
        return size + (minValueSlot == MISSING ? 0 : 1);
    }

    int get(long key) {
        if (key == EMPTY) {
            return minValueSlot;
        }
        int i = cell(key);
        while (true) {
            long k = keys[i];
            if (k == key) {
                return values[i];
            }
            if (k == EMPTY) {
                return MISSING;
            }
            i = (i + 1) & mask;
        }
    }

    /**
     * The value of the key, or, when the key is absent, {@link #MISSING} after mapping it to {@code value}: one
     * probe where {@code get} then {@code put} would take two.
     */
    int getOrPut(long key, int value) {
        if (key == EMPTY) {
            int old = minValueSlot;
            if (old == MISSING) {
                minValueSlot = value;
            }
            return old;
        }
        int i = cell(key);
        while (true) {
            long k = keys[i];
            if (k == key) {
                return values[i];
            }
            if (k == EMPTY) {
                keys[i] = key;
                values[i] = value;
                if (++size > (mask + 1) * 3 / 4) {
                    grow();
                }
                return MISSING;
            }
            i = (i + 1) & mask;
        }
    }

    void put(long key, int value) {
        if (key == EMPTY) {
            minValueSlot = value;
            return;
        }
        int i = cell(key);
        while (true) {
            long k = keys[i];
            if (k == key) {
                values[i] = value;
                return;
            }
            if (k == EMPTY) {
                keys[i] = key;
                values[i] = value;
                if (++size > (mask + 1) * 3 / 4) {
                    grow();
                }
                return;
            }
            i = (i + 1) & mask;
        }
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        allocate(oldKeys.length * 2);
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                put(oldKeys[i], oldValues[i]);
            }
        }
    }

    private int cell(long key) {
        return ((mix(key >>> RUN_BITS) << RUN_BITS) | (int) (key & (MIN_CAPACITY - 1))) & mask;
    }

    static int mix(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }
}
