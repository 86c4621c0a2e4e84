package org.measures311.facts;

import java.io.IOException;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.measures311.facts.FactTable.TicketEvents;

/**
 * Compacts the ticket events of every drop (millions of rows a year) into {@link TicketEventFacts}, columnar and
 * on several threads. The calling thread reads the curated batches in landing order and copies each column out
 * of Arrow in bulk ({@link EventBatch}); every worker sees every batch, in order, and keeps the events whose id
 * falls in its share: deduplication by id needs only the records of that id, so shares never coordinate. Each
 * worker resolves ticket and author ids to slots (those tables are complete and read-only by now) and keeps the
 * later-landed record of each id. {@link TicketEventFacts#merge} then restores the order one thread would give,
 * so the snapshot does not depend on the number of threads.
 */
final class EventCompaction {
    /** Low bits of the id kept together in one share, like the runs of {@link LongIntHashMap}. */
    private static final int RUN_BITS = 6;
    /** Batches in flight per worker: enough to ride out uneven batches, few enough to bound memory. */
    private static final int QUEUE_BATCHES = 4;
    private static final EventBatch END = new EventBatch(0, 0, 0, new long[0], new long[0], new long[0], new long[0],
            null, new boolean[0], new int[0][]);

    /** Reads the batches of the event drops in landing order. */
    @FunctionalInterface
    interface BatchSource {
        void readAll(BatchSink sink) throws IOException;
    }

    @FunctionalInterface
    interface IntUnaryLong {
        int apply(long value);
    }

    @FunctionalInterface
    interface BatchSink {
        void accept(VectorSchemaRoot batch, int dropNumber) throws IOException;
    }

    private final TicketFacts.Builder tickets;
    private final UserFacts.Builder users;
    private final int shares;

    /**
     * @param shares how many threads deduplicate (1: everything on the calling thread)
     */
    EventCompaction(TicketFacts.Builder tickets, UserFacts.Builder users, int shares) {
        if (shares < 1) {
            throw new IllegalArgumentException("shares must be at least 1");
        }
        this.tickets = tickets;
        this.users = users;
        this.shares = shares;
    }

    /** @param expectedRows an upper bound of the event rows (sizes the tables up front), or 0 when unknown */
    TicketEventFacts compact(BatchSource source, long expectedRows) throws IOException {
        int perShare = (int) Math.min(Integer.MAX_VALUE - 8, expectedRows / shares + expectedRows / 64 + 1024);
        List<TicketEventFacts.Share> facts = new ArrayList<>();
        for (int k = 0; k < shares; k++) {
            facts.add(new TicketEventFacts.Share(perShare));
        }
        int[] sequence = {0};
        if (shares == 1) {
            source.readAll((batch, drop) -> apply(EventBatch.copyOf(batch, drop, next(sequence, batch), this::shareOf, 1),
                    0, facts.get(0)));
            return TicketEventFacts.merge(facts);
        }
        List<Worker> workers = new ArrayList<>();
        for (int k = 0; k < shares; k++) {
            Worker w = new Worker(k, facts.get(k));
            workers.add(w);
            w.thread.start();
        }
        IOException readFailure = null;
        try {
            source.readAll((batch, drop) -> {
                EventBatch copied = EventBatch.copyOf(batch, drop, next(sequence, batch), this::shareOf, shares);
                for (Worker w : workers) {
                    w.put(copied);
                }
            });
        } catch (IOException e) {
            readFailure = e;
        } finally {
            for (Worker w : workers) {
                w.put(END);
            }
            for (Worker w : workers) {
                w.join();
            }
        }
        if (readFailure != null) {
            throw readFailure;
        }
        for (Worker w : workers) {
            if (w.failure != null) {
                throw new IllegalStateException("event compaction failed: " + w.failure, w.failure);
            }
        }
        return TicketEventFacts.merge(facts);
    }

    private static int next(int[] sequence, VectorSchemaRoot batch) {
        int first = sequence[0];
        sequence[0] = Math.addExact(first, batch.getRowCount());
        return first;
    }

    /*
     * Events come grouped by ticket, and a ticket's events by few authors (the requester and an agent or two), so
     * the last ticket's and the last two authors' slots are kept: most rows skip a random probe into the ticket
     * and user tables (those probes and the event-id map's were 40% of a scale-1 recompute).
     */
    private void apply(EventBatch b, int share, TicketEventFacts.Share facts) {
        int[] rows = b.rowsOfShare[share];
        long lastTicket = 0;
        int lastTicketSlot = 0;
        boolean ticketKnown = false;
        long[] recentAuthor = new long[2];
        int[] recentAuthorSlot = new int[2];
        boolean[] authorKnown = new boolean[2];
        for (int i = 0; i < rows.length; i++) {
            int r = rows[i];
            long id = b.eventId[r];
            int author;
            if (b.authorMissing != null && b.authorMissing[r]) {
                author = TicketEventFacts.UNKNOWN_AUTHOR;
            } else {
                long authorId = b.authorId[r];
                if (authorKnown[0] && recentAuthor[0] == authorId) {
                    author = recentAuthorSlot[0];
                } else if (authorKnown[1] && recentAuthor[1] == authorId) {
                    author = recentAuthorSlot[1];
                } else {
                    author = users.slotOf(authorId);
                    recentAuthor[1] = recentAuthor[0];
                    recentAuthorSlot[1] = recentAuthorSlot[0];
                    authorKnown[1] = authorKnown[0];
                    recentAuthor[0] = authorId;
                    recentAuthorSlot[0] = author;
                    authorKnown[0] = true;
                }
            }
            long ticketId = b.ticketId[r];
            if (!ticketKnown || ticketId != lastTicket) {
                lastTicket = ticketId;
                lastTicketSlot = tickets.slotOf(ticketId);
                ticketKnown = true;
            }
            facts.offer(id, b.firstSequence + r, lastTicketSlot, b.createdAt[r], author, b.isPublic[r], b.drop);
        }
    }

