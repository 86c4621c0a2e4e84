package org.measures311.store;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What every {@link Lake} must do; run against each implementation by a subclass. */
public abstract class LakeContract {

    protected Lake lake;

    /** Local files outside the lake, as the ingestor's temporary folder holds them. */
    @TempDir
    protected Path localFiles;

    /** A new, empty lake for one test. */
    protected abstract Lake newLake() throws IOException;

    @BeforeEach
    void createLake() throws IOException {
        lake = newLake();
    }

    @Test
    void writtenFileReadsBackWithItsMetadata() throws IOException {
        Instant before = Instant.now().minusSeconds(5);
        lake.write("avaya/2025/03/day.csv", "a,b\n1,2\n".getBytes(UTF_8));

        assertThat(new String(lake.readAll("avaya/2025/03/day.csv"), UTF_8)).isEqualTo("a,b\n1,2\n");
        LakeFile file = lake.stat("avaya/2025/03/day.csv").orElseThrow();
        assertThat(file.path()).isEqualTo("avaya/2025/03/day.csv");
        assertThat(file.size()).isEqualTo(8);
        assertThat(file.etag()).isNotBlank();
        assertThat(file.landedAt()).isBetween(before, Instant.now().plusSeconds(5));
    }

    @Test
    void missingFileIsReportedAsMissing() throws IOException {
        assertThat(lake.stat("nothing/here.csv")).isEmpty();
        assertThatThrownBy(() -> lake.open("nothing/here.csv")).isInstanceOf(LakeFileNotFoundException.class);
    }

