package org.measures311.facts;

import java.io.IOException;
import java.io.InputStream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowStreamReader;

/** Reads a curated Arrow IPC stream batch by batch, checking that it holds the table it should. */
public final class FactBatches {
    private FactBatches() {
    }

    @FunctionalInterface
    public interface BatchConsumer {
        void accept(VectorSchemaRoot batch) throws IOException;
    }

    public static void forEach(FactTable table, InputStream in, BufferAllocator allocator, BatchConsumer consumer)
            throws IOException {
        try (ArrowStreamReader reader = new ArrowStreamReader(in, allocator)) {
            VectorSchemaRoot root = reader.getVectorSchemaRoot();
            if (!root.getSchema().equals(table.schema())) {
                throw new IOException("Curated file does not hold table " + table.tableName() + ": schema " + root.getSchema());
            }
            while (reader.loadNextBatch()) {
                consumer.accept(root);
            }
        }
    }
}
