package org.measures311.ingest;

import java.util.Locale;

/** What became of a drop. */
public enum DropStatus {
    /** Parsed; its facts are in the curated zone. */
    INGESTED,
    /** The same content was already ingested (a repeated delivery or re-upload); nothing changed. */
    DUPLICATE,
    /** A path the product does not read (see docs/landing-zone.md). */
    IGNORED,
    /** Unreadable, or too many bad rows: copied to quarantine with an error report; no facts taken from it. */
    QUARANTINED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