    /** A hash other than the map's, so that one share still spreads over its whole table. */
    private int shareOf(long id) {
        long h = (id >>> RUN_BITS) * 0xC2B2AE3D27D4EB4FL;
        return (int) (((h >>> 32) * shares) >>> 32);
    }

    private final class Worker implements Runnable {
        private final int share;
        private final TicketEventFacts.Share facts;
        private final BlockingQueue<EventBatch> queue = new ArrayBlockingQueue<>(QUEUE_BATCHES);
        private final Thread thread;
        private volatile Throwable failure;

        Worker(int share, TicketEventFacts.Share facts) {
            this.share = share;
            this.facts = facts;
            this.thread = new Thread(this, "measures311-events-" + share);
            this.thread.setDaemon(true);
        }

        @Override
        public void run() {
            try {
                while (true) {
                    EventBatch b = queue.take();
                    if (b == END) {
                        return;
                    }
                    // After a failure keep taking batches, so the reader never blocks on a full queue.
                    if (failure == null) {
                        try {
                            apply(b, share, facts);
                        } catch (RuntimeException | Error e) {
                            failure = e;
                        }
                    }
                }
            } catch (InterruptedException e) {
                failure = e;
            }
        }

        void put(EventBatch b) {
            try {
                queue.put(b);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while compacting events", e);
            }
        }

        void join() {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while compacting events", e);
            }
        }
    }

    /** One curated batch of events, its columns copied out of Arrow's buffers in bulk into plain arrays. */
    record EventBatch(int rows, int drop, int firstSequence, long[] eventId, long[] ticketId, long[] createdAt,
                      long[] authorId, boolean[] authorMissing, boolean[] isPublic, int[][] rowsOfShare) {

        /** The batch's columns, and for each share the rows whose event id falls in it (split by the reader). */
        static EventBatch copyOf(VectorSchemaRoot batch, int drop, int firstSequence, IntUnaryLong shareOf, int shares) {
            int n = batch.getRowCount();
            BaseFixedWidthVector author = (BaseFixedWidthVector) batch.getVector(TicketEvents.AUTHOR_ID);
            long[] eventId = required(batch, TicketEvents.EVENT_ID, n);
            return new EventBatch(n, drop, firstSequence, eventId,
                    required(batch, TicketEvents.TICKET_ID, n),
                    required(batch, TicketEvents.CREATED_AT, n),
                    longs(author, n),
                    author.getNullCount() == 0 ? null : bits(author.getValidityBuffer(), n, true),
                    flags((BitVector) batch.getVector(TicketEvents.IS_PUBLIC), n),
                    split(eventId, shareOf, shares));
        }

        private static int[][] split(long[] eventId, IntUnaryLong shareOf, int shares) {
            int n = eventId.length;
            if (shares == 1) {
                int[] all = new int[n];
                for (int r = 0; r < n; r++) {
                    all[r] = r;
                }
                return new int[][] {all};
            }
            byte[] share = new byte[n];
            int[] counts = new int[shares];
            for (int r = 0; r < n; r++) {
                int k = shareOf.apply(eventId[r]);
                share[r] = (byte) k;
                counts[k]++;
            }
            int[][] rows = new int[shares][];
            for (int k = 0; k < shares; k++) {
                rows[k] = new int[counts[k]];
            }
            int[] filled = new int[shares];
            for (int r = 0; r < n; r++) {
                int k = share[r];
                rows[k][filled[k]++] = r;
            }
            return rows;
        }

        private static long[] required(VectorSchemaRoot batch, int column, int n) {
            BaseFixedWidthVector v = (BaseFixedWidthVector) batch.getVector(column);
            if (v.getNullCount() > 0) {
                throw new IllegalStateException("curated ticket events hold a null " + v.getName());
            }
            return longs(v, n);
        }

        private static long[] longs(BaseFixedWidthVector v, int n) {
            long[] out = new long[n];
            if (n > 0) {
                // Arrow buffers are little-endian; a bulk copy, not one bounds-checked get per cell.
                v.getDataBuffer().nioBuffer(0, n * Long.BYTES).order(ByteOrder.LITTLE_ENDIAN).asLongBuffer().get(out);
            }
            return out;
        }

        private static boolean[] flags(BitVector v, int n) {
            if (v.getNullCount() > 0) {
                throw new IllegalStateException("curated ticket events hold a null " + v.getName());
            }
            return bits(v.getDataBuffer(), n, false);
        }

        /** The bits of a validity or boolean buffer, inverted when {@code unset} (true where a bit is 0). */
        private static boolean[] bits(ArrowBuf buffer, int n, boolean unset) {
            byte[] bytes = new byte[(n + 7) / 8];
            buffer.getBytes(0, bytes);
            boolean[] out = new boolean[n];
            for (int r = 0; r < n; r++) {
                boolean set = ((bytes[r >>> 3] >>> (r & 7)) & 1) != 0;
                out[r] = set != unset;
            }
            return out;
        }
    }
}
