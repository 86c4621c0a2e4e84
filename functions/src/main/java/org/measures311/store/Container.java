package org.measures311.store;

/**
 * The document containers. Every one is partitioned on {@code /pk}; what the key holds is chosen so that every
 * read names one partition (see each constant). infra/ declares the same names and key path.
 */
public enum Container {
    /** Measure rows; pk = "measure|grain", id = "measure|grain|period|member". */
    MEASURES("measures"),
    /** The drop ledger; pk = landing month "yyyy-MM", id = drop id (which starts with that month). */
    LEDGER("ledger"),
    /** Annual publications and their revisions; pk = "grain|period". */
    PUBLICATIONS("publications"),
    /** Small control documents: content-hash index, compaction pointers, pending recompute ranges. pk = id. */
    CONTROL("control");

    public static final String PARTITION_KEY_FIELD = "pk";
    public static final String PARTITION_KEY_PATH = "/pk";

    private final String containerName;

    Container(String containerName) {
        this.containerName = containerName;
    }

    public String containerName() {
        return containerName;
    }
}
