package org.measures311.ingest;

import java.util.Locale;

/** The file format of a drop, from its extension (after any .gz); readers may still refuse what they find. */
public enum DropFormat {
    /** Delimited text: .csv, .tsv, .txt (Avaya exports use any of these with tab, comma or semicolon). */
    DELIMITED("delimited"),
    JSON_LINES("jsonl"),
    JSON_ARRAY("json"),
    PARQUET("parquet"),
    UNKNOWN("unknown");

    private final String code;

    DropFormat(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static boolean isGzipName(String path) {
        return path.toLowerCase(Locale.ROOT).endsWith(".gz");
    }

    public static DropFormat ofPath(String path) {
        String p = path.toLowerCase(Locale.ROOT);
        if (p.endsWith(".gz")) {
            p = p.substring(0, p.length() - 3);
        }
        if (p.endsWith(".csv") || p.endsWith(".tsv") || p.endsWith(".txt") || p.endsWith(".tab")) {
            return DELIMITED;
        }
        if (p.endsWith(".jsonl") || p.endsWith(".ndjson")) {
            return JSON_LINES;
        }
        if (p.endsWith(".json")) {
            return JSON_ARRAY;
        }
        if (p.endsWith(".parquet") || p.endsWith(".pq")) {
            return PARQUET;
        }
        return UNKNOWN;
    }
}
