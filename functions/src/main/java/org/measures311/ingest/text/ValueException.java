package org.measures311.ingest.text;

/** A cell that does not hold a value of the expected kind; the message says what was expected. */
public final class ValueException extends Exception {
    public ValueException(String message) {
        super(message);
    }
}
