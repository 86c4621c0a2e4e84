package org.measures311.ingest;

/** The file cannot be read at all (no header, not the format it claims, truncated); it goes to quarantine. */
public class MalformedDropException extends Exception {
    private final RowError error;

    public MalformedDropException(String file, long line, String column, String message) {
        this(new RowError(file, line, column, message), null);
    }

    public MalformedDropException(RowError error, Throwable cause) {
        super(error.toString(), cause);
        this.error = error;
    }

    public RowError error() {
        return error;
    }
}
