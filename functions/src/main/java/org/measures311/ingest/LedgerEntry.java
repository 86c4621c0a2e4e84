package org.measures311.ingest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;

/**
 * The ledger's record of one drop: where it came from, what was read, what became of it and which local dates
 * it affects. Every measure row names the drops behind it by {@link #dropId()}.
 */
public record LedgerEntry(
        String dropId,
        String path,
        String etag,
        String contentHash,
        long size,
        SourceKind source,
        DropFormat format,
        Instant landedAt,
        DropStatus status,
        long rowsRead,
        long rowsAccepted,
        long rowsRejected,
        List<RowError> errors,
        LocalDate affectedFrom,
        LocalDate affectedTo,
        String duplicateOf,
        String curatedPath,
        String quarantinePath,
        Instant processedAt,
        long durationMillis,
        String message) {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM").withZone(ZoneOffset.UTC);

    public LedgerEntry {
        Objects.requireNonNull(dropId, "dropId");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(landedAt, "landedAt");
        Objects.requireNonNull(status, "status");
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    /** The ledger partition: the UTC month the drop landed in. */
    public String partitionKey() {
        return ledgerPartition(landedAt);
    }

    public static String ledgerPartition(Instant landedAt) {
        return MONTH.format(landedAt);
    }

    /** Drop ids start with their landing month ("2025-03~…"), so a drop id alone locates its ledger entry. */
    public static String partitionOfDropId(String dropId) {
        int sep = dropId.indexOf('~');
        if (sep != 7) {
            throw new IllegalArgumentException("not a drop id: " + dropId);
        }
        return dropId.substring(0, sep);
    }
}
