package org.measures311.ingest.zendesk;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.measures311.facts.FactBatchWriter;
import org.measures311.ingest.DropContent;
import org.measures311.ingest.DropFormat;
import org.measures311.ingest.MalformedDropException;
import org.measures311.ingest.ReadContext;

/**
 * Parses a large uncompressed CSV or JSON Lines drop in byte ranges on several threads, with exactly the
 * rows, row order, counts, errors and line numbers of a single-threaded read: ranges are cut at line feeds,
 * each is parsed into its own {@link FactBatchWriter#newPart() part} and {@link ReadContext#newPart() context},
 * and the parts are appended to the drop's stream in file order. Each range's first line and record number
 * comes from the counts of the ranges before it ({@link RangeScan}), which are known long before those ranges
 * finish parsing.
 *
 * <p>A range that cannot be parsed on its own (a quote in CSV, a record over several JSON lines, a line longer
 * than {@link #MAX_LINE_BYTES}) ends the parallel part: the rest of the file, from that range's first line, is
 * read on the calling thread; when it is the first range, the caller reads the whole drop as before. At most
 * {@code threads + 1} ranges are in memory at once, so memory stays constant in file size. Parquet drops are
 * split at their row groups instead ({@link ParallelRowGroups}).
 */
public final class ParallelRecords {
    static final int DEFAULT_RANGE_BYTES = 8 << 20;
    /** How far past its nominal end a range's last line may run before the range counts as unsafe. */
    static final int MAX_LINE_BYTES = 256 << 10;
    private static final AtomicInteger THREAD_NUMBERS = new AtomicInteger();

    private final int rangeBytes;
    private final int threads;
    /** Parquet drops are split at their row groups instead of byte ranges. */
    private final ParallelRowGroups rowGroups;
    /** What this instance has done, for tests and diagnostics: ranges appended, and reads finished on one thread. */
    private final java.util.concurrent.atomic.AtomicLong rangesAppended = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong restsReadInSequence = new java.util.concurrent.atomic.AtomicLong();

    ParallelRecords(int rangeBytes, int threads) {
        if (rangeBytes < 1 || threads < 1) {
            throw new IllegalArgumentException("rangeBytes and threads must be >= 1");
        }
        this.rangeBytes = rangeBytes;
        this.threads = threads;
        this.rowGroups = new ParallelRowGroups(threads);
    }

    /** Ranges of 8 MiB on as many threads as there are processors (at most 4); one processor reads sequentially. */
    public static ParallelRecords standard() {
        return new ParallelRecords(DEFAULT_RANGE_BYTES, Math.min(4, Runtime.getRuntime().availableProcessors()));
    }

    long rangesAppended() {
        return rangesAppended.get();
    }

    long restsReadInSequence() {
        return restsReadInSequence.get();
    }

    long rowGroupsAppended() {
        return rowGroups.groupsAppended();
    }

    /** Line and record numbers before a range. */
    private record Bases(long lines, long records) {
    }

    /** What one range came to. */
    private sealed interface Outcome permits Parsed, Unsafe, Skipped {
    }

    /** Parsed (possibly up to a malformed record, which then ends the drop once the ranges before it are in). */
    private record Parsed(ParsedPart part) implements Outcome {
    }

    /** Not parseable on its own: the rest of the file is read sequentially from {@code start}. */
    private record Unsafe(int index, long start, Bases bases) implements Outcome {
    }

    /** Not parsed, because a range before it was unsafe. */
    private record Skipped() implements Outcome {
    }

    /** The drop's layout: where data rows start, the lines before them, and the CSV header. */
    private record Layout(Path file, long size, long dataStart, long headerLines, String[] csvHeader, boolean json) {
    }

