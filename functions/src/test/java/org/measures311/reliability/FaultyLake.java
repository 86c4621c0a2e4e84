package org.measures311.reliability;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.measures311.store.Lake;
import org.measures311.store.LakeFile;

/**
 * A {@link Lake} decorator that fails the way storage fails: a read that breaks off half-way through a file, and a
 * write that breaks off half-way through its upload (nothing is committed: block blobs and the local lake's
 * rename both publish a file whole or not at all). Each fault hits the first {@code times} opens or writes of
 * every matching path; {@code Integer.MAX_VALUE} makes a path fail for ever.
 */
final class FaultyLake implements Lake {
    private final Lake delegate;
    private volatile Predicate<String> failReads = p -> false;
    private volatile int readFailuresPerPath;
    private volatile Predicate<String> failWrites = p -> false;
    private volatile int writeFailuresPerPath;
    private final Map<String, AtomicInteger> readsFailed = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> writesFailed = new ConcurrentHashMap<>();
    private final AtomicInteger opens = new AtomicInteger();

    FaultyLake(Lake delegate) {
        this.delegate = delegate;
    }

    FaultyLake failReadsMidFile(Predicate<String> paths, int timesPerPath) {
        this.failReads = paths;
        this.readFailuresPerPath = timesPerPath;
        return this;
    }

    FaultyLake failWritesHalfWay(Predicate<String> paths, int timesPerPath) {
        this.failWrites = paths;
        this.writeFailuresPerPath = timesPerPath;
        return this;
    }

    int faultsInjected() {
        return readsFailed.values().stream().mapToInt(AtomicInteger::get).sum()
                + writesFailed.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    int opens() {
        return opens.get();
    }

    @Override
    public InputStream open(String path) throws IOException {
        opens.incrementAndGet();
        InputStream in = delegate.open(path);
        if (!failReads.test(path) || !claim(readsFailed, path, readFailuresPerPath)) {
            return in;
        }
        long size = delegate.stat(path).map(LakeFile::size).orElse(0L);
        return new BreaksOffAfter(in, size / 2, "read of " + path);
    }

    @Override
    public void write(String path, InputStream data, long length) throws IOException {
        if (failWrites.test(path) && claim(writesFailed, path, writeFailuresPerPath)) {
            data.readNBytes((int) Math.min(Integer.MAX_VALUE, length / 2));
            throw new IOException("injected: connection reset half-way through the upload of " + path);
        }
        delegate.write(path, data, length);
    }

    private static boolean claim(Map<String, AtomicInteger> failed, String path, int limit) {
        AtomicInteger count = failed.computeIfAbsent(path, p -> new AtomicInteger());
        return count.getAndUpdate(c -> c < limit ? c + 1 : c) < limit;
    }

    @Override
    public Optional<LakeFile> stat(String path) throws IOException {
        return delegate.stat(path);
    }

    @Override
    public List<LakeFile> list(String prefix) throws IOException {
        return delegate.list(prefix);
    }

    @Override
    public boolean writeIfAbsent(String path, byte[] data) throws IOException {
        return delegate.writeIfAbsent(path, data);
    }

    @Override
    public boolean replaceIfMatch(String path, byte[] data, Optional<String> expectedEtag) throws IOException {
        return delegate.replaceIfMatch(path, data, expectedEtag);
    }

    @Override
    public void delete(String path) throws IOException {
        delegate.delete(path);
    }

    @Override
    public boolean isAvailable() {
        return delegate.isAvailable();
    }

    @Override
    public String describe() {
        return "faulty " + delegate.describe();
    }

    /** Hands out the first {@code limit} bytes, then fails like a dropped connection. */
    private static final class BreaksOffAfter extends FilterInputStream {
        private long left;
        private final String what;

        BreaksOffAfter(InputStream in, long limit, String what) {
            super(in);
            this.left = limit;
            this.what = what;
        }

        @Override
        public int read() throws IOException {
            check(1);
            int b = super.read();
            left--;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            check(len);
            int n = super.read(b, off, (int) Math.min(len, Math.max(left, 1)));
            left -= Math.max(n, 0);
            return n;
        }

        private void check(int wanted) throws IOException {
            if (left <= 0 && wanted > 0) {
                throw new IOException("injected: connection reset in the middle of the " + what);
            }
        }
    }
}
