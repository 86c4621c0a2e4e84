package org.measures311.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The bytes of a drop, already gunzipped when the file was gzip-compressed. Text and JSON readers stream
 * {@link #open()}; a reader that needs random access (Parquet's footer) asks for {@link #localFile()}, which
 * spools the content to a temporary file once.
 */
public interface DropContent {

    InputStream open() throws IOException;

    Path localFile() throws IOException;

    /**
     * The content as a local file that is already uncompressed, when there is one without further work; readers
     * that split a file into byte ranges to parse them in parallel use it. Empty by default.
     */
    default Optional<Path> uncompressedLocalFile() {
        return Optional.empty();
    }
}
