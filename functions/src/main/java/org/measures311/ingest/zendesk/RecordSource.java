package org.measures311.ingest.zendesk;

import java.io.Closeable;
import java.io.IOException;
import org.measures311.ingest.MalformedDropException;

/** The records of one landing file, one at a time, whatever its format. */
public interface RecordSource extends Closeable {

    /**
     * The next record, or null at the end. The returned object is reused: read it before calling again.
     *
     * @throws MalformedDropException when the file stops being what its format claims (truncated JSON, an
     *         unterminated quote, a corrupt Parquet page); rows already returned stay valid
     */
    SourceRecord next() throws IOException, MalformedDropException;
}
