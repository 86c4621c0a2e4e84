package org.measures311.measures;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.measures311.facts.CurrentStateBuilder;
import org.measures311.facts.FactsSnapshot;

/**
 * The golden dataset (GoldenDataset) against values worked out by hand in src/test/resources/golden/README.md
 * and listed in expected.csv. Range: 2025-03-01 to 2025-11-30, America/Los_Angeles, fiscal year from July.
 */
class MeasureEngineGoldenTest {
    static final ProgramCalendar CALENDAR = new ProgramCalendar(ZoneId.of("America/Los_Angeles"), 7);
    static final LocalDate FROM = LocalDate.parse("2025-03-01");
    static final LocalDate TO = LocalDate.parse("2025-11-30");
    static final Instant COMPUTED_AT = Instant.parse("2025-12-01T08:00:00Z");

    static GoldenDataset golden;
    static List<MeasureRow> rows;

    record Expected(String measure, String grain, String period, String member, String value, String numerator,
                    String denominator, String target, String meetsTarget) {
        String key() {
            return measure + "|" + grain + "|" + period + "|" + member;
        }
    }

    @BeforeAll
    static void computeGolden() throws IOException {
        golden = new GoldenDataset();
        FactsSnapshot facts = new CurrentStateBuilder(golden.lake).build(golden.drops);
        rows = new MeasureEngine(Catalog.standard(), CALENDAR).compute(facts, FROM, TO, COMPUTED_AT);
    }

