package org.measures311.facts;

import java.util.Arrays;

/**
 * The current state of Zendesk users: per user id, whether their latest record (latest {@code updated_at},
 * ties to the later-landed drop, a missing updated_at losing to any) marks them as a 311 CSR. That status
 * applies to all of their events, past ones too: a later users drop changes history on purpose.
 */
public final class UserFacts {
    private final int count;
    private final long[] userId;
    private final boolean[] csr;
    private final int[] drop;
    private final LongIntHashMap slotOfId;

    private UserFacts(Builder b) {
        this.count = b.count;
        this.userId = Arrays.copyOf(b.userId, b.count);
        this.csr = Arrays.copyOf(b.csr, b.count);
        this.drop = Arrays.copyOf(b.drop, b.count);
        this.slotOfId = b.slotOfId;
    }

    public int count() {
        return count;
    }

    public long userId(int slot) {
        return userId[slot];
    }

    public boolean isCsr(int slot) {
        return csr[slot];
    }

    public int drop(int slot) {
        return drop[slot];
    }

    /** The slot of a user id, or -1 when no record of that user landed. */
    public int slotOf(long id) {
        return slotOfId.get(id);
    }

    static final class Builder {
        private int count;
        private long[] userId;
        private long[] updatedAtMillis;
        private boolean[] csr;
        private int[] drop;
        private final LongIntHashMap slotOfId;

        /** @param expectedUsers how many distinct users to make room for (more are still taken) */
        Builder(int expectedUsers) {
            int n = Math.max(256, expectedUsers);
            userId = new long[n];
            updatedAtMillis = new long[n];
            csr = new boolean[n];
            drop = new int[n];
            slotOfId = new LongIntHashMap(n);
        }

        /** Offers one record; records must be offered in landing order. */
        void offer(long id, long updatedAt, boolean isCsr, int dropIndex) {
            int slot = slotOfId.get(id);
            if (slot == LongIntHashMap.MISSING) {
                slot = count++;
                if (count > userId.length) {
                    int n = userId.length * 2;
                    userId = Arrays.copyOf(userId, n);
                    updatedAtMillis = Arrays.copyOf(updatedAtMillis, n);
                    csr = Arrays.copyOf(csr, n);
                    drop = Arrays.copyOf(drop, n);
                }
                slotOfId.put(id, slot);
            } else if (!TicketFacts.laterRecordWins(updatedAt, updatedAtMillis[slot])) {
                return;
            }
            userId[slot] = id;
            updatedAtMillis[slot] = updatedAt;
            csr[slot] = isCsr;
            drop[slot] = dropIndex;
        }

        int slotOf(long id) {
            return slotOfId.get(id);
        }

        UserFacts build() {
            return new UserFacts(this);
        }
    }
}
