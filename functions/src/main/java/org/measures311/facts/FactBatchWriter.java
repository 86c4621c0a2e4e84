package org.measures311.facts;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.TimeStampMilliTZVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;

/**
 * Appends rows of one {@link FactTable} column by column and writes them as Arrow IPC stream record batches of
 * a fixed row count, so memory stays constant whatever the size of the file being read. A reader sets the
 * cells of a row (unset nullable cells stay null) and calls {@link #endRow()}.
 */
public final class FactBatchWriter implements AutoCloseable {
    public static final int DEFAULT_BATCH_ROWS = 65_536;

    private final FactTable table;
    private final VectorSchemaRoot root;
    private final ArrowStreamWriter writer;
    private final FieldVector[] vectors;
    private final int batchRows;
    private int row;
    private long rowsWritten;
    private int batches;
    private boolean closed;

    public FactBatchWriter(FactTable table, BufferAllocator allocator, OutputStream out) throws IOException {
        this(table, allocator, out, DEFAULT_BATCH_ROWS);
    }

    public FactBatchWriter(FactTable table, BufferAllocator allocator, OutputStream out, int batchRows) throws IOException {
        if (batchRows < 1) {
            throw new IllegalArgumentException("batchRows must be >= 1");
        }
        this.table = table;
        this.batchRows = batchRows;
        this.root = VectorSchemaRoot.create(table.schema(), allocator);
        List<FieldVector> fieldVectors = root.getFieldVectors();
        this.vectors = fieldVectors.toArray(new FieldVector[0]);
        for (FieldVector v : vectors) {
            v.setInitialCapacity(batchRows);
            v.allocateNew();
        }
        this.writer = new ArrowStreamWriter(root, null, Channels.newChannel(out));
        this.writer.start();
    }

    public FactTable table() {
        return table;
    }

    public FactBatchWriter setLong(int column, long value) {
        ((BigIntVector) vectors[column]).setSafe(row, value);
        return this;
    }

    public FactBatchWriter setInt(int column, int value) {
        ((IntVector) vectors[column]).setSafe(row, value);
        return this;
    }

    public FactBatchWriter setDouble(int column, double value) {
        ((Float8Vector) vectors[column]).setSafe(row, value);
        return this;
    }

    public FactBatchWriter setBool(int column, boolean value) {
        ((BitVector) vectors[column]).setSafe(row, value ? 1 : 0);
        return this;
    }

    public FactBatchWriter setDate(int column, LocalDate value) {
        if (value == null) {
            return setNull(column);
        }
        ((DateDayVector) vectors[column]).setSafe(row, (int) value.toEpochDay());
        return this;
    }

    public FactBatchWriter setEpochMillis(int column, long epochMillis) {
        ((TimeStampMilliTZVector) vectors[column]).setSafe(row, epochMillis);
        return this;
    }

    public FactBatchWriter setText(int column, String value) {
        if (value == null) {
            return setNull(column);
        }
        ((VarCharVector) vectors[column]).setSafe(row, value.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    public FactBatchWriter setNull(int column) {
        vectors[column].setNull(row);
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
        writer.writeBatch();
        batches++;
        rowsWritten += row;
        row = 0;
        for (FieldVector v : vectors) {
            v.reset();
        }
    }

    /** Writes the last partial batch and the end-of-stream marker; releases the vectors. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            flush();
            writer.end();
        } finally {
            writer.close();
            root.close();
        }
    }
}
