package org.measures311.facts;

import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;

/**
 * A drop's curated file as compaction sees it: the immutable Arrow IPC stream written when the drop was
 * ingested, and what orders it against other drops of the same table (landing time, then landing path), so
 * that a later CMS re-export replaces an earlier one whatever order the events arrived in.
 */
public record CuratedDrop(String dropId, FactTable table, String curatedPath, String landingPath, Instant landedAt) {
    public static final Comparator<CuratedDrop> LANDING_ORDER =
            Comparator.comparing(CuratedDrop::landedAt).thenComparing(CuratedDrop::landingPath).thenComparing(CuratedDrop::dropId);

    public CuratedDrop {
        Objects.requireNonNull(dropId, "dropId");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(curatedPath, "curatedPath");
        Objects.requireNonNull(landingPath, "landingPath");
        Objects.requireNonNull(landedAt, "landedAt");
    }

    /** Where a drop's facts are written in the curated zone. */
    public static String curatedPathFor(FactTable table, String dropId) {
        return "facts/" + table.tableName() + "/" + dropId + ".arrows";
    }
}
