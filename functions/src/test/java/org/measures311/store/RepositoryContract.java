package org.measures311.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.measures311.ingest.DropFormat;
import org.measures311.ingest.DropStatus;
import org.measures311.ingest.LedgerEntry;
import org.measures311.ingest.RowError;
import org.measures311.ingest.SourceKind;
import org.measures311.measures.Grain;
import org.measures311.measures.MeasureRow;
import org.measures311.store.MeasureRowRepository.Changes;

/** The typed repositories over every {@link DocumentStore}; run against each implementation by a subclass. */
public abstract class RepositoryContract {

    private static final Instant COMPUTED = Instant.parse("2025-03-16T08:00:00Z");
    private static final String HASH_A = "a".repeat(64);

    protected DocumentStore store;
    private MeasureRowRepository measures;
    private LedgerRepository ledger;

    protected abstract DocumentStore newStore() throws Exception;

    @BeforeEach
    void open() throws Exception {
        store = newStore();
        measures = new MeasureRowRepository(store);
        ledger = new LedgerRepository(store);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static MeasureRow day(String date, String member, String value, Instant computedAt) {
        LocalDate d = LocalDate.parse(date);
        return new MeasureRow("contacts_handled", Grain.DAY, date, member.isEmpty() ? "" : "channel", member,
                new BigDecimal(value), new BigDecimal(value), null, d, d, null, null, computedAt, List.of("2025-03~x"), List.of());
    }

    private static LedgerEntry entry(String dropId, String landedAt) {
        return new LedgerEntry(dropId, "avaya/" + dropId.substring(8) + ".csv", "etag-" + dropId, HASH_A, 120,
                SourceKind.AVAYA_CMS, DropFormat.DELIMITED, Instant.parse(landedAt), DropStatus.INGESTED, 10, 9, 1,
                List.of(new RowError("avaya/x.csv", 7, "ACD Calls", "not a number")), LocalDate.parse("2025-03-01"),
                LocalDate.parse("2025-03-02"), null, "curated/x.arrows", null, Instant.parse("2025-03-20T10:00:00Z"), 35, "ok");
    }

    @Test
    void measureRowRoundTripsExactlyWithStableFieldNames() {
        MeasureRow row = new MeasureRow("answer_rate", Grain.FISCAL_YEAR, "FY2025", "", "",
                new BigDecimal("0.833333333333333333333"), new BigDecimal("12345678901234567.891"), new BigDecimal("3.000"),
                LocalDate.parse("2024-07-01"), LocalDate.parse("2025-06-30"), 0.8, true, COMPUTED,
                List.of("2024-07~a", "2025-01~b"), List.of(MeasureRow.FLAG_ALL_SKILLS));
        measures.upsertAll(List.of(row));

        assertThat(measures.read("answer_rate", Grain.FISCAL_YEAR)).containsExactly(row);
        ObjectNode stored = store.read(Container.MEASURES, "answer_rate|fiscal_year", "answer_rate|fiscal_year|FY2025|").orElseThrow().body();
        assertThat(stored.get("grain").asText()).isEqualTo("fiscal_year");
        assertThat(stored.get("numerator").asText()).isEqualTo("12345678901234567.891");
        assertThat(stored.get("denominator").asText()).isEqualTo("3.000");
        assertThat(stored.get("periodStart").asText()).isEqualTo("2024-07-01");
        assertThat(stored.get("computedAt").asText()).isEqualTo("2025-03-16T08:00:00Z");
        assertThat(stored.get("meetsTarget").asBoolean()).isTrue();
    }

    @Test
    void recomputingTheSameFiguresWritesNothing() {
        List<MeasureRow> first = List.of(day("2025-03-14", "", "100", COMPUTED), day("2025-03-15", "", "80", COMPUTED));
        assertThat(measures.upsertAll(first)).isEqualTo(new Changes(2, 0, 0));

        Instant later = COMPUTED.plusSeconds(3600);
        assertThat(measures.upsertAll(List.of(day("2025-03-14", "", "100.0", later), day("2025-03-15", "", "80", later))))
                .isEqualTo(new Changes(0, 2, 0));
        assertThat(measures.read("contacts_handled", Grain.DAY)).extracting(MeasureRow::computedAt).containsOnly(COMPUTED);

        assertThat(measures.upsertAll(List.of(day("2025-03-14", "", "101", later), day("2025-03-15", "", "80", later))))
                .isEqualTo(new Changes(1, 1, 0));
        assertThat(measures.read("contacts_handled", Grain.DAY)).extracting(MeasureRow::value, MeasureRow::computedAt)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(new BigDecimal("101"), later),
                        org.assertj.core.groups.Tuple.tuple(new BigDecimal("80"), COMPUTED));
    }

    @Test
    void rowsReadBackByPeriodStartThenMember() {
        measures.upsertAll(List.of(day("2025-03-15", "phone", "1", COMPUTED), day("2025-03-14", "web", "2", COMPUTED),
                day("2025-03-15", "email", "3", COMPUTED), day("2025-03-14", "email", "4", COMPUTED)));

        assertThat(measures.read("contacts_handled", Grain.DAY)).extracting(r -> r.period() + " " + r.member())
                .containsExactly("2025-03-14 email", "2025-03-14 web", "2025-03-15 email", "2025-03-15 phone");
        assertThat(measures.read("contacts_handled", Grain.MONTH)).isEmpty();
    }

