package org.measures311.ingest.zendesk;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.measures311.facts.FactBatchWriter;
import org.measures311.ingest.DropContent;
import org.measures311.ingest.MalformedDropException;
import org.measures311.ingest.ReadContext;

/**
 * Reads the row groups of a Parquet drop on several threads, with exactly the rows, order, counts, errors and
 * record numbers of a single-threaded read. Row groups are independent by construction (each has its own
 * column chunks and dictionaries), and the footer gives every group's row count, so each group's first record
 * number is known before any is read. Each group is read through its own file handle into its own
 * {@link FactBatchWriter#newPart() part} and {@link ReadContext#newPart() context}; the parts are appended in
 * file order. At most {@code threads + 1} groups are in memory at once.
 */
final class ParallelRowGroups {
    private final int threads;
    private final java.util.concurrent.atomic.AtomicLong groupsAppended = new java.util.concurrent.atomic.AtomicLong();

    ParallelRowGroups(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1");
        }
        this.threads = threads;
    }

    /** Row groups read on a pool thread and appended (for tests: a file read sequentially appends none). */
    long groupsAppended() {
        return groupsAppended.get();
    }

    /**
     * Reads the whole drop: on the calling thread when the file has one row group or one thread is configured,
     * else group by group on a pool.
     */
    void read(DropContent content, ReadContext context, FieldSpec spec, List<List<String>> required,
            FactBatchWriter out, RecordSources.HandlerFactory handlers) throws IOException, MalformedDropException {
        try (ParquetRecordSource file = ParquetRecordSource.open(content.localFile(), context, spec, required)) {
            if (threads < 2 || file.rowGroups() < 2) {
                RecordSources.drain(file, context, handlers.create(context, out));
                return;
            }
            readGroups(file, context, out, handlers);
        }
    }

    private void readGroups(ParquetRecordSource file, ReadContext context, FactBatchWriter out,
            RecordSources.HandlerFactory handlers) throws IOException, MalformedDropException {
        ExecutorService pool = ParallelRecords.parsePool(threads);
        Deque<Future<ParsedPart>> inFlight = new ArrayDeque<>();
        try {
            int next = 0;
            long recordsBefore = 0;
            while (true) {
                while (inFlight.size() < threads + 1 && next < file.rowGroups()) {
                    int index = next++;
                    long first = recordsBefore;
                    recordsBefore += file.rowsInGroup(index);
                    inFlight.add(pool.submit(() -> readGroup(file, index, first, context, out, handlers)));
                }
                Future<ParsedPart> head = inFlight.poll();
                if (head == null) {
                    return;
                }
                ParsedPart group = ParallelRecords.await(head);
                group.appendTo(context, out);
                groupsAppended.incrementAndGet();
                group.throwIfMalformed();
            }
        } finally {
            release(inFlight);
            pool.shutdownNow();
        }
    }

    /** Runs on a pool thread: reads one row group into a part. */
    private static ParsedPart readGroup(ParquetRecordSource file, int index, long recordsBefore, ReadContext context,
            FactBatchWriter out, RecordSources.HandlerFactory handlers) throws IOException {
        ReadContext partContext = context.newPart();
        FactBatchWriter partOut = out.newPart();
        boolean handedOver = false;
        try {
            MalformedDropException malformed = null;
            try (ParquetRecordSource group = file.rowGroup(index, recordsBefore, partContext)) {
                RecordSources.drain(group, partContext, handlers.create(partContext, partOut));
            } catch (MalformedDropException e) {
                malformed = e;
            }
            handedOver = true;
            return new ParsedPart(partContext, partOut, malformed);
        } finally {
            if (!handedOver) {
                partOut.close();
            }
        }
    }

    /** Waits for the groups still in flight and frees what they read (after a failure). */
    private static void release(Deque<Future<ParsedPart>> inFlight) {
        Future<ParsedPart> f;
        while ((f = inFlight.poll()) != null) {
            try {
                f.get().out().close();
            } catch (Exception e) {
                // The first failure is already on its way up; this group's memory is freed by its own finally.
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
