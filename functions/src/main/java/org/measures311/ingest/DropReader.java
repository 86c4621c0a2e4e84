package org.measures311.ingest;

import java.io.IOException;
import org.measures311.facts.FactBatchWriter;
import org.measures311.facts.FactTable;

/**
 * Turns one landing file of one source into rows of its curated table. Bytes in, typed Arrow batches out.
 * Rows that fail validation are reported through {@link ReadContext#rowRejected} and skipped; a file that
 * cannot be read at all throws {@link MalformedDropException} naming line and column. A reader streams: its
 * memory does not grow with the file.
 */
public interface DropReader {

    FactTable table();

    void read(DropContent content, ReadContext context, FactBatchWriter out) throws IOException, MalformedDropException;
}
