package org.measures311.api;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.measures311.ingest.LedgerEntry;

/** Port: read access to the ingest ledger (partitioned by landing month). */
public interface DropLedgerSource {
    /** Every entry of drops that landed in {@code fromMonth} (UTC) or later, in any order. */
    List<LedgerEntry> list(YearMonth fromMonth);

    /** Every entry of the ledger, in any order. */
    List<LedgerEntry> listAll();

    /** One entry by drop id (its landing month is part of the id). */
    Optional<LedgerEntry> find(String dropId);

    /** When the latest drop landed; empty when nothing ever did. */
    Optional<Instant> latestLanding();
}
