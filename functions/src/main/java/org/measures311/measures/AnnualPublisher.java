package org.measures311.measures;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.measures311.ingest.DropStatus;
import org.measures311.ingest.LedgerEntry;
import org.measures311.store.Container;
import org.measures311.store.DocumentStore;
import org.measures311.store.LedgerRepository;
import org.measures311.store.MeasureRowRepository;
import org.measures311.store.StoredDocument;

/**
 * Publishes each closed calendar and fiscal year as an immutable, numbered record of every measure's annual
 * value. A later correction of the data never rewrites a published figure: when the current values differ from
 * the latest revision, a new revision is written that lists the differences. Revisions are created with a
 * conditional create, so two runs at once cannot both write revision n.
 */
public final class AnnualPublisher {
    private final LedgerRepository ledger;
    private final MeasureRowRepository rows;
    private final DocumentStore store;
    private final Catalog catalog;
    private final ProgramCalendar calendar;
    private final Clock clock;

    public AnnualPublisher(LedgerRepository ledger, MeasureRowRepository rows, DocumentStore store, Catalog catalog,
                           ProgramCalendar calendar, Clock clock) {
        this.ledger = ledger;
        this.rows = rows;
        this.store = store;
        this.catalog = catalog;
        this.calendar = calendar;
        this.clock = clock;
    }

    public PublicationSummary publishClosedYears() {
        LocalDate today = calendar.localDate(clock.instant());
        List<String> published = new ArrayList<>();
        List<String> revised = new ArrayList<>();
        List<String> unchanged = new ArrayList<>();
        for (Period year : closedYearsWithData(today)) {
            String key = year.grain().code() + "|" + year.label();
            switch (publish(year)) {
                case PUBLISHED -> published.add(key);
                case REVISED -> revised.add(key);
                case UNCHANGED -> unchanged.add(key);
            }
        }
        return new PublicationSummary(published, revised, unchanged);
    }

    /** The revisions of one year, oldest first. */
    public List<ObjectNode> revisions(Grain grain, String period) {
        return store.readPartition(Container.PUBLICATIONS, partition(grain, period)).stream()
                .map(StoredDocument::body)
                .sorted(Comparator.comparingInt(b -> b.path("revision").asInt()))
                .toList();
    }

    enum Outcome { PUBLISHED, REVISED, UNCHANGED }

    private Outcome publish(Period year) {
        Map<String, ObjectNode> current = currentFigures(year);
        List<ObjectNode> existing = revisions(year.grain(), year.label());
        Optional<ObjectNode> latest = existing.isEmpty() ? Optional.empty() : Optional.of(existing.get(existing.size() - 1));
        Map<String, ObjectNode> previous = latest.map(AnnualPublisher::figuresOf).orElse(Map.of());
        if (latest.isPresent() && previous.equals(current)) {
            return Outcome.UNCHANGED;
        }
        int revision = latest.map(l -> l.path("revision").asInt() + 1).orElse(1);
        ObjectNode doc = JsonNodeFactory.instance.objectNode();
        doc.put("id", String.format("rev-%04d", revision));
        doc.put(Container.PARTITION_KEY_FIELD, partition(year.grain(), year.label()));
        doc.put("grain", year.grain().code());
        doc.put("period", year.label());
        doc.put("periodStart", year.start().toString());
        doc.put("periodEnd", year.end().toString());
        doc.put("revision", revision);
        doc.put("publishedAt", clock.instant().toString());
        ArrayNode figures = doc.putArray("figures");
        current.values().forEach(figures::add);
        ArrayNode changes = doc.putArray("changes");
        if (latest.isPresent()) {
            TreeSet<String> keys = new TreeSet<>(previous.keySet());
            keys.addAll(current.keySet());
            for (String k : keys) {
                ObjectNode before = previous.get(k);
                ObjectNode after = current.get(k);
                if (before == null || !before.equals(after)) {
                    ObjectNode change = changes.addObject();
                    change.put("figure", k);
                    change.set("before", before == null ? null : before.get("value"));
                    change.set("after", after == null ? null : after.get("value"));
                }
            }
        }
        if (!store.createIfAbsent(Container.PUBLICATIONS, doc)) {
            // Another run wrote this revision first; its content is the same current figures.
            return Outcome.UNCHANGED;
        }
        return latest.isPresent() ? Outcome.REVISED : Outcome.PUBLISHED;
    }

    private Map<String, ObjectNode> currentFigures(Period year) {
        Map<String, ObjectNode> figures = new LinkedHashMap<>();
        for (MeasureDefinition measure : catalog.all()) {
            if (!measure.hasGrain(year.grain())) {
                continue;
            }
            for (MeasureRow row : rows.read(measure.id(), year.grain())) {
                if (!row.period().equals(year.label())) {
                    continue;
                }
                ObjectNode f = JsonNodeFactory.instance.objectNode();
                f.put("measure", row.measure());
                f.put("dimension", row.dimension());
                f.put("member", row.member());
                f.put("value", row.value().toPlainString());
                f.put("numerator", row.numerator().toPlainString());
                f.put("denominator", row.denominator() == null ? "" : row.denominator().toPlainString());
                figures.put(row.measure() + "|" + row.member(), f);
            }
        }
        return figures;
    }

    private static Map<String, ObjectNode> figuresOf(ObjectNode publication) {
        Map<String, ObjectNode> figures = new LinkedHashMap<>();
        publication.path("figures").forEach(f -> figures.put(f.path("measure").asText() + "|" + f.path("member").asText(),
                (ObjectNode) f));
        return figures;
    }

    private List<Period> closedYearsWithData(LocalDate today) {
        List<LedgerEntry> ingested = ledger.listAll().stream().filter(e -> e.status() == DropStatus.INGESTED).toList();
        Optional<RecomputeService.DateRange> data = RecomputeService.dataRange(ingested);
        List<Period> out = new ArrayList<>();
        if (data.isEmpty()) {
            return out;
        }
        for (Grain grain : List.of(Grain.YEAR, Grain.FISCAL_YEAR)) {
            for (Period p : calendar.periodsCovering(grain, data.get().from(), data.get().to())) {
                if (p.end().isBefore(today)) {
                    out.add(p);
                }
            }
        }
        return out;
    }

    private static String partition(Grain grain, String period) {
        return grain.code() + "|" + period;
    }
}
