package org.measures311.ingest.zendesk;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One record of a landing file, reduced to the slots of its {@link FieldSpec}: only wanted values are ever
 * stored, as the parser's text. Reused from record to record (and its children from a pool) so reading a
 * file allocates per value, not per record structure.
 */
public final class SourceRecord {
    private final FieldSpec spec;
    private final String[] values;
    private final List<SourceRecord> childPool = new ArrayList<>();
    private int childCount;
    private boolean childrenPresent;
    private long number;
    private String problemColumn;
    private String problem;

    SourceRecord(FieldSpec spec) {
        this.spec = spec;
        this.values = new String[spec.size()];
    }

    /** Line (CSV: physical line where the record starts) or record number (JSON, Parquet), 1-based. */
    public long number() {
        return number;
    }

    /** The value's text, or null when absent, JSON null or empty. */
    public String get(int slot) {
        return values[slot];
    }

    /** The first non-null of the given slots (aliases of one field). */
    public String first(int... slots) {
        for (int slot : slots) {
            if (values[slot] != null) {
                return values[slot];
            }
        }
        return null;
    }

    /** The path of the first of the given slots that holds a value, else of the first slot (for messages). */
    public String pathOfFirst(int... slots) {
        for (int slot : slots) {
            if (values[slot] != null) {
                return spec.path(slot);
            }
        }
        return spec.path(slots[0]);
    }

    public String path(int slot) {
        return spec.path(slot);
    }

    /** Whether the record had the child array at all (an incremental-export record), even if empty. */
    public boolean childrenPresent() {
        return childrenPresent;
    }

    public int childCount() {
        return childCount;
    }

    public SourceRecord child(int index) {
        if (index >= childCount) {
            throw new IndexOutOfBoundsException(index);
        }
        return childPool.get(index);
    }

    /** A structural problem found while capturing this record (e.g. a cell with broken JSON); null if none. */
    public String problem() {
        return problem;
    }

    public String problemColumn() {
        return problemColumn;
    }

    void set(int slot, String value) {
        values[slot] = value == null || value.isEmpty() ? null : value;
    }

    void markChildrenPresent() {
        childrenPresent = true;
    }

    SourceRecord addChild(FieldSpec childSpec) {
        if (childCount == childPool.size()) {
            childPool.add(new SourceRecord(childSpec));
        }
        SourceRecord child = childPool.get(childCount++);
        child.reset(number);
        return child;
    }

    void reportProblem(String column, String message) {
        if (problem == null) {
            problemColumn = column;
            problem = message;
        }
    }

    void reset(long recordNumber) {
        Arrays.fill(values, null);
        for (int i = 0; i < childCount; i++) {
            childPool.get(i).reset(recordNumber);
        }
        childCount = 0;
        childrenPresent = false;
        number = recordNumber;
        problem = null;
        problemColumn = null;
    }
}
