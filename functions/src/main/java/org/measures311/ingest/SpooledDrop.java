package org.measures311.ingest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * A drop's bytes copied once to a local temporary file while their SHA-256 is computed: the hash decides
 * duplicates before anything is parsed, readers may read the content more than once (encoding and delimiter
 * sniffing) without downloading it again, and Parquet gets the random access it needs. Gzip is recognised by
 * its magic bytes, not the file name, and unwrapped for the readers.
 */
public final class SpooledDrop implements DropContent, AutoCloseable {
    private final Path file;
    private final String contentHash;
    private final long size;
    private final boolean gzip;
    private Path gunzipped;

    private SpooledDrop(Path file, String contentHash, long size, boolean gzip) {
        this.file = file;
        this.contentHash = contentHash;
        this.size = size;
        this.gzip = gzip;
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
        boolean gzip = false;
        try (InputStream head = Files.newInputStream(file)) {
            byte[] magic = head.readNBytes(2);
            gzip = magic.length == 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b;
        }
        return new SpooledDrop(file, HexFormat.of().formatHex(digest.digest()), size, gzip);
    }

    public String contentHash() {
        return contentHash;
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
        Files.deleteIfExists(file);
        if (gunzipped != null) {
            Files.deleteIfExists(gunzipped);
        }
    }
}
