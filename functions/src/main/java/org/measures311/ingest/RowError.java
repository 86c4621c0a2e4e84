package org.measures311.ingest;

import java.util.Objects;

/**
 * One problem in a landing file, located so a person can find it: line (1-based, physical line of a text file
 * or record number of a JSON/Parquet file; 0 when the whole file is concerned) and column (the column's header
 * name, or a JSON key; empty when not about one column).
 */
public record RowError(String file, long line, String column, String message) {
    public RowError {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(message, "message");
        column = column == null ? "" : column;
    }

    @Override
    public String toString() {
        return file + ":" + line + (column.isEmpty() ? "" : " column '" + column + "'") + ": " + message;
    }
}
