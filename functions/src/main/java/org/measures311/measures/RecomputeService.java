package org.measures311.measures;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.measures311.facts.CuratedDrop;
import org.measures311.facts.CurrentStateBuilder;
import org.measures311.facts.FactsSnapshot;
import org.measures311.ingest.DropStatus;
import org.measures311.ingest.LedgerEntry;
import org.measures311.ingest.SourceKind;
import org.measures311.store.Container;
import org.measures311.store.DocumentStore;
import org.measures311.store.Lake;
import org.measures311.store.LedgerRepository;
import org.measures311.store.MeasureRowRepository;
import org.measures311.store.SingleWriterLock;
import org.measures311.store.StoredDocument;

/**
 * Compacts the curated drops into current state and recomputes the measure rows of a date range, writing
 * only rows whose figures changed (so a rerun writes nothing) and removing rows that the data no longer
 * produces. One writer at a time, by lease.
 *
 * <p>Which dates a drop affects: its rows' local dates; for ticket events a year more before them, because an
 * event decides whether its ticket (created earlier) was handled and when it was first answered; users, the
 * skill list and targets change how every date is counted, so they affect all dates. Growth compares with the
 * year before, so a changed date also affects the same date one year later.
 */
public final class RecomputeService {
    private static final Logger LOG = Logger.getLogger(RecomputeService.class.getName());
    private static final String WATERMARK_ID = "recompute~watermark";
    /** Ledger entries saved this long before the watermark are looked at again: recomputing twice is harmless. */
    private static final Duration WATERMARK_OVERLAP = Duration.ofMinutes(30);
    static final int EVENT_LOOKBACK_DAYS = 366;

    private final LedgerRepository ledger;
    private final Lake curated;
    private final MeasureRowRepository rows;
    private final DocumentStore control;
    private final Catalog catalog;
    private final ProgramCalendar calendar;
    private final MeasureEngine engine;
    private final SingleWriterLock lock;
    private final Clock clock;

    public RecomputeService(LedgerRepository ledger, Lake curated, MeasureRowRepository rows, DocumentStore control,
                            Catalog catalog, ProgramCalendar calendar, Clock clock) {
        this.ledger = ledger;
        this.curated = curated;
        this.rows = rows;
        this.control = control;
        this.catalog = catalog;
        this.calendar = calendar;
        this.engine = new MeasureEngine(catalog, calendar);
        this.lock = new SingleWriterLock(control, "recompute", Duration.ofMinutes(30), clock);
        this.clock = clock;
    }

    /** The daily job: recompute what drops processed since the last run affect. */
    public RecomputeSummary recomputePending() throws IOException, InterruptedException {
        Instant since = watermark().map(w -> w.minus(WATERMARK_OVERLAP)).orElse(Instant.EPOCH);
        Instant runStarted = clock.instant();
        List<LedgerEntry> all = ingestedDrops();
        List<LedgerEntry> fresh = all.stream().filter(e -> e.processedAt() != null && e.processedAt().isAfter(since)).toList();
        Optional<DateRange> range = affected(fresh, all);
        RecomputeSummary summary = range.isPresent()
                ? recompute(range.get().from(), range.get().to(), all)
                : RecomputeSummary.nothingToDo();
        saveWatermark(runStarted);
        return summary;
    }

    /** Recomputes every date that has data. */
    public RecomputeSummary recomputeAll() throws IOException, InterruptedException {
        List<LedgerEntry> all = ingestedDrops();
        Optional<DateRange> range = dataRange(all);
        return range.isPresent() ? recompute(range.get().from(), range.get().to(), all) : RecomputeSummary.nothingToDo();
    }

