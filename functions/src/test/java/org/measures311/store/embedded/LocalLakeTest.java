package org.measures311.store.embedded;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.measures311.store.Lake;
import org.measures311.store.LakeContract;
import org.measures311.store.LakeFile;

class LocalLakeTest extends LakeContract {

    @TempDir
    Path folder;

    @Override
    protected Lake newLake() {
        return new LocalLake(folder.resolve("lake"));
    }

    @Test
    void leftoverTemporaryAndLockFilesAreNotPartOfTheLake() throws IOException {
        lake.write("avaya/day.csv", "whole".getBytes(UTF_8));
        // What a kill during a write leaves: a half-written temporary file beside the target, never the target.
        Files.writeString(folder.resolve("lake/avaya/.~m311-0000.tmp"), "who");

        assertThat(lake.list("")).extracting(LakeFile::path).containsExactly("avaya/day.csv");
        assertThat(new String(lake.readAll("avaya/day.csv"), UTF_8)).isEqualTo("whole");
        assertThatThrownBy(() -> lake.write("avaya/.~m311.lock", new byte[] {1})).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aLocalFileOnTheLakesFileSystemIsMovedInNotCopied() throws IOException {
        Path local = folder.resolve("facts.arrows");
        Files.writeString(local, "columns");
        Object inode = Files.readAttributes(local, java.nio.file.attribute.BasicFileAttributes.class).fileKey();

        lake.moveInLocalFile("curated/d.arrows", local);

        Path moved = folder.resolve("lake/curated/d.arrows");
        assertThat(Files.readString(moved)).isEqualTo("columns");
        assertThat(local).doesNotExist();
        // The same file (inode), renamed: no second pass over its bytes.
        assertThat(Files.readAttributes(moved, java.nio.file.attribute.BasicFileAttributes.class).fileKey())
                .isNotNull().isEqualTo(inode);
    }

    @Test
    void aLocalFileOnAnotherFileSystemIsCopiedIn() throws IOException {
        Path shm = Path.of("/dev/shm");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(shm) && Files.isWritable(shm)
                && !Files.getFileStore(shm).equals(Files.getFileStore(folder)), "needs a second file system");
        Path local = Files.createTempFile(shm, "measures311-test-", ".arrows");
        try {
            Files.writeString(local, "columns");
            lake.moveInLocalFile("curated/d.arrows", local);

            assertThat(new String(lake.readAll("curated/d.arrows"), UTF_8)).isEqualTo("columns");
            assertThat(local).doesNotExist();
            assertThat(lake.list("")).extracting(LakeFile::path).containsExactly("curated/d.arrows");
        } finally {
            Files.deleteIfExists(local);
        }
    }

    @Test
    void theSnapshotOfAFileOnTheSameFileSystemIsALinkToIt() throws IOException {
        lake.write("zendesk/events.csv", "id\n1\n".getBytes(UTF_8));
        LakeFile file = lake.stat("zendesk/events.csv").orElseThrow();

        Path snapshot = lake.localSnapshot(file, folder).orElseThrow();

        Object landingKey = Files.readAttributes(folder.resolve("lake/zendesk/events.csv"),
                java.nio.file.attribute.BasicFileAttributes.class).fileKey();
        assertThat(Files.readAttributes(snapshot, java.nio.file.attribute.BasicFileAttributes.class).fileKey())
                .isNotNull().isEqualTo(landingKey);
        Files.delete(snapshot);
        assertThat(new String(lake.readAll("zendesk/events.csv"), UTF_8)).isEqualTo("id\n1\n");
    }

    @Test
    void noSnapshotOnAnotherFileSystem() throws IOException {
        Path shm = Path.of("/dev/shm");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(shm) && Files.isWritable(shm)
                && !Files.getFileStore(shm).equals(Files.getFileStore(folder)), "needs a second file system");
        lake.write("zendesk/events.csv", "id\n1\n".getBytes(UTF_8));
        Path elsewhere = Files.createTempDirectory(shm, "measures311-test-");
        try {
            assertThat(lake.localSnapshot(lake.stat("zendesk/events.csv").orElseThrow(), elsewhere)).isEmpty();
            try (var left = Files.list(elsewhere)) {
                assertThat(left).isEmpty();
            }
        } finally {
            Files.delete(elsewhere);
        }
    }

    @Test
    void landedAtIsTheModificationTime() throws IOException {
        lake.write("a.csv", new byte[] {1});
        LakeFile file = lake.stat("a.csv").orElseThrow();
        assertThat(file.landedAt()).isEqualTo(Files.getLastModifiedTime(folder.resolve("lake/a.csv")).toInstant());
    }

    @Test
    void twoLakesOnOneFolderShareTheConditionalWriteLock() throws Exception {
        Lake other = new LocalLake(folder.resolve("lake"));
        var outcomes = race(8, i -> (i % 2 == 0 ? lake : other).writeIfAbsent("claims/x", new byte[] {(byte) i}));
        assertThat(outcomes).containsOnlyOnce(true);
        String etag = other.stat("claims/x").orElseThrow().etag();
        assertThat(lake.replaceIfMatch("claims/x", new byte[] {9}, Optional.of(etag))).isTrue();
        assertThat(other.replaceIfMatch("claims/x", new byte[] {8}, Optional.of(etag))).isFalse();
    }

    @Test
    void aFileCopiedInByHandIsListedAndReadable() throws IOException {
        Files.createDirectories(folder.resolve("lake/zendesk/users"));
        Files.writeString(folder.resolve("lake/zendesk/users/u.jsonl"), "{}\n");
        assertThat(lake.list("zendesk/")).extracting(LakeFile::path, LakeFile::size)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("zendesk/users/u.jsonl", 3L));
    }
}
