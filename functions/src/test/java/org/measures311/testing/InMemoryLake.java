package org.measures311.testing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import org.measures311.store.Lake;
import org.measures311.store.LakeFile;
import org.measures311.store.LakeFileNotFoundException;

/**
 * Test fixture: a {@link Lake} held in memory, for tests of code that only reads and writes files through the
 * port. Not a product store (the embedded store lives in store/embedded); ETags are a per-write counter.
 */
public final class InMemoryLake implements Lake {
    private record Entry(byte[] data, String etag, Instant landedAt) {
    }

    private final Map<String, Entry> files = new ConcurrentSkipListMap<>();
    private long writes;

    @Override
    public InputStream open(String path) throws IOException {
        Entry e = files.get(path);
        if (e == null) {
            throw new LakeFileNotFoundException(describe(), path);
        }
        return new ByteArrayInputStream(e.data());
    }

    @Override
    public Optional<LakeFile> stat(String path) {
        Entry e = files.get(path);
        return e == null ? Optional.empty() : Optional.of(new LakeFile(path, e.data().length, e.etag(), e.landedAt()));
    }

    @Override
    public List<LakeFile> list(String prefix) {
        List<LakeFile> out = new ArrayList<>();
        files.forEach((path, e) -> {
            if (path.startsWith(prefix)) {
                out.add(new LakeFile(path, e.data().length, e.etag(), e.landedAt()));
            }
        });
        return out;
    }

    @Override
    public synchronized void write(String path, InputStream data, long length) throws IOException {
        files.put(path, new Entry(data.readAllBytes(), "etag-" + (++writes), Instant.EPOCH.plusSeconds(writes)));
    }

    @Override
    public synchronized boolean writeIfAbsent(String path, byte[] data) throws IOException {
        if (files.containsKey(path)) {
            return false;
        }
        write(path, data);
        return true;
    }

    @Override
    public synchronized boolean replaceIfMatch(String path, byte[] data, Optional<String> expectedEtag) throws IOException {
        Entry e = files.get(path);
        boolean matches = expectedEtag.isEmpty() ? e == null : e != null && e.etag().equals(expectedEtag.get());
        if (matches) {
            write(path, data);
        }
        return matches;
    }

    @Override
    public void delete(String path) {
        files.remove(path);
    }

    @Override
    public boolean isAvailable() {
        return true;
    }

    @Override
    public String describe() {
        return "in-memory test lake";
    }
}
