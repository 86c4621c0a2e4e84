package org.measures311.facts;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.TimeStampMilliTZVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorLoader;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.VectorUnloader;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.apache.arrow.vector.ipc.message.ArrowRecordBatch;

/**
 * Appends rows of one {@link FactTable} column by column and writes them as Arrow IPC stream record batches of
 * a fixed row count, so memory stays constant whatever the size of the file being read. A reader sets the
 * cells of a row (unset nullable cells stay null) and calls {@link #endRow()}.
 *
 * <p>For parsing one file on several threads, {@link #newPart()} gives a writer of the same table that keeps
 * its batches in memory instead of writing them; the owner of the stream {@link #append}s each part's batches
 * in file order, which keeps the rows' order what a single-threaded read would give. Batches move by
 * reference (Arrow buffers are not copied).
 */
public final class FactBatchWriter implements AutoCloseable {
    public static final int DEFAULT_BATCH_ROWS = 65_536;

    private final FactTable table;
    private final BufferAllocator allocator;
    private final VectorSchemaRoot root;
    /** Null for a part: its full batches go to {@link #partBatches}. */
    private final ArrowStreamWriter writer;
    private final List<ArrowRecordBatch> partBatches;
    private final FieldVector[] vectors;
    /** Per text column: the last value written and its UTF-8 bytes. */
    private final String[] lastText;
    private final byte[][] lastTextBytes;
    private final int batchRows;
    private int row;
    private long rowsWritten;
    private int batches;
    private boolean closed;
    private IntConsumer onBatchWritten = rows -> { };

    public FactBatchWriter(FactTable table, BufferAllocator allocator, OutputStream out) throws IOException {
        this(table, allocator, out, DEFAULT_BATCH_ROWS);
    }

    public FactBatchWriter(FactTable table, BufferAllocator allocator, OutputStream out, int batchRows) throws IOException {
        if (batchRows < 1) {
            throw new IllegalArgumentException("batchRows must be >= 1");
        }
        this.table = table;
        this.allocator = allocator;
        this.batchRows = batchRows;
        this.root = VectorSchemaRoot.create(table.schema(), allocator);
        List<FieldVector> fieldVectors = root.getFieldVectors();
        this.vectors = fieldVectors.toArray(new FieldVector[0]);
        this.lastText = new String[vectors.length];
        this.lastTextBytes = new byte[vectors.length][];
        allocateVectors();
        if (out == null) {
            this.writer = null;
            this.partBatches = new ArrayList<>();
        } else {
            this.writer = new ArrowStreamWriter(root, null, Channels.newChannel(out));
            this.partBatches = null;
            this.writer.start();
        }
    }

    /** Called with each batch's row count right after the batch went into the stream (not for a part's batches). */
    public FactBatchWriter onBatchWritten(IntConsumer listener) {
        this.onBatchWritten = java.util.Objects.requireNonNull(listener, "listener");
        return this;
    }

    /**
     * A writer of the same table and batch size whose batches stay in memory until {@link #append}ed to this
     * one's stream (or released by closing the part). Safe to fill on another thread.
     */
    public FactBatchWriter newPart() throws IOException {
        return new FactBatchWriter(table, allocator, null, batchRows);
    }

    /**
     * Writes a part's rows to this stream after the rows already written, and closes the part. Rows set on
     * this writer but not yet ended as a batch are written first, so the order is the order of the calls.
     */
    public void append(FactBatchWriter part) throws IOException {
        if (writer == null || part.writer != null) {
            throw new IllegalStateException("append takes a part into a stream writer");
        }
        part.flush();
        flush();
        VectorLoader loader = new VectorLoader(root);
        try {
            for (ArrowRecordBatch batch : part.partBatches) {
                loader.load(batch);
                writer.writeBatch();
                batches++;
                rowsWritten += batch.getLength();
                onBatchWritten.accept(batch.getLength());
            }
        } finally {
            part.close();
        }
        // The loaded buffers belong to the part's batches' memory; rows set from now on get fresh vectors.
        for (FieldVector v : vectors) {
            v.clear();
        }
        allocateVectors();
    }

    private void allocateVectors() {
        for (FieldVector v : vectors) {
            v.setInitialCapacity(batchRows);
            v.allocateNew();
            if (v.getValueCapacity() < batchRows) {
                throw new IllegalStateException(v.getField().getName() + " holds " + v.getValueCapacity()
                        + " values after allocation, fewer than a batch of " + batchRows);
            }
        }
    }

