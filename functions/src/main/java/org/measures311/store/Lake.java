package org.measures311.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One container of files: the landing zone, the curated zone or the quarantine. Paths are relative,
 * '/'-separated. In Azure it is an ADLS Gen2 file system reached through the Blob API (which ADLS Gen2 serves
 * too, and which Azurite emulates); locally it is a folder.
 */
public interface Lake {

    /** Opens a file for streaming; {@link LakeFileNotFoundException} when absent. */
    InputStream open(String path) throws IOException;

    Optional<LakeFile> stat(String path) throws IOException;

    /** Every file whose path starts with the prefix ("" for all), sorted by path. */
    List<LakeFile> list(String prefix) throws IOException;

    /** Writes (or replaces) a file in one step: readers see the old file or the new one, never a part. */
    void write(String path, InputStream data, long length) throws IOException;

    /** Writes a file only if no file has that path; false when one exists (another writer won). */
    boolean writeIfAbsent(String path, byte[] data) throws IOException;

    /**
     * Replaces a file only if it still has the given ETag (or creates it when {@code expectedEtag} is empty);
     * false when another writer changed it first. This is how single-writer pointers are swapped.
     */
    boolean replaceIfMatch(String path, byte[] data, Optional<String> expectedEtag) throws IOException;

    void delete(String path) throws IOException;

    /** Whether the backing service answers (for /health). */
    boolean isAvailable();

    /** A human-readable location, for logs and reports ("abfss://…", a folder path). */
    String describe();

    default void write(String path, byte[] data) throws IOException {
        write(path, new java.io.ByteArrayInputStream(data), data.length);
    }

    /**
     * Writes the content of a local file the caller is done with at {@code path}, as {@link #write} would, and
     * removes the local file (on success; on failure it may or may not still be there). A lake on the same file
     * system may move the file in instead of copying it: a drop's curated Arrow file is hundreds of megabytes, and
     * copying it was a whole extra pass over them. This default streams it, so a remote lake uploads as before.
     */
    default void moveInLocalFile(String path, Path localFile) throws IOException {
        try (InputStream in = Files.newInputStream(localFile)) {
            write(path, in, Files.size(localFile));
        }
        Files.deleteIfExists(localFile);
    }

    /**
     * This version of a file under a new name in the local {@code folder}, without copying its bytes (a hard link),
     * for a reader that would otherwise spool it there; the caller owns the new name and deletes it when done.
     * Empty when the lake cannot: a remote lake (the default), another file system, or the file at {@code
     * file.path()} is no longer the version {@code file} describes. The bytes are the landing file's own: a lake
     * that replaces files by renaming never changes them, but a program rewriting the file in place would.
     */
    default Optional<Path> localSnapshot(LakeFile file, Path folder) throws IOException {
        return Optional.empty();
    }

    default byte[] readAll(String path) throws IOException {
        try (InputStream in = open(path)) {
            return in.readAllBytes();
        }
    }
}
