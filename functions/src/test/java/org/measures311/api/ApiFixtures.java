package org.measures311.api;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.measures311.ingest.DropFormat;
import org.measures311.ingest.DropStatus;
import org.measures311.ingest.LedgerEntry;
import org.measures311.ingest.RowError;
import org.measures311.ingest.SourceKind;
import org.measures311.measures.Catalog;
import org.measures311.measures.Grain;
import org.measures311.measures.MeasureRow;
import org.measures311.measures.ProgramCalendar;

/**
 * The API's ports as plain in-memory collections, and a small hand-made data set (see
 * src/test/resources/api/README.md for the figures the tests expect and how they were worked out).
 */
final class ApiFixtures {
    static final ProgramCalendar CALENDAR = new ProgramCalendar(ZoneId.of("America/Los_Angeles"), 7);
    /** 2025-04-15 05:00 in Los Angeles: "today" is 2025-04-15 in the program zone. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-04-15T12:00:00Z"), ZoneOffset.UTC);
    static final Instant COMPUTED = Instant.parse("2025-04-02T08:00:00Z");
    static final String DROP_A = "2025-03~avaya-a";
    static final String DROP_B = "2025-03~zendesk-b";
    static final String DROP_C = "2025-04~avaya-c";
    static final String DROP_GONE = "2025-04~gone";

    private ApiFixtures() {
    }

    /** Port fixture: rows by partition. */
    static final class InMemoryValues implements MeasureValuesSource {
        final Map<String, List<MeasureRow>> partitions = new ConcurrentHashMap<>();

        void add(MeasureRow r) {
            partitions.computeIfAbsent(r.partitionKey(), k -> new CopyOnWriteArrayList<>()).add(r);
        }

        @Override
        public List<MeasureRow> read(String measureId, Grain grain) {
            return List.copyOf(partitions.getOrDefault(MeasureRow.partitionKey(measureId, grain), List.of()));
        }
    }

    /** Port fixture: the ledger as a list. */
    static final class InMemoryLedger implements DropLedgerSource {
        final List<LedgerEntry> entries = new CopyOnWriteArrayList<>();

        @Override
        public List<LedgerEntry> list(YearMonth fromMonth) {
            return entries.stream().filter(e -> !YearMonth.from(e.landedAt().atZone(ZoneOffset.UTC)).isBefore(fromMonth)).toList();
        }

        @Override
        public List<LedgerEntry> listAll() {
            return List.copyOf(entries);
        }

        @Override
        public Optional<LedgerEntry> find(String dropId) {
            return entries.stream().filter(e -> e.dropId().equals(dropId)).findFirst();
        }

        @Override
        public Optional<Instant> latestLanding() {
            return entries.stream().map(LedgerEntry::landedAt).max(Instant::compareTo);
        }
    }

    /** Port fixture: records what was asked. */
    static final class RecordingRecompute implements RecomputeAction {
        final List<LocalDate[]> calls = new CopyOnWriteArrayList<>();

        @Override
        public RecomputeResult recompute(LocalDate from, LocalDate to) {
            calls.add(new LocalDate[] {from, to});
            return new RecomputeResult(from, to, 3, 15);
        }
    }

    /** Port fixture: switchable health. */
    static final class SwitchableHealth implements HealthProbe {
        volatile boolean storage = true;
        volatile boolean documents = true;

        @Override
        public boolean storageAnswers() {
            return storage;
        }

        @Override
        public boolean documentStoreAnswers() {
            return documents;
        }
    }

    static MeasureRow row(Grain grain, LocalDate start, String member, long value, Double target, Boolean meets,
                          List<String> drops) {
        var period = CALENDAR.period(grain, start);
        return new MeasureRow("contacts_handled", grain, period.label(), "channel", member, BigDecimal.valueOf(value),
                BigDecimal.valueOf(value), null, period.start(), period.end(), target, meets, COMPUTED, drops, List.of());
    }