    public FactTable table() {
        return table;
    }

    /*
     * Fixed-width cells use set, not setSafe: every vector holds batchRows values from allocation on
     * (allocateVectors checks it) and a batch is written when row reaches batchRows, so the capacity check and
     * division setSafe does per cell would always pass. Text keeps setSafe: its data buffer grows with the text.
     */

    public FactBatchWriter setLong(int column, long value) {
        ((BigIntVector) vectors[column]).set(row, value);
        return this;
    }

    public FactBatchWriter setInt(int column, int value) {
        ((IntVector) vectors[column]).set(row, value);
        return this;
    }

    public FactBatchWriter setDouble(int column, double value) {
        ((Float8Vector) vectors[column]).set(row, value);
        return this;
    }

    /*
     * Only a true value touches the data bits: the vectors are zeroed when allocated and when reset after a batch,
     * and a cell is set once per row, so a false bit is already 0. BitVector.set would clear it again, a bounds-
     * checked read and write of the byte per row (12% of the events CSV ingest in a profile).
     */
    public FactBatchWriter setBool(int column, boolean value) {
        BitVector vector = (BitVector) vectors[column];
        BitVectorHelper.setBit(vector.getValidityBuffer(), row);
        if (value) {
            BitVectorHelper.setBit(vector.getDataBuffer(), row);
        }
        return this;
    }

    public FactBatchWriter setDate(int column, LocalDate value) {
        if (value == null) {
            return setNull(column);
        }
        ((DateDayVector) vectors[column]).set(row, (int) value.toEpochDay());
        return this;
    }

    public FactBatchWriter setEpochMillis(int column, long epochMillis) {
        ((TimeStampMilliTZVector) vectors[column]).set(row, epochMillis);
        return this;
    }

    public FactBatchWriter setText(int column, String value) {
        if (value == null) {
            return setNull(column);
        }
        // Readers hand the same String instance for a value repeated from row to row (event types, codes), so
        // its UTF-8 bytes are kept per column instead of encoded again for every row.
        byte[] bytes;
        if (value == lastText[column]) {
            bytes = lastTextBytes[column];
        } else {
            bytes = value.getBytes(StandardCharsets.UTF_8);
            lastText[column] = value;
            lastTextBytes[column] = bytes;
        }
        ((VarCharVector) vectors[column]).setSafe(row, bytes);
        return this;
    }

    public FactBatchWriter setNull(int column) {
        FieldVector vector = vectors[column];
        if (vector instanceof BaseFixedWidthVector fixed) {
            BitVectorHelper.unsetBit(fixed.getValidityBuffer(), row);
        } else {
            vector.setNull(row);
        }
        return this;
    }

    /** Finishes the current row; writes a record batch when the batch is full. */
    public void endRow() throws IOException {
        row++;
        if (row == batchRows) {
            flush();
        }
    }

    public long rowsWritten() {
        return rowsWritten + row;
    }

    public int batchesWritten() {
        return batches;
    }

    private void flush() throws IOException {
        if (row == 0) {
            return;
        }
        for (FieldVector v : vectors) {
            v.setValueCount(row);
        }
        root.setRowCount(row);
        if (writer == null) {
            // A part keeps the batch (its buffers, by reference) and starts the next one on new vectors.
            partBatches.add(new VectorUnloader(root).getRecordBatch());
            batches++;
            rowsWritten += row;
            row = 0;
            for (FieldVector v : vectors) {
                v.clear();
            }
            allocateVectors();
            return;
        }
        writer.writeBatch();
        batches++;
        rowsWritten += row;
        onBatchWritten.accept(row);
        row = 0;
        for (FieldVector v : vectors) {
            v.reset();
        }
    }

    /**
     * Writes the last partial batch and the end-of-stream marker; releases the vectors. A part that was never
     * appended releases its batches.
     */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        if (writer == null) {
            try {
                partBatches.forEach(ArrowRecordBatch::close);
                partBatches.clear();
            } finally {
                root.close();
            }
            return;
        }
        try {
            flush();
            writer.end();
        } finally {
            writer.close();
            root.close();
        }
    }
}
