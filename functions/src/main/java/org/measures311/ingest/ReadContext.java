package org.measures311.ingest;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.measures311.config.Settings;

/**
 * What a reader needs besides the bytes (file name for messages, the program's zone and settings, the latest date
 * a row may carry) and what it reports back (row counts, the first errors, the local dates its rows touch). One
 * per drop, not thread-safe.
 */
public final class ReadContext {
    /** Only the first errors are kept with their location; all are counted. */
    public static final int MAX_KEPT_ERRORS = 50;

    private final String fileName;
    private final DropFormat format;
    private final Settings settings;
    private final FutureLimit future;
    private final List<RowError> errors = new ArrayList<>();
    private long rowsRead;
    private long rowsRejected;
    private LocalDate firstDate;
    private LocalDate lastDate;

    /** A context whose rows are judged against the system clock ({@link FutureLimit}). */
    public ReadContext(String fileName, DropFormat format, Settings settings) {
        this(fileName, format, settings, FutureLimit.of(Clock.systemUTC(), settings.programTimeZone()));
    }

    /** @param future the latest date a row of this drop may carry, fixed when the drop is read */
    public ReadContext(String fileName, DropFormat format, Settings settings, FutureLimit future) {
        this.fileName = Objects.requireNonNull(fileName, "fileName");
        this.format = Objects.requireNonNull(format, "format");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.future = Objects.requireNonNull(future, "future");
    }

    public String fileName() {
        return fileName;
    }

    public DropFormat format() {
        return format;
    }

    public Settings settings() {
        return settings;
    }

    public ZoneId zone() {
        return settings.programTimeZone();
    }

    /** The latest date a row of this drop may carry (CMS and Zendesk rows; targets may be set ahead). */
    public FutureLimit future() {
        return future;
    }

    /** Counts a data row seen (accepted or not); call once per candidate row, not for skipped preamble/totals. */
    public void rowRead() {
        rowsRead++;
    }

    /** A row failed validation: counted, located, and left out of the facts. */
    public void rowRejected(long line, String column, String message) {
        rowsRejected++;
        if (errors.size() < MAX_KEPT_ERRORS) {
            errors.add(new RowError(fileName, line, column, message));
        }
    }

    /** Notes a local date that an accepted row affects (so only the periods it touches are recomputed). */
    public void touch(LocalDate date) {
        if (date == null) {
            return;
        }
        if (firstDate == null || date.isBefore(firstDate)) {
            firstDate = date;
        }
        if (lastDate == null || date.isAfter(lastDate)) {
            lastDate = date;
        }
    }

    public void touchEpochDay(long epochDay) {
        touch(LocalDate.ofEpochDay(epochDay));
    }

    /**
     * A context for one part of this drop read on another thread (same file, format and settings); its counts,
     * errors and dates are added back with {@link #absorb}, in file order.
     */
    public ReadContext newPart() {
        return new ReadContext(fileName, format, settings, future);
    }

    /** Adds a part's counts, errors (kept while fewer than {@link #MAX_KEPT_ERRORS} are) and dates to this one. */
    public void absorb(ReadContext part) {
        rowsRead += part.rowsRead;
        rowsRejected += part.rowsRejected;
        for (RowError error : part.errors) {
            if (errors.size() >= MAX_KEPT_ERRORS) {
                break;
            }
            errors.add(error);
        }
        touch(part.firstDate);
        touch(part.lastDate);
    }

    public MalformedDropException malformed(long line, String column, String message) {
        return new MalformedDropException(fileName, line, column, message);
    }

    public long rowsRead() {
        return rowsRead;
    }

    public long rowsRejected() {
        return rowsRejected;
    }

    public long rowsAccepted() {
        return rowsRead - rowsRejected;
    }

    public List<RowError> errors() {
        return Collections.unmodifiableList(errors);
    }

    public LocalDate firstDate() {
        return firstDate;
    }

    public LocalDate lastDate() {
        return lastDate;
    }
}