    /**
     * Day rows for every day of March 2025: phone = 100 + day, total = 200 + day (62 rows). Month rows:
     * January phone 3000 / total 5000, February 2800 / 4500, March 3596 / 6696 (the sums of the days; total has
     * target 6000, met), April (incomplete on 2025-04-15) 1000 / 2000.
     */
    static InMemoryValues values() {
        InMemoryValues v = new InMemoryValues();
        for (int d = 1; d <= 31; d++) {
            LocalDate date = LocalDate.of(2025, 3, d);
            List<String> drops = d == 31 ? List.of(DROP_A, DROP_GONE) : List.of(DROP_A);
            v.add(row(Grain.DAY, date, "phone", 100 + d, null, null, drops));
            v.add(row(Grain.DAY, date, "total", 200 + d, null, null, List.of(DROP_A)));
        }
        v.add(row(Grain.MONTH, LocalDate.of(2025, 1, 1), "phone", 3000, null, null, List.of(DROP_A)));
        v.add(row(Grain.MONTH, LocalDate.of(2025, 1, 1), "total", 5000, 6000.0, false, List.of(DROP_A)));
        v.add(row(Grain.MONTH, LocalDate.of(2025, 2, 1), "phone", 2800, null, null, List.of(DROP_A)));
        v.add(row(Grain.MONTH, LocalDate.of(2025, 2, 1), "total", 4500, 6000.0, false, List.of(DROP_A)));
        v.add(row(Grain.MONTH, LocalDate.of(2025, 3, 1), "phone", 3596, null, null, List.of(DROP_A)));
        v.add(row(Grain.MONTH, LocalDate.of(2025, 3, 1), "total", 6696, 6000.0, true, List.of(DROP_A)));
        v.add(row(Grain.MONTH, LocalDate.of(2025, 4, 1), "phone", 1000, null, null, List.of(DROP_C)));
        v.add(row(Grain.MONTH, LocalDate.of(2025, 4, 1), "total", 2000, 6000.0, false, List.of(DROP_C)));
        return v;
    }

    static InMemoryLedger ledger() {
        InMemoryLedger l = new InMemoryLedger();
        l.entries.add(entry(DROP_A, "avaya/2025-03-01.csv", SourceKind.AVAYA_CMS, "2025-03-02T10:00:00Z",
                DropStatus.INGESTED, List.of(), null));
        List<RowError> errors = new ArrayList<>();
        for (int i = 1; i <= 25; i++) {
            errors.add(new RowError("zendesk/tickets/t.jsonl", i + 1, "created_at", "not a timestamp"));
        }
        l.entries.add(entry(DROP_B, "zendesk/tickets/t.jsonl", SourceKind.ZENDESK_TICKETS, "2025-03-05T09:30:00Z",
                DropStatus.QUARANTINED, errors, null));
        l.entries.add(entry(DROP_C, "avaya/2025-03-01-copy.csv", SourceKind.AVAYA_CMS, "2025-04-01T07:00:00Z",
                DropStatus.DUPLICATE, List.of(), DROP_A));
        return l;
    }

    private static LedgerEntry entry(String id, String path, SourceKind source, String landed, DropStatus status,
                                     List<RowError> errors, String duplicateOf) {
        Instant at = Instant.parse(landed);
        return new LedgerEntry(id, path, "etag-" + id, "hash-" + id, 1234, source, DropFormat.ofPath(path), at, status,
                40, status == DropStatus.QUARANTINED ? 15 : 40, errors.size(), errors,
                LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 31), duplicateOf, null, null, at.plusSeconds(5), 120, null);
    }

    /** A complete API over the fixtures. */
    record Wiring(MeasuresApi api, InMemoryValues values, InMemoryLedger ledger, RecordingRecompute recompute,
                  SwitchableHealth health) {
    }

    static Wiring wiring() {
        InMemoryValues values = values();
        InMemoryLedger ledger = ledger();
        RecordingRecompute recompute = new RecordingRecompute();
        SwitchableHealth health = new SwitchableHealth();
        return new Wiring(new MeasuresApi(Catalog.standard(), CALENDAR, values, ledger, recompute, health, CLOCK),
                values, ledger, recompute, health);
    }

    static ApiRequest get(String pathAndQuery) {
        return request("GET", pathAndQuery, Map.of(), null);
    }

    static ApiRequest request(String method, String pathAndQuery, Map<String, List<String>> headers, byte[] body) {
        return ApiRequest.of(method, java.net.URI.create("http://localhost:7071/api" + pathAndQuery), headers, body);
    }
}
