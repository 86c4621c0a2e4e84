package org.measures311.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * The bytes of a drop, already gunzipped when the file was gzip-compressed. Text and JSON readers stream
 * {@link #open()}; a reader that needs random access (Parquet's footer) asks for {@link #localFile()}, which
 * spools the content to a temporary file once.
 */
public interface DropContent {

    InputStream open() throws IOException;

    Path localFile() throws IOException;
}
