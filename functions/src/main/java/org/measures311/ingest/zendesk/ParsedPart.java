package org.measures311.ingest.zendesk;

import java.io.IOException;
import org.measures311.facts.FactBatchWriter;
import org.measures311.ingest.MalformedDropException;
import org.measures311.ingest.ReadContext;

/**
 * One part of a drop (a byte range, a Parquet row group) parsed on a pool thread into its own context and writer
 * part: what it read, up to the unreadable data that then ends the drop ({@code malformed}, or null). Parts are
 * taken in file order, so a drop's counts, errors and rows are what one thread reading it gives.
 */
record ParsedPart(ReadContext context, FactBatchWriter out, MalformedDropException malformed) {

    /** Adds the part's counts and errors to the drop's context and its rows to the drop's stream (closing the part). */
    void appendTo(ReadContext dropContext, FactBatchWriter dropOut) throws IOException {
        dropContext.absorb(context);
        dropOut.append(out);
    }

    /** Ends the drop when this part stopped at unreadable data; the parts before it are in by then. */
    void throwIfMalformed() throws MalformedDropException {
        if (malformed != null) {
            throw malformed;
        }
    }
}
