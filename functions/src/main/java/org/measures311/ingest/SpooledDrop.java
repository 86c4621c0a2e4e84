package org.measures311.ingest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.zip.GZIPInputStream;

/**
 * A drop's bytes copied once to a local temporary file while their SHA-256 is computed: the hash decides
 * duplicates before anything is parsed, readers may read the content more than once (encoding and delimiter
 * sniffing) without downloading it again, and Parquet gets the random access it needs. Gzip is recognised by
 * its magic bytes, not the file name, and unwrapped for the readers.
 */
public final class SpooledDrop implements DropContent, AutoCloseable {
    /**
     * A drop read in place from at least this many bytes is hashed on a thread of its own while it is parsed: the
     * hash of a gigabyte drop takes most of a second on one core, which would otherwise wait. Below it the hash is
     * computed first, as it costs less than a thread.
     */
    static final long BACKGROUND_HASH_BYTES = 16L << 20;

    private final Path file;
    private final CompletableFuture<String> contentHash;
    private final long size;
    private final boolean gzip;
    /** For a drop read in place from a snapshot link: the link's modification time when it was hashed; else null. */
    private final FileTime snapshotModified;
    private Path gunzipped;

    private SpooledDrop(Path file, CompletableFuture<String> contentHash, long size, boolean gzip,
                        FileTime snapshotModified) {
        this.file = file;
        this.contentHash = contentHash;
        this.size = size;
        this.gzip = gzip;
        this.snapshotModified = snapshotModified;
    }

    public static SpooledDrop spool(InputStream source, Path tempDir) throws IOException {
        Files.createDirectories(tempDir);
        Path file = Files.createTempFile(tempDir, "drop-", ".bin");
        MessageDigest digest = DropIds.sha256();
        long size;
        try (InputStream in = new DigestInputStream(source, digest);
             OutputStream out = Files.newOutputStream(file)) {
            size = in.transferTo(out);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        return new SpooledDrop(file, CompletableFuture.completedFuture(HexFormat.of().formatHex(digest.digest())), size,
                startsLikeGzip(file), null);
    }

    /**
     * A drop read in place: {@code snapshot} is a name of the landing file's bytes that this drop now owns (a
     * hard link made by a local landing zone, see {@code Lake.localSnapshot}), hashed where it is instead of
     * being copied first, which was a whole extra pass over a gigabyte drop. A large drop is hashed on a thread of
     * its own while the caller goes on to parse it ({@link #contentHashKnown()}, {@link #contentHash()} waits).
     * Closing deletes the snapshot's name only. A link sees the file's own bytes, so a program rewriting the
     * landing file in place would change them while they are read: {@link #confirmUnchanged()} checks that it did
     * not.
     */
    public static SpooledDrop inPlace(Path snapshot) throws IOException {
        try {
            FileTime modified = Files.getLastModifiedTime(snapshot);
            long size = Files.size(snapshot);
            CompletableFuture<String> hash;
            if (size >= BACKGROUND_HASH_BYTES) {
                hash = new CompletableFuture<>();
                Thread hashing = new Thread(() -> {
                    try {
                        hash.complete(sha256(snapshot, size));
                    } catch (IOException | RuntimeException e) {
                        hash.completeExceptionally(e);
                    }
                }, "drop-hash");
                hashing.setDaemon(true);
                hashing.start();
            } else {
                hash = CompletableFuture.completedFuture(sha256(snapshot, size));
            }
            SpooledDrop drop = new SpooledDrop(snapshot, hash, size, startsLikeGzip(snapshot), modified);
            drop.confirmUnchanged();
            return drop;
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(snapshot);
            throw e;
        }
    }

    /** The SHA-256 of the file's bytes, which must be {@code size} bytes long (else it changed while read). */
    private static String sha256(Path file, long size) throws IOException {
        MessageDigest digest = DropIds.sha256();
        long read = 0;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer buffer = ByteBuffer.allocate(HASH_BUFFER_BYTES);
            for (int n; (n = channel.read(buffer.clear())) >= 0; ) {
                digest.update(buffer.array(), 0, n);
                read += n;
            }
        }
        if (read != size) {
            throw rewrittenInPlace();
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static final int HASH_BUFFER_BYTES = 1 << 20;

    /** A drop read in place changed under us: an error the host retries, which then reads the new version. */
    private static IOException rewrittenInPlace() {
        return new IOException("the landing file was rewritten in place while it was read; it is read again");
    }

    private static boolean startsLikeGzip(Path file) throws IOException {
        try (InputStream head = Files.newInputStream(file)) {
            byte[] magic = head.readNBytes(2);
            return magic.length == 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b;
        }
    }

    /**
     * Fails (an error the host retries) when a drop read in place no longer has the size and modification time it
     * had when it was hashed, so what was parsed may not be what was hashed; a spooled copy is ours alone and
     * never changes.
     */
    public void confirmUnchanged() throws IOException {
        if (snapshotModified == null) {
            return;
        }
        if (Files.size(file) != size || !Files.getLastModifiedTime(file).equals(snapshotModified)) {
            throw rewrittenInPlace();
        }
    }

    /** Whether {@link #contentHash()} answers without waiting (always, except while a large drop is hashed). */
    public boolean contentHashKnown() {
        return contentHash.isDone();
    }

    /** The SHA-256 of the drop's bytes as landed, waiting for a background hash to finish. */
    public String contentHash() throws IOException {
        try {
            return contentHash.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while the drop was hashed");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IllegalStateException("hashing the drop failed", e.getCause());
        }
    }

    public long size() {
        return size;
    }

    public boolean isGzip() {
        return gzip;
    }

    @Override
    public InputStream open() throws IOException {
        InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        return gzip ? new GZIPInputStream(raw, 1 << 16) : raw;
    }

    @Override
    public Path localFile() throws IOException {
        if (!gzip) {
            return file;
        }
        if (gunzipped == null) {
            Path out = Files.createTempFile(file.getParent(), "drop-", ".unzipped");
            try (InputStream in = open()) {
                Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
            }
            gunzipped = out;
        }
        return gunzipped;
    }

    @Override
    public Optional<Path> uncompressedLocalFile() {
        return gzip ? Optional.ofNullable(gunzipped) : Optional.of(file);
    }

    /** The spooled bytes as they landed (still compressed), for copying to quarantine. */
    public InputStream openRaw() throws IOException {
        return Files.newInputStream(file);
    }

    @Override
    public void close() throws IOException {
        // A background hash still reading the snapshot (the parse failed early) is waited for: deleting a name
        // does not disturb it, but the thread should not outlive the drop it belongs to.
        contentHash.exceptionally(e -> null).join();
        Files.deleteIfExists(file);
        if (gunzipped != null) {
            Files.deleteIfExists(gunzipped);
        }
    }
}