    /** Recomputes the periods overlapping [from, to] (inclusive local dates), e.g. from the admin API. */
    public RecomputeSummary recompute(LocalDate from, LocalDate to) throws IOException, InterruptedException {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("recompute range ends before it starts: " + from + ".." + to);
        }
        return recompute(from, to, ingestedDrops());
    }

    private RecomputeSummary recompute(LocalDate from, LocalDate requestedTo, List<LedgerEntry> drops)
            throws IOException, InterruptedException {
        long started = System.nanoTime();
        // Growth rows of the following year divide by this range's figures.
        LocalDate dataEnd = dataRange(drops).map(DateRange::to).orElse(requestedTo);
        LocalDate to = requestedTo.plusYears(1).isAfter(dataEnd) ? (dataEnd.isAfter(requestedTo) ? dataEnd : requestedTo)
                : requestedTo.plusYears(1);
        try (SingleWriterLock.Held held = lock.tryAcquire(Duration.ofMinutes(5))
                .orElseThrow(() -> new IllegalStateException("another recomputation holds the lock; try again later"))) {
            List<CuratedDrop> curatedDrops = drops.stream()
                    .map(e -> new CuratedDrop(e.dropId(), e.source().table(), e.curatedPath(), e.path(), e.landedAt()))
                    .toList();
            FactsSnapshot facts = new CurrentStateBuilder(curated).build(curatedDrops);
            Instant computedAt = clock.instant();
            List<MeasureRow> computed = engine.compute(facts, from, to, computedAt);
            Map<String, List<MeasureRow>> byPartition = new LinkedHashMap<>();
            for (MeasureRow row : computed) {
                byPartition.computeIfAbsent(row.partitionKey(), k -> new ArrayList<>()).add(row);
            }
            int written = 0;
            int deleted = 0;
            for (MeasureDefinition measure : catalog.all()) {
                for (Grain grain : measure.grains()) {
                    Set<String> periods = calendar.periodsCovering(grain, from, to).stream()
                            .map(Period::label).collect(Collectors.toSet());
                    List<MeasureRow> fresh = byPartition.getOrDefault(MeasureRow.partitionKey(measure.id(), grain), List.of());
                    MeasureRowRepository.Changes result = rows.replacePeriods(measure.id(), grain, periods, fresh);
                    written += result.written();
                    deleted += result.deleted();
                }
            }
            RecomputeSummary summary = new RecomputeSummary(from, to, drops.size(), computed.size(), written, deleted,
                    (System.nanoTime() - started) / 1_000_000);
            LOG.info(summary::describe);
            return summary;
        }
    }

    private List<LedgerEntry> ingestedDrops() {
        return ledger.listAll().stream()
                .filter(e -> e.status() == DropStatus.INGESTED && e.curatedPath() != null)
                .toList();
    }

    private Optional<DateRange> affected(List<LedgerEntry> fresh, List<LedgerEntry> all) {
        if (fresh.isEmpty()) {
            return Optional.empty();
        }
        Optional<DateRange> everything = dataRange(all);
        DateRange range = null;
        for (LedgerEntry e : fresh) {
            DateRange r;
            if (affectsAllDates(e.source())) {
                r = everything.orElse(null);
            } else if (e.affectedFrom() == null) {
                r = null;
            } else if (e.source() == SourceKind.ZENDESK_TICKET_EVENTS) {
                r = new DateRange(e.affectedFrom().minusDays(EVENT_LOOKBACK_DAYS), e.affectedTo());
            } else {
                r = new DateRange(e.affectedFrom(), e.affectedTo());
            }
            if (r != null) {
                range = range == null ? r : range.union(r);
            }
        }
        return Optional.ofNullable(range);
    }

    static boolean affectsAllDates(SourceKind source) {
        return source == SourceKind.ZENDESK_USERS || source == SourceKind.SKILL_LIST || source == SourceKind.TARGETS;
    }

    /** The first and last local dates that the given drops' rows touch; empty when none touches a date. */
    static Optional<DateRange> dataRange(List<LedgerEntry> all) {
        DateRange range = null;
        for (LedgerEntry e : all) {
            if (e.affectedFrom() != null) {
                DateRange r = new DateRange(e.affectedFrom(), e.affectedTo());
                range = range == null ? r : range.union(r);
            }
        }
        return Optional.ofNullable(range);
    }

    private Optional<Instant> watermark() {
        return control.read(Container.CONTROL, WATERMARK_ID, WATERMARK_ID)
                .map(StoredDocument::body)
                .map(b -> Instant.parse(b.path("processedUpTo").asText()));
    }

    private void saveWatermark(Instant at) {
        ObjectNode doc = JsonNodeFactory.instance.objectNode();
        doc.put("id", WATERMARK_ID);
        doc.put(Container.PARTITION_KEY_FIELD, WATERMARK_ID);
        doc.put("processedUpTo", at.atOffset(ZoneOffset.UTC).toInstant().toString());
        control.upsert(Container.CONTROL, doc);
    }

    record DateRange(LocalDate from, LocalDate to) {
        DateRange union(DateRange o) {
            return new DateRange(from.isBefore(o.from) ? from : o.from, to.isAfter(o.to) ? to : o.to);
        }
    }
}
