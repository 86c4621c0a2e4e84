package org.measures311.store.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.UUID;

/**
 * Crash-safe file replacement: data goes to a temporary file in the target's own folder (so the rename stays on one
 * file system), is forced to disk, then renamed over the target in one atomic step. After a crash the target holds
 * the old content or the new, never a part; what can be left behind is a temporary file, which every reader here
 * ignores by its name.
 */
final class AtomicFiles {

    /** Names starting with this are ours (temporary and lock files) and never part of the data. */
    static final String INTERNAL_PREFIX = ".~m311";
    static final String TEMP_SUFFIX = ".tmp";

    private AtomicFiles() {
    }

    static boolean isInternal(String fileName) {
        return fileName.startsWith(INTERNAL_PREFIX);
    }

    /** Writes the stream to a new temporary file beside {@code target} and forces it to disk. */
    static Path writeTemp(Path target, InputStream data) throws IOException {
        Path temp = newTempNameBeside(target);
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            OutputStream out = Channels.newOutputStream(channel);
            data.transferTo(out);
            out.flush();
            channel.force(true);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        return temp;
    }

    /**
     * Renames a local file to a new temporary file beside {@code target} and forces it to disk, as
     * {@link #writeTemp} would leave a copy of it; empty (the file untouched) when it is on another file system,
     * where a rename cannot move it.
     */
    static Optional<Path> adoptAsTemp(Path target, Path localFile) throws IOException {
        Path temp = newTempNameBeside(target);
        try {
            Files.move(localFile, temp, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            return Optional.empty();
        }
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
            channel.force(true);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        return Optional.of(temp);
    }

    /** A fresh internal temporary name in the target's folder (created when missing); no file is made. */
    private static Path newTempNameBeside(Path target) throws IOException {
        Path folder = target.getParent();
        Files.createDirectories(folder);
        return folder.resolve(INTERNAL_PREFIX + "-" + UUID.randomUUID() + TEMP_SUFFIX);
    }

    /** Renames a forced temporary file over the target and makes the rename itself durable. */
    static void commit(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.deleteIfExists(temp);
            throw new IOException("the file system under " + target.getParent() + " cannot rename atomically", e);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        forceFolder(target.getParent());
    }

    /** Writes the bytes to the target atomically (temporary file, force, rename). */
    static void replace(Path target, byte[] data) throws IOException {
        commit(writeTemp(target, new java.io.ByteArrayInputStream(data)), target);
    }

    /**
     * Forces a folder's entries (the rename) to disk. Linux and macOS allow opening a folder for this; Windows does
     * not, and there NTFS journals the rename itself, so failing to open is not an error.
     */
    static void forceFolder(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // See above: not supported on every platform; the rename is still atomic.
        }
    }
}
