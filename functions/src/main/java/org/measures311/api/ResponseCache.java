package org.measures311.api;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Answers already built for a request, kept while the data they were built from keeps its version. Power BI
 * refreshes ask the same few URLs over and over, and rows change only when a recompute writes them, so a read
 * mostly costs a map lookup instead of reading, filtering and serialising a partition. Bounded in entries and in
 * body bytes, least recently used first out.
 */
final class ResponseCache {
    private record Entry(long version, ApiResponse response) {
    }

    private final int maxEntries;
    private final long maxBytes;
    private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>(64, 0.75f, true);
    private long bytes;

    ResponseCache(int maxEntries, long maxBytes) {
        this.maxEntries = maxEntries;
        this.maxBytes = maxBytes;
    }

    /** The answer kept for the key, if it was built at this version. */
    synchronized ApiResponse get(String key, long version) {
        Entry e = entries.get(key);
        return e != null && e.version() == version ? e.response() : null;
    }

    synchronized void put(String key, long version, ApiResponse response) {
        if (response.body().length > maxBytes) {
            return;
        }
        Entry old = entries.put(key, new Entry(version, response));
        if (old != null) {
            bytes -= old.response().body().length;
        }
        bytes += response.body().length;
        var eldest = entries.entrySet().iterator();
        while ((entries.size() > maxEntries || bytes > maxBytes) && eldest.hasNext()) {
            Map.Entry<String, Entry> e = eldest.next();
            bytes -= e.getValue().response().body().length;
            eldest.remove();
        }
    }
}
