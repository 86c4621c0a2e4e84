package org.measures311.facts;

import java.util.Arrays;

/**
 * An open-addressing map from long ids to int slots, without boxing: compaction looks up millions of Zendesk
 * ids (events, tickets, users) and a {@code HashMap<Long, Integer>} would allocate two objects per entry.
 */
final class LongIntHashMap {
    static final int MISSING = -1;
    private static final long EMPTY = Long.MIN_VALUE;

    private long[] keys;
    private int[] values;
    private int size;
    private int mask;
    /** Long.MIN_VALUE marks empty cells, so that one key is stored aside. */
    private int minValueSlot = MISSING;

    LongIntHashMap(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, (int) Math.min(1 << 30, expected * 2L)) - 1) << 1;
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
        int i = mix(key) & mask;
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

    void put(long key, int value) {
        if (key == EMPTY) {
            minValueSlot = value;
            return;
        }
        int i = mix(key) & mask;
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

    private static int mix(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }
}