    @Test
    void replacingPeriodsDeletesMembersNoLongerProducedAndLeavesOtherPeriods() {
        measures.upsertAll(List.of(day("2025-03-14", "email", "4", COMPUTED), day("2025-03-14", "web", "2", COMPUTED),
                day("2025-03-15", "web", "9", COMPUTED)));

        Changes changes = measures.replacePeriods("contacts_handled", Grain.DAY, Set.of("2025-03-14"),
                List.of(day("2025-03-14", "email", "5", COMPUTED)));

        assertThat(changes).isEqualTo(new Changes(1, 0, 1));
        assertThat(measures.read("contacts_handled", Grain.DAY)).extracting(r -> r.period() + " " + r.member() + " " + r.value())
                .containsExactly("2025-03-14 email 5", "2025-03-15 web 9");
        assertThatThrownBy(() -> measures.replacePeriods("contacts_handled", Grain.DAY, Set.of("2025-03-14"),
                List.of(day("2025-03-16", "web", "1", COMPUTED)))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ledgerEntriesAreFoundAndListedAcrossMonths() {
        LedgerEntry april = entry("2025-04~c", "2025-04-01T00:00:00Z");
        LedgerEntry marchLate = entry("2025-03~b", "2025-03-31T23:59:59Z");
        LedgerEntry marchEarly = entry("2025-03~a", "2025-03-02T10:00:00Z");
        ledger.save(april);
        ledger.save(marchLate);
        ledger.save(marchEarly);

        assertThat(ledger.find("2025-03~b")).contains(marchLate);
        assertThat(ledger.find("2025-03~zzz")).isEmpty();
        assertThat(ledger.months()).containsExactly(YearMonth.of(2025, 3), YearMonth.of(2025, 4));
        assertThat(ledger.list(YearMonth.of(2025, 1))).containsExactly(marchEarly, marchLate, april);
        assertThat(ledger.list(YearMonth.of(2025, 4))).containsExactly(april);
        assertThat(ledger.list(YearMonth.of(2025, 5))).isEmpty();

        ObjectNode stored = store.read(Container.LEDGER, "2025-04", "2025-04~c").orElseThrow().body();
        assertThat(stored.get("status").asText()).isEqualTo("ingested");
        assertThat(stored.get("source").asText()).isEqualTo("avaya");
        assertThat(stored.get("format").asText()).isEqualTo("delimited");
        assertThat(stored.get("landedAt").asText()).isEqualTo("2025-04-01T00:00:00Z");
        assertThat(stored.at("/errors/0/column").asText()).isEqualTo("ACD Calls");
    }

    @Test
    void savingAnEntryAgainReplacesIt() {
        LedgerEntry first = entry("2025-03~a", "2025-03-02T10:00:00Z");
        ledger.save(first);
        LedgerEntry redone = new LedgerEntry(first.dropId(), first.path(), first.etag(), first.contentHash(), first.size(),
                first.source(), first.format(), first.landedAt(), DropStatus.QUARANTINED, 10, 0, 10, List.of(), null, null,
                null, null, "quarantine/x.csv", first.processedAt(), 40, "too many bad rows");
        ledger.save(redone);
        assertThat(ledger.list(YearMonth.of(2025, 3))).containsExactly(redone);
    }

    @Test
    void aDropIdFromAnotherMonthIsRefused() {
        assertThatThrownBy(() -> ledger.save(entry("2025-02~a", "2025-03-02T10:00:00Z"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void latestLandingIsTheNewestDrop() {
        assertThat(ledger.latestLanding()).isEmpty();
        ledger.save(entry("2025-04~c", "2025-04-03T00:00:00Z"));
        ledger.save(entry("2025-04~d", "2025-04-09T12:00:00Z"));
        ledger.save(entry("2025-03~a", "2025-03-30T00:00:00Z"));
        assertThat(ledger.latestLanding()).contains(Instant.parse("2025-04-09T12:00:00Z"));
    }

    @Test
    void concurrentClaimsOfOneContentHaveExactlyOneWinner() throws Exception {
        List<String> drops = List.of("2025-03~d0", "2025-03~d1", "2025-03~d2", "2025-03~d3", "2025-03~d4", "2025-03~d5");
        List<String> winners = new java.util.ArrayList<>();
        List<Boolean> wins = LakeContract.race(drops.size(), i -> {
            String winner = new LedgerRepository(store).claimContent(HASH_A, drops.get(i));
            synchronized (winners) {
                winners.add(winner);
            }
            return winner.equals(drops.get(i));
        });

        assertThat(wins).containsOnlyOnce(true);
        String winner = drops.get(wins.indexOf(true));
        assertThat(winners).containsOnly(winner);
        assertThat(ledger.claimContent(HASH_A.toUpperCase(), "2025-04~late")).isEqualTo(winner);
        assertThat(ledger.claimContent("b".repeat(64), "2025-04~other")).isEqualTo("2025-04~other");

        assertThat(ledger.findByContentHash(HASH_A)).isEmpty(); // claimed, but its entry is not saved yet
        LedgerEntry saved = entry(winner, "2025-03-05T00:00:00Z");
        ledger.save(saved);
        assertThat(ledger.findByContentHash(HASH_A)).contains(saved);
        assertThatThrownBy(() -> ledger.claimContent("not-a-hash", "2025-03~x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void concurrentWritersInNewMonthsLoseNoMonth() throws Exception {
        int writers = 8;
        LakeContract.race(writers, i -> {
            // A repository per writer: like separate processes, none knows what the others registered.
            new LedgerRepository(store).save(entry(String.format("2024-%02d~w%d", i + 1, i), String.format("2024-%02d-10T00:00:00Z", i + 1)));
            return true;
        });

        Set<YearMonth> expected = new HashSet<>();
        for (int m = 1; m <= writers; m++) {
            expected.add(YearMonth.of(2024, m));
        }
        assertThat(ledger.months()).containsExactlyInAnyOrderElementsOf(expected).isSorted();
        assertThat(ledger.list(YearMonth.of(2024, 1))).hasSize(writers);
    }
}
