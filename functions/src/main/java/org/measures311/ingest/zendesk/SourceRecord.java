package org.measures311.ingest.zendesk;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One record of a landing file, reduced to the slots of its {@link FieldSpec}: only wanted values are ever
 * stored, as the parser's text, or (from typed Parquet columns) as a long integer or epoch milliseconds whose
 * text is made only if someone asks for it: ids and timestamps then never go through text at all. Reused from record to record (and its children from a pool) so reading a
 * file allocates per value, not per record structure.
 */
public final class SourceRecord {
    private final FieldSpec spec;
    private final String[] values;
    /** Per slot: {@link #TEXT}, {@link #INTEGER} or {@link #EPOCH_MILLIS}; the latter two keep their value in {@link #longs}. */
    private final byte[] kinds;
    private final long[] longs;
    private static final byte TEXT = 0;
    private static final byte INTEGER = 1;
    private static final byte EPOCH_MILLIS = 2;
    private final List<SourceRecord> childPool = new ArrayList<>();
    private int childCount;
    private boolean childrenPresent;
    private long number;
    private String problemColumn;
    private String problem;

    SourceRecord(FieldSpec spec) {
        this.spec = spec;
        this.values = new String[spec.size()];
        this.kinds = new byte[spec.size()];
        this.longs = new long[spec.size()];
    }

    /** Line (CSV: physical line where the record starts) or record number (JSON, Parquet), 1-based. */
    public long number() {
        return number;
    }

    /** The value's text, or null when absent, JSON null or empty. */
    public String get(int slot) {
        if (values[slot] == null && kinds[slot] != TEXT) {
            values[slot] = kinds[slot] == INTEGER ? Long.toString(longs[slot]) : Instant.ofEpochMilli(longs[slot]).toString();
        }
        return values[slot];
    }

    /** The first non-null of the given slots (aliases of one field). */
    public String first(int... slots) {
        int slot = firstPresent(slots);
        return slot < 0 ? null : get(slot);
    }

    /** The first of the given slots that holds a value, or -1. */
    public int firstPresent(int... slots) {
        for (int slot : slots) {
            if (values[slot] != null || kinds[slot] != TEXT) {
                return slot;
            }
        }
        return -1;
    }

    /** Whether the slot holds a typed integer (a Parquet INT32/INT64 without a date or time annotation). */
    public boolean isInteger(int slot) {
        return kinds[slot] == INTEGER;
    }

    /** Whether the slot holds a typed instant (a Parquet timestamp) as epoch milliseconds. */
    public boolean isEpochMillis(int slot) {
        return kinds[slot] == EPOCH_MILLIS;
    }

    /** The typed value of an {@link #isInteger} or {@link #isEpochMillis} slot. */
    public long typed(int slot) {
        return longs[slot];
    }

    /** The path of the first of the given slots that holds a value, else of the first slot (for messages). */
    public String pathOfFirst(int... slots) {
        int slot = firstPresent(slots);
        return spec.path(slot < 0 ? slots[0] : slot);
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

    /** Whether a parser may store this slot's plain integers typed ({@link FieldSpec#isId}). */
    boolean isIdSlot(int slot) {
        return spec.isId(slot);
    }

    /** Whether a parser may store this slot's ISO timestamps typed ({@link FieldSpec#isTimestamp}). */
    boolean isTimestampSlot(int slot) {
        return spec.isTimestamp(slot);
    }

    void set(int slot, String value) {
        values[slot] = value == null || value.isEmpty() ? null : value;
        kinds[slot] = TEXT;
    }

    void setInteger(int slot, long value) {
        values[slot] = null;
        kinds[slot] = INTEGER;
        longs[slot] = value;
    }

    void setEpochMillis(int slot, long epochMillis) {
        values[slot] = null;
        kinds[slot] = EPOCH_MILLIS;
        longs[slot] = epochMillis;
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
        Arrays.fill(kinds, TEXT);
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