    static List<Expected> expected() throws IOException {
        try (InputStream in = MeasureEngineGoldenTest.class.getResourceAsStream("/golden/expected.csv")) {
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().skip(1).toList();
            List<Expected> out = new ArrayList<>();
            for (String line : lines) {
                String[] c = line.split(",", -1);
                out.add(new Expected(c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], c[8]));
            }
            return out;
        }
    }

    static Optional<MeasureRow> row(String measure, Grain grain, String period, String member) {
        return rows.stream().filter(r -> r.measure().equals(measure) && r.grain() == grain
                && r.period().equals(period) && r.member().equals(member)).findFirst();
    }

    static String key(MeasureRow r) {
        return r.measure() + "|" + r.grain().code() + "|" + r.period() + "|" + r.member();
    }

    @Test
    void everyExpectedRowHasTheHandComputedFigures() throws IOException {
        List<Expected> expected = expected();
        assertThat(expected).hasSizeGreaterThan(150);
        for (Expected e : expected) {
            MeasureRow r = row(e.measure(), Grain.ofCode(e.grain()).orElseThrow(), e.period(), e.member())
                    .orElseThrow(() -> new AssertionError("no row " + e.key()));
            assertThat(r.value().toPlainString()).as("value of " + e.key()).isEqualTo(e.value());
            assertThat(r.numerator().toPlainString()).as("numerator of " + e.key()).isEqualTo(e.numerator());
            assertThat(r.denominator() == null ? "" : r.denominator().toPlainString())
                    .as("denominator of " + e.key()).isEqualTo(e.denominator());
            assertThat(r.target()).as("target of " + e.key())
                    .isEqualTo(e.target().isEmpty() ? null : Double.valueOf(e.target()));
            assertThat(r.meetsTarget()).as("meetsTarget of " + e.key())
                    .isEqualTo(e.meetsTarget().isEmpty() ? null : Boolean.valueOf(e.meetsTarget()));
        }
    }

    @Test
    void monthYearAndFiscalYearRowsAreExactlyTheExpectedOnes() throws IOException {
        Set<String> expectedKeys = expected().stream().filter(e -> !e.grain().equals("day")).map(Expected::key)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> actualKeys = rows.stream().filter(r -> r.grain() != Grain.DAY).map(MeasureEngineGoldenTest::key)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(actualKeys).isEqualTo(expectedKeys);
    }

    @Test
    void dayRowsExistOnlyOnDaysWithDataInsideTheRange() {
        Set<String> days = rows.stream().filter(r -> r.grain() == Grain.DAY).map(MeasureRow::period)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(days).containsExactly("2025-03-08", "2025-03-09", "2025-03-10", "2025-03-16", "2025-03-17",
                "2025-03-19", "2025-03-20", "2025-04-10", "2025-04-11", "2025-04-12", "2025-06-30", "2025-07-01",
                "2025-11-01");
    }

    @Test
    void zeroDenominatorsAndZeroCountsHaveNoRow() {
        // 2025-03-17: only the water-billing skill, which carries no answer, talk, ACW or service-level columns.
        assertThat(row("average_speed_of_answer", Grain.DAY, "2025-03-17", "")).isEmpty();
        assertThat(row("service_level", Grain.DAY, "2025-03-17", "")).isEmpty();
        assertThat(row("average_handle_time", Grain.DAY, "2025-03-17", "")).isEmpty();
        // Ticket 4 (2025-03-20) was answered only by a non-CSR: no email contact that day.
        assertThat(row("contacts_handled", Grain.DAY, "2025-03-20", "email")).isEmpty();
        // No calls in April; no handled tickets in April 2024, so no growth.
        assertThat(row("contacts_handled", Grain.MONTH, "2025-04", "phone")).isEmpty();
        assertThat(row("channel_mix", Grain.MONTH, "2025-04", "phone")).isEmpty();
        assertThat(row("contacts_handled_growth", Grain.MONTH, "2025-04", "")).isEmpty();
        assertThat(rows).noneMatch(r -> r.measure().equals("contacts_handled_growth") && r.grain() == Grain.DAY);
    }

    @Test
    void timeZoneBoundaryAtLocalMidnight() {
        // 06:30Z on 2025-03-20 is 23:30 PDT on the 19th; 07:30Z is 00:30 PDT on the 20th.
        assertThat(row("contacts_handled", Grain.DAY, "2025-03-19", "email")).isPresent();
        assertThat(row("contacts_handled", Grain.DAY, "2025-03-20", "webform")).isPresent();
        // 2025-07-01T06:59Z is still June 30 locally (FY2025); 07:00Z is July 1 (FY2026).
        assertThat(row("contacts_handled", Grain.DAY, "2025-06-30", "email")).isPresent();
        assertThat(row("contacts_handled", Grain.DAY, "2025-07-01", "webform")).isPresent();
    }

    @Test
    void rowsNameTheDropsBehindThem() {
        assertThat(row("acd_calls", Grain.DAY, "2025-03-10", "").orElseThrow().dropIds()).containsExactly("P1", "P2", "S2");
        assertThat(row("service_level", Grain.DAY, "2025-03-09", "").orElseThrow().dropIds()).containsExactly("P1", "S2");
        // A target from the targets table adds that table's drop.
        assertThat(row("service_level", Grain.MONTH, "2025-07", "").orElseThrow().dropIds())
                .containsExactly("G2", "P4", "S2");
        // Ticket row, the CSR-authored event that made it handled, the user record that made its author a CSR.
        assertThat(row("contacts_handled", Grain.DAY, "2025-03-19", "email").orElseThrow().dropIds())
                .containsExactly("K1", "U1", "V1");
        assertThat(row("contacts_handled", Grain.DAY, "2025-04-12", "email").orElseThrow().dropIds())
                .containsExactly("K1", "U1", "V2");
        assertThat(row("contacts_handled", Grain.DAY, "2025-04-12", "in_person").orElseThrow().dropIds())
                .containsExactly("K2", "U1", "V1");
        assertThat(row("online_response_within_24h", Grain.DAY, "2025-04-11", "").orElseThrow().dropIds())
                .containsExactly("K1", "U2", "V1");
        assertThat(row("csat", Grain.MONTH, "2025-03", "").orElseThrow().dropIds())
                .containsExactly("G2", "K1", "U1", "V1");
    }

    @Test
    void rowsCarryTheirPeriodDatesComputedAtAndNoFlagWhenASkillListLanded() {
        MeasureRow fy = row("contacts_handled", Grain.FISCAL_YEAR, "FY2025", "total").orElseThrow();
        assertThat(fy.periodStart()).isEqualTo(LocalDate.parse("2024-07-01"));
        assertThat(fy.periodEnd()).isEqualTo(LocalDate.parse("2025-06-30"));
        assertThat(fy.dimension()).isEqualTo("channel");
        assertThat(rows).allMatch(r -> r.computedAt().equals(COMPUTED_AT) && r.flags().isEmpty());
        assertThat(row("issue_share", Grain.YEAR, "2025", "Trash").orElseThrow().dimension()).isEqualTo("category");
        assertThat(row("csat", Grain.YEAR, "2025", "").orElseThrow().dimension()).isEmpty();
    }

    @Test
    void rowsAreSortedByCatalogOrderGrainPeriodStartAndMember() {
        List<String> catalogOrder = Catalog.standard().all().stream().map(MeasureDefinition::id).toList();
        assertThat(rows.stream().map(MeasureRow::measure).distinct().toList()).isEqualTo(catalogOrder);
        List<String> march = rows.stream().filter(r -> r.grain() == Grain.MONTH && r.period().equals("2025-03")
                && r.measure().equals("contacts_handled")).map(MeasureRow::member).toList();
        assertThat(march).containsExactly("phone", "email", "webform", "in_person", "total");
        List<String> issues = rows.stream().filter(r -> r.grain() == Grain.YEAR && r.measure().equals("issue_share"))
                .map(MeasureRow::member).toList();
        assertThat(issues).containsExactly("Parking", "Trash", "Water");
        List<Grain> grains = rows.stream().filter(r -> r.measure().equals("acd_calls")).map(MeasureRow::grain)
                .distinct().toList();
        assertThat(grains).containsExactly(Grain.DAY, Grain.MONTH, Grain.YEAR, Grain.FISCAL_YEAR);
    }

    @Test
    void withoutASkillListEveryCmsSkillCountsAndPhoneRowsAreFlagged() throws IOException {
        FactsSnapshot facts = new CurrentStateBuilder(golden.lake).build(golden.withoutSkillLists());
        List<MeasureRow> all = new MeasureEngine(Catalog.standard(), CALENDAR)
                .compute(facts, LocalDate.parse("2025-03-09"), LocalDate.parse("2025-03-20"), COMPUTED_AT);
        MeasureRow acd = all.stream().filter(r -> r.measure().equals("acd_calls") && r.period().equals("2025-03-09"))
                .findFirst().orElseThrow();
        // Skill 101 (100) + the non-311 skill 900 (50).
        assertThat(acd.value()).isEqualByComparingTo("150");
        assertThat(acd.flags()).containsExactly(MeasureRow.FLAG_ALL_SKILLS);
        assertThat(acd.dropIds()).containsExactly("P1");
        // 2025-03-16: 101 (40) + 102, no longer cut off by its valid_to (30) + water billing (10), minus 2 + 3 + 0 abandons.
        MeasureRow phone = all.stream().filter(r -> r.measure().equals("contacts_handled") && r.grain() == Grain.DAY
                && r.period().equals("2025-03-16") && r.member().equals("phone")).findFirst().orElseThrow();
        assertThat(phone.value()).isEqualByComparingTo("75");
        assertThat(phone.flags()).containsExactly(MeasureRow.FLAG_ALL_SKILLS);
        MeasureRow email = all.stream().filter(r -> r.measure().equals("contacts_handled") && r.grain() == Grain.DAY
                && r.period().equals("2025-03-19") && r.member().equals("email")).findFirst().orElseThrow();
        assertThat(email.flags()).isEmpty();
        assertThat(all).filteredOn(r -> r.measure().equals("csat")).allMatch(r -> r.flags().isEmpty());
    }
}