    /**
     * Reads the drop in parallel when it is worth it and possible; false (having read nothing) when the caller
     * should read it sequentially. A Parquet drop is always read here, by row group ({@link ParallelRowGroups}).
     */
    boolean read(DropContent content, ReadContext context, FieldSpec spec, List<List<String>> required,
            FactBatchWriter out, RecordSources.HandlerFactory handlers) throws IOException, MalformedDropException {
        if (context.format() == DropFormat.PARQUET) {
            rowGroups.read(content, context, spec, required, out, handlers);
            return true;
        }
        if (threads < 2 || (context.format() != DropFormat.DELIMITED && context.format() != DropFormat.JSON_LINES)) {
            return false;
        }
        Optional<Path> file = content.uncompressedLocalFile();
        if (file.isEmpty()) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(file.get(), StandardOpenOption.READ)) {
            Layout layout = layout(file.get(), channel, context, spec, required);
            if (layout == null || layout.size() - layout.dataStart() < 2L * rangeBytes) {
                return false;
            }
            return readRanges(layout, channel, context, spec, out, handlers);
        }
    }

    private Layout layout(Path file, FileChannel channel, ReadContext context, FieldSpec spec,
            List<List<String>> required) throws IOException, MalformedDropException {
        long size = channel.size();
        if (context.format() == DropFormat.JSON_LINES) {
            return new Layout(file, size, 0, 0, null, true);
        }
        byte[] head = readRange(channel, 0, (int) Math.min(size, MAX_LINE_BYTES));
        int dataStart = RangeScan.lineStartAfter(head, 0, head.length);
        // The header must be one plain line with a name on it: FastCSV would skip a blank first line, and a
        // quote could carry the header over several lines.
        if (dataStart < 0 || RangeScan.csv(head, 0, dataStart) == null || isBlank(head, dataStart)) {
            return null;
        }
        String[] header;
        try (CsvRecordSource source = CsvRecordSource.open(new ByteArrayInputStream(head, 0, dataStart), context,
                spec, required)) {
            header = source.header();
        }
        return new Layout(file, size, dataStart, 1, header, false);
    }

    private static boolean isBlank(byte[] line, int length) {
        int from = length >= 3 && (line[0] & 0xff) == 0xef && (line[1] & 0xff) == 0xbb && (line[2] & 0xff) == 0xbf ? 3 : 0;
        for (int i = from; i < length; i++) {
            if (line[i] != ' ' && line[i] != '\t' && line[i] != '\r' && line[i] != '\n') {
                return false;
            }
        }
        return true;
    }

    private boolean readRanges(Layout layout, FileChannel channel, ReadContext context, FieldSpec spec,
            FactBatchWriter out, RecordSources.HandlerFactory handlers) throws IOException, MalformedDropException {
        int count = (int) ((layout.size() - layout.dataStart() + rangeBytes - 1) / rangeBytes);
        @SuppressWarnings("unchecked")
        CompletableFuture<Bases>[] bases = new CompletableFuture[count + 1];
        for (int i = 0; i <= count; i++) {
            bases[i] = new CompletableFuture<>();
        }
        bases[0].complete(new Bases(layout.headerLines(), 0));
        ExecutorService pool = parsePool(threads);
        Deque<Future<Outcome>> inFlight = new ArrayDeque<>();
        try {
            int next = 0;
            while (true) {
                while (inFlight.size() < threads + 1 && next < count) {
                    int index = next++;
                    inFlight.add(pool.submit(() -> parseRange(index, layout, channel, bases, context, spec, out, handlers)));
                }
                Future<Outcome> head = inFlight.poll();
                if (head == null) {
                    return true;
                }
                Outcome outcome = await(head);
                if (outcome instanceof Parsed parsed) {
                    parsed.part().appendTo(context, out);
                    rangesAppended.incrementAndGet();
                    parsed.part().throwIfMalformed();
                } else if (outcome instanceof Unsafe unsafe) {
                    if (unsafe.index() == 0) {
                        return false;
                    }
                    release(inFlight);
                    restsReadInSequence.incrementAndGet();
                    readRest(layout, unsafe, context, spec, out, handlers);
                    return true;
                } else {
                    throw new IllegalStateException("a range was skipped although no range before it was unsafe");
                }
            }
        } finally {
            release(inFlight);
            pool.shutdownNow();
        }
    }

    /** Runs on a pool thread: reads, scans and (when safe) parses one range. */
    private Outcome parseRange(int index, Layout layout, FileChannel channel, CompletableFuture<Bases>[] bases,
            ReadContext context, FieldSpec spec, FactBatchWriter out, RecordSources.HandlerFactory handlers)
            throws IOException {
        boolean published = false;
        try {
            long nominalStart = layout.dataStart() + (long) index * rangeBytes;
            long nominalEnd = Math.min(layout.size(), nominalStart + rangeBytes);
            // From the byte before the nominal start (a line feed there means a line starts exactly at it) to a
            // line's length past the nominal end, where this range's last line ends.
            long readFrom = index == 0 ? nominalStart : nominalStart - 1;
            long readTo = Math.min(layout.size(), nominalEnd - 1 + MAX_LINE_BYTES);
            byte[] bytes = readRange(channel, readFrom, (int) (readTo - readFrom));
            int start = index == 0 ? 0 : RangeScan.lineStartAfter(bytes, 0, bytes.length);
            int end = nominalEnd == layout.size() ? bytes.length
                    : RangeScan.lineStartAfter(bytes, (int) (nominalEnd - 1 - readFrom), bytes.length);
            if (end < 0 && readTo == layout.size()) {
                end = bytes.length; // the last line has no line feed
            }
            if (start < 0 && readTo == layout.size()) {
                start = bytes.length;
            }
            RangeScan.Counts counts = start < 0 || end < 0 ? null
                    : layout.json() ? RangeScan.jsonLines(bytes, start, end) : RangeScan.csv(bytes, start, end);
            if (counts != null && index == 0 && layout.json() && counts.records() == 0) {
                counts = null; // a drop that may have no record at all is the sequential reader's to judge
            }
            Bases before;
            try {
                before = bases[index].join();
            } catch (RuntimeException e) {
                return new Skipped();
            }
            if (counts == null) {
                return new Unsafe(index, readFrom + Math.max(start, 0), before);
            }
            bases[index + 1].complete(new Bases(before.lines() + counts.lines(), before.records() + counts.records()));
            published = true;
            return parse(index, layout, bytes, start, end, before, before.records() + counts.records(), context, spec,
                    out, handlers, readFrom);
        } finally {
            if (!published) {
                bases[index + 1].completeExceptionally(new IllegalStateException("range " + index + " not parsed"));
            }
        }
    }

    private Outcome parse(int index, Layout layout, byte[] bytes, int start, int end, Bases before, long recordsAfter,
            ReadContext context, FieldSpec spec, FactBatchWriter out, RecordSources.HandlerFactory handlers,
            long readFrom) throws IOException {
        ReadContext partContext = context.newPart();
        FactBatchWriter partOut = out.newPart();
        boolean handedOver = false;
        try {
            RecordSources.RecordHandler handler = handlers.create(partContext, partOut);
            MalformedDropException malformed = null;
            if (layout.json()) {
                try (JsonRecordSource source = JsonRecordSource.continuation(bytes, start, end - start, partContext,
                        spec, before.lines(), before.records())) {
                    try {
                        RecordSources.drain(source, partContext, handler);
                    } catch (MalformedDropException e) {
                        malformed = e;
                    }
                    if (malformed == null && source.recordsRead() != recordsAfter) {
                        // Two objects on one line: the record numbers of this range and those after it are off.
                        return new Unsafe(index, readFrom + start, before);
                    }
                }
            } else {
                try (CsvRecordSource source = CsvRecordSource.continuation(
                        new ByteArrayInputStream(bytes, start, end - start), layout.csvHeader(), spec, partContext,
                        before.lines())) {
                    RecordSources.drain(source, partContext, handler);
                } catch (MalformedDropException e) {
                    malformed = e;
                }
            }
            handedOver = true;
            return new Parsed(new ParsedPart(partContext, partOut, malformed));
        } finally {
            if (!handedOver) {
                partOut.close();
            }
        }
    }

    /** Reads the rest of the drop on this thread from the first line of an unsafe range. */
    private static void readRest(Layout layout, Unsafe from, ReadContext context, FieldSpec spec, FactBatchWriter out,
            RecordSources.HandlerFactory handlers) throws IOException, MalformedDropException {
        try (FileChannel channel = FileChannel.open(layout.file(), StandardOpenOption.READ);
             InputStream in = new java.io.BufferedInputStream(Channels.newInputStream(channel.position(from.start())),
                     1 << 16);
             RecordSource source = layout.json()
                     ? JsonRecordSource.continuation(in, context, spec, from.bases().lines(), from.bases().records())
                     : CsvRecordSource.continuation(in, layout.csvHeader(), spec, context, from.bases().lines())) {
            RecordSources.drain(source, context, handlers.create(context, out));
        }
    }

    /** Daemon threads that parse parts of one drop (ranges or Parquet row groups). */
    static ExecutorService parsePool(int threads) {
        return Executors.newFixedThreadPool(threads, task -> {
            Thread t = new Thread(task, "measures311-parse-" + THREAD_NUMBERS.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** The future's value, with the task's own IOException or unchecked exception rethrown as is. */
    static <T> T await(Future<T> future) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while parsing in parallel");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IOException(cause);
        }
    }

    /** Waits for the ranges still in flight and frees what they parsed (after a failure or an unsafe range). */
    private static void release(Deque<Future<Outcome>> inFlight) throws IOException {
        Future<Outcome> f;
        while ((f = inFlight.poll()) != null) {
            try {
                if (await(f) instanceof Parsed parsed) {
                    parsed.part().out().close();
                }
            } catch (IOException | RuntimeException e) {
                // The first failure is already on its way up; this range's memory is freed by its own finally.
            }
        }
    }

    private static byte[] readRange(FileChannel channel, long from, int length) throws IOException {
        byte[] bytes = new byte[length];
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, from + buffer.position()) < 0) {
                throw new IOException("file shorter than its size while reading a range");
            }
        }
        return bytes;
    }
}