    @Test
    void listingIsSortedByPathAndFilteredByPrefix() throws IOException {
        lake.write("zendesk/tickets/b.jsonl", new byte[] {1});
        lake.write("avaya/2025/b.csv", new byte[] {1, 2});
        lake.write("avaya/2025/a.csv", new byte[] {1, 2, 3});
        lake.write("avaya/2024/z.csv", new byte[] {1});
        lake.write("avayaX.csv", new byte[] {1});

        assertThat(lake.list("")).extracting(LakeFile::path).containsExactly(
                "avaya/2024/z.csv", "avaya/2025/a.csv", "avaya/2025/b.csv", "avayaX.csv", "zendesk/tickets/b.jsonl");
        assertThat(lake.list("avaya/")).extracting(LakeFile::path).containsExactly(
                "avaya/2024/z.csv", "avaya/2025/a.csv", "avaya/2025/b.csv");
        assertThat(lake.list("avaya/2025/a")).extracting(LakeFile::path, LakeFile::size)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("avaya/2025/a.csv", 3L));
        assertThat(lake.list("reference/")).isEmpty();
    }

    @Test
    void everyWriteChangesTheEtagEvenWithTheSameBytes() throws IOException {
        lake.write("pointer.json", "1".getBytes(UTF_8));
        String first = lake.stat("pointer.json").orElseThrow().etag();
        lake.write("pointer.json", "1".getBytes(UTF_8));
        String second = lake.stat("pointer.json").orElseThrow().etag();
        lake.write("pointer.json", "2".getBytes(UTF_8));
        String third = lake.stat("pointer.json").orElseThrow().etag();

        assertThat(List.of(first, second, third)).doesNotHaveDuplicates();
        assertThat(lake.readAll("pointer.json")).isEqualTo("2".getBytes(UTF_8));
    }

    @Test
    void writeIfAbsentHasOneWinner() throws IOException {
        assertThat(lake.writeIfAbsent("claims/x", "first".getBytes(UTF_8))).isTrue();
        assertThat(lake.writeIfAbsent("claims/x", "second".getBytes(UTF_8))).isFalse();
        assertThat(new String(lake.readAll("claims/x"), UTF_8)).isEqualTo("first");
    }

    @Test
    void replaceIfMatchSwapsOnlyFromTheExpectedVersion() throws IOException {
        assertThat(lake.replaceIfMatch("p.json", "v1".getBytes(UTF_8), Optional.empty())).isTrue();
        assertThat(lake.replaceIfMatch("p.json", "again".getBytes(UTF_8), Optional.empty())).isFalse();
        String v1 = lake.stat("p.json").orElseThrow().etag();

        assertThat(lake.replaceIfMatch("p.json", "v2".getBytes(UTF_8), Optional.of(v1))).isTrue();
        assertThat(lake.replaceIfMatch("p.json", "stale".getBytes(UTF_8), Optional.of(v1))).isFalse();
        assertThat(new String(lake.readAll("p.json"), UTF_8)).isEqualTo("v2");

        assertThat(lake.replaceIfMatch("gone.json", "x".getBytes(UTF_8), Optional.of(v1))).isFalse();
        assertThat(lake.stat("gone.json")).isEmpty();
    }

    @Test
    void deleteRemovesAndToleratesMissing() throws IOException {
        lake.write("a/b.csv", new byte[] {1});
        lake.delete("a/b.csv");
        lake.delete("a/b.csv");
        assertThat(lake.stat("a/b.csv")).isEmpty();
        assertThat(lake.list("")).isEmpty();
    }

    @Test
    void pathsThatCouldLeaveTheLakeAreRefused() {
        for (String bad : List.of("../x.csv", "a/../../x.csv", "/etc/passwd", "a//b", "a/./b", "a\\b", "", "a/")) {
            assertThatThrownBy(() -> lake.write(bad, new byte[] {1})).as(bad).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> lake.stat(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> lake.list("../")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aStreamShorterOrLongerThanDeclaredReplacesNothing() throws IOException {
        lake.write("keep.csv", "good".getBytes(UTF_8));
        assertThatThrownBy(() -> lake.write("keep.csv", new ByteArrayInputStream(new byte[3]), 10)).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> lake.write("keep.csv", new ByteArrayInputStream(new byte[30]), 10)).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> lake.write("new.csv", new ByteArrayInputStream(new byte[3]), 10)).isInstanceOf(IOException.class);

        assertThat(new String(lake.readAll("keep.csv"), UTF_8)).isEqualTo("good");
        assertThat(lake.list("")).extracting(LakeFile::path).containsExactly("keep.csv");
    }

    @Test
    void largeFilesStreamInAndOut() throws Exception {
        long size = 11L * 1024 * 1024 + 7; // several upload blocks and a ragged tail
        lake.write("big/events.csv", new PatternStream(size), size);

        assertThat(lake.stat("big/events.csv").orElseThrow().size()).isEqualTo(size);
        try (InputStream in = lake.open("big/events.csv")) {
            assertThat(sha256(in)).isEqualTo(sha256(new PatternStream(size)));
        }
    }

    @Test
    void aMovedInLocalFileIsWrittenAndRemoved() throws Exception {
        long size = 5L * 1024 * 1024 + 3;
        Path local = localFiles.resolve("facts-1.arrows");
        try (InputStream in = new PatternStream(size)) {
            Files.copy(in, local);
        }
        lake.write("curated/ticket_events/d1.arrows", "older".getBytes(UTF_8));
        String before = lake.stat("curated/ticket_events/d1.arrows").orElseThrow().etag();

        lake.moveInLocalFile("curated/ticket_events/d1.arrows", local);

        assertThat(local).doesNotExist();
        LakeFile file = lake.stat("curated/ticket_events/d1.arrows").orElseThrow();
        assertThat(file.size()).isEqualTo(size);
        assertThat(file.etag()).isNotEqualTo(before);
        try (InputStream in = lake.open("curated/ticket_events/d1.arrows")) {
            assertThat(sha256(in)).isEqualTo(sha256(new PatternStream(size)));
        }
        assertThat(lake.list("")).extracting(LakeFile::path).containsExactly("curated/ticket_events/d1.arrows");
    }

    @Test
    void aMissingLocalFileIsAnErrorAndReplacesNothing() throws IOException {
        lake.write("keep.arrows", "good".getBytes(UTF_8));
        assertThatThrownBy(() -> lake.moveInLocalFile("keep.arrows", localFiles.resolve("never-written")))
                .isInstanceOf(IOException.class);
        assertThat(new String(lake.readAll("keep.arrows"), UTF_8)).isEqualTo("good");
    }

    @Test
    void aLocalSnapshotKeepsItsVersionsBytesAndIsOnlyGivenForTheCurrentVersion() throws IOException {
        lake.write("zendesk/events.csv", "version 1".getBytes(UTF_8));
        LakeFile first = lake.stat("zendesk/events.csv").orElseThrow();

        Optional<Path> snapshot = lake.localSnapshot(first, localFiles);
        lake.write("zendesk/events.csv", "version 2, longer".getBytes(UTF_8));
        if (snapshot.isPresent()) { // a lake that cannot link (remote) gives none, and the caller streams
            assertThat(snapshot.get()).hasParent(localFiles);
            assertThat(Files.readString(snapshot.get())).isEqualTo("version 1");
            Files.delete(snapshot.get());
        }

        assertThat(new String(lake.readAll("zendesk/events.csv"), UTF_8)).isEqualTo("version 2, longer");
        assertThat(lake.localSnapshot(first, localFiles)).isEmpty();
        assertThat(lake.list("")).extracting(LakeFile::path).containsExactly("zendesk/events.csv");
    }

    @Test
    void concurrentCreatorsOfOnePathHaveExactlyOneWinner() throws Exception {
        List<Boolean> outcomes = race(8, i -> lake.writeIfAbsent("claims/same", ("writer " + i).getBytes(UTF_8)));
        assertThat(outcomes).containsOnlyOnce(true);
    }

    @Test
    void concurrentSwapsFromOneVersionHaveExactlyOneWinner() throws Exception {
        lake.write("pointer", "0".getBytes(UTF_8));
        String seen = lake.stat("pointer").orElseThrow().etag();
        List<Boolean> outcomes = race(8, i -> lake.replaceIfMatch("pointer", ("v" + i).getBytes(UTF_8), Optional.of(seen)));
        assertThat(outcomes).containsOnlyOnce(true);
        assertThat(new String(lake.readAll("pointer"), UTF_8)).isEqualTo("v" + outcomes.indexOf(true));
    }

    protected interface Attempt {
        boolean run(int writer) throws Exception;
    }

    /** Runs the attempts on separate threads released together; the outcomes in writer order. */
    protected static List<Boolean> race(int writers, Attempt attempt) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> futures = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                int writer = i;
                Callable<Boolean> task = () -> {
                    start.await();
                    return attempt.run(writer);
                };
                futures.add(pool.submit(task));
            }
            start.countDown();
            List<Boolean> outcomes = new ArrayList<>();
            for (Future<Boolean> future : futures) {
                outcomes.add(future.get(Duration.ofSeconds(60).toSeconds(), java.util.concurrent.TimeUnit.SECONDS));
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    private static String sha256(InputStream in) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        byte[] buffer = new byte[64 * 1024];
        for (int n; (n = in.read(buffer)) > 0; ) {
            digest.update(buffer, 0, n);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** A deterministic stream of any length that is never held in memory. */
    private static final class PatternStream extends InputStream {
        private final long size;
        private long position;

        PatternStream(long size) {
            this.size = size;
        }

        @Override
        public int read() {
            return position < size ? (int) ((position++ * 31 + 7) % 251) : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (position >= size) {
                return -1;
            }
            int n = (int) Math.min(len, size - position);
            for (int i = 0; i < n; i++) {
                b[off + i] = (byte) read();
            }
            return n;
        }
    }
}
