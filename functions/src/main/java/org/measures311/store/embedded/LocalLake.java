package org.measures311.store.embedded;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.measures311.store.Lake;
import org.measures311.store.LakeFile;
import org.measures311.store.LakeFileNotFoundException;
import org.measures311.store.LakePaths;
import org.measures311.store.LengthCheckedInputStream;

/**
 * A {@link Lake} over a local folder, for the local runner and unit tests.
 *
 * <p>Every write lands through a temporary file and an atomic rename ({@link AtomicFiles}); conditional writes
 * and deletes check and rename while holding {@link FolderLock} on the folder's lock file, so they are atomic
 * across threads and across processes that share the folder.
 *
 * <p>ETag: the file's modification time in nanoseconds plus its size. Under the lock every write stamps the new
 * file with a modification time strictly later than the file it replaces, so the time works as a per-path write
 * counter: the ETag changes on every write, even of the same bytes within one clock tick, and no sidecar file or
 * content hash has to be kept or recomputed (landing files can be gigabytes, and {@code stat} must stay cheap).
 */
public final class LocalLake implements Lake {

    private static final String LOCK_FILE = AtomicFiles.INTERNAL_PREFIX + ".lock";

    private final Path root;
    private final FolderLock lock;

    public LocalLake(Path folder) {
        this.root = folder.toAbsolutePath().normalize();
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the lake folder " + root, e);
        }
        this.lock = new FolderLock(root.resolve(LOCK_FILE));
    }

    public Path root() {
        return root;
    }

    @Override
    public InputStream open(String path) throws IOException {
        Path file = resolve(path);
        try {
            return Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            throw new LakeFileNotFoundException(describe(), path);
        }
    }

    @Override
    public Optional<LakeFile> stat(String path) throws IOException {
        Path file = resolve(path);
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return attributes.isRegularFile() ? Optional.of(toLakeFile(path, attributes)) : Optional.empty();
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    @Override
    public List<LakeFile> list(String prefix) throws IOException {
        LakePaths.requirePrefix(prefix);
        int lastSlash = prefix.lastIndexOf('/');
        Path start = lastSlash < 0 ? root : root.resolve(prefix.substring(0, lastSlash));
        if (!Files.isDirectory(start)) {
            return List.of();
        }
        List<LakeFile> files = new ArrayList<>();
        Files.walkFileTree(start, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                if (attributes.isRegularFile() && !AtomicFiles.isInternal(file.getFileName().toString())) {
                    String relative = relative(file);
                    if (relative.startsWith(prefix)) {
                        files.add(toLakeFile(relative, attributes));
                    }
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE; // deleted while we walked: it is simply not listed
                }
                throw e;
            }
        });
        files.sort(Comparator.comparing(LakeFile::path));
        return files;
    }

    @Override
    public void write(String path, InputStream data, long length) throws IOException {
        Path target = resolve(path);
        commitTemp(AtomicFiles.writeTemp(target, new LengthCheckedInputStream(data, length)), target);
    }

    /** Commits a forced temporary file over the target under the folder lock; the temporary name is gone after. */
    private void commitTemp(Path temp, Path target) throws IOException {
        try (FolderLock.Held held = lock.acquire()) {
            commitStamped(temp, target);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * Moves the file in by renaming it beside the target (then forces it to disk and commits it as {@link #write}
     * does) when it is on this lake's file system; copies it otherwise.
     */
    @Override
    public void moveInLocalFile(String path, Path localFile) throws IOException {
        Path target = resolve(path);
        Optional<Path> temp = AtomicFiles.adoptAsTemp(target, localFile);
        if (temp.isEmpty()) {
            Lake.super.moveInLocalFile(path, localFile);
            return;
        }
        commitTemp(temp.get(), target);
    }

    /** A hard link to the file in {@code folder}, when that is on this lake's file system and links are supported. */
    @Override
    public Optional<Path> localSnapshot(LakeFile file, Path folder) throws IOException {
        Path source = resolve(file.path());
        Path link = folder.resolve("landing-" + UUID.randomUUID() + ".link");
        try {
            Files.createLink(link, source);
        } catch (UnsupportedOperationException | FileSystemException e) {
            // Another file system (EXDEV), no hard links there, or the file is gone: the caller streams instead.
            return Optional.empty();
        }
        // Linked after the caller's stat: the path may name a newer version by now (writes replace by renaming).
        boolean sameVersion = false;
        try {
            sameVersion = toLakeFile(file.path(), Files.readAttributes(link, BasicFileAttributes.class)).etag()
                    .equals(file.etag());
        } finally {
            if (!sameVersion) {
                Files.deleteIfExists(link);
            }
        }
        return sameVersion ? Optional.of(link) : Optional.empty();
    }

    @Override
    public boolean writeIfAbsent(String path, byte[] data) throws IOException {
        return replaceIfMatch(path, data, Optional.empty());
    }

    @Override
    public boolean replaceIfMatch(String path, byte[] data, Optional<String> expectedEtag) throws IOException {
        Path target = resolve(path);
        Path temp = AtomicFiles.writeTemp(target, new ByteArrayInputStream(data));
        try (FolderLock.Held held = lock.acquire()) {
            Optional<String> current = stat(path).map(LakeFile::etag);
            if (!current.equals(expectedEtag)) {
                return false;
            }
            commitStamped(temp, target);
            return true;
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    @Override
    public void delete(String path) throws IOException {
        Path target = resolve(path);
        try (FolderLock.Held held = lock.acquire()) {
            Files.deleteIfExists(target);
        }
    }

    @Override
    public boolean isAvailable() {
        return Files.isDirectory(root) && Files.isWritable(root);
    }

    @Override
    public String describe() {
        return root.toString();
    }

    /** Called with the lock held: stamps the temporary file later than the file it replaces, then renames. */
    private void commitStamped(Path temp, Path target) throws IOException {
        Optional<FileTime> previous = Files.isRegularFile(target)
                ? Optional.of(Files.getLastModifiedTime(target)) : Optional.empty();
        Instant stamp = Instant.now();
        if (previous.isPresent() && !stamp.isAfter(previous.get().toInstant())) {
            stamp = previous.get().toInstant().plus(1, ChronoUnit.MICROS);
        }
        // A coarse file system rounds the stamp down; step up until it reads back later than before.
        long step = 1_000;
        Files.setLastModifiedTime(temp, FileTime.from(stamp));
        while (previous.isPresent() && Files.getLastModifiedTime(temp).compareTo(previous.get()) <= 0) {
            stamp = stamp.plusNanos(step);
            step *= 10;
            Files.setLastModifiedTime(temp, FileTime.from(stamp));
        }
        AtomicFiles.commit(temp, target);
    }

    private LakeFile toLakeFile(String path, BasicFileAttributes attributes) {
        FileTime modified = attributes.lastModifiedTime();
        long nanos = modified.to(java.util.concurrent.TimeUnit.NANOSECONDS);
        String etag = Long.toHexString(nanos) + "-" + Long.toHexString(attributes.size());
        return new LakeFile(path, attributes.size(), etag, modified.toInstant());
    }

    private Path resolve(String path) {
        LakePaths.requireFilePath(path);
        String name = path.substring(path.lastIndexOf('/') + 1);
        if (AtomicFiles.isInternal(name)) {
            throw new IllegalArgumentException("names starting with " + AtomicFiles.INTERNAL_PREFIX + " are reserved: " + path);
        }
        Path file = root.resolve(path).normalize();
        if (!file.startsWith(root)) {
            throw new IllegalArgumentException("path leaves the lake: " + path);
        }
        return file;
    }

    private String relative(Path file) {
        return root.relativize(file).toString().replace(java.io.File.separatorChar, '/');
    }
}
