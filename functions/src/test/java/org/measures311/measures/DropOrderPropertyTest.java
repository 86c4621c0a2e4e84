package org.measures311.measures;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.measures311.facts.CuratedDrop;
import org.measures311.facts.CurrentStateBuilder;

/**
 * Property: the rows depend only on the set of drops, never on the order they arrive in, and computing twice
 * gives identical rows.
 */
class DropOrderPropertyTest {
    private static final Instant COMPUTED_AT = Instant.parse("2025-12-01T08:00:00Z");
    private static final Set<String> ORDER_SENSITIVE = Set.of("P1", "P2", "K1", "K2", "V1", "V2");

    private final GoldenDataset golden = new GoldenDataset();
    private final MeasureEngine engine = new MeasureEngine(Catalog.standard(), MeasureEngineGoldenTest.CALENDAR);

    DropOrderPropertyTest() throws IOException {
    }

    private List<MeasureRow> compute(List<CuratedDrop> drops, LocalDate from, LocalDate to) throws IOException {
        return engine.compute(new CurrentStateBuilder(golden.lake).build(drops), from, to, COMPUTED_AT);
    }

    @Test
    void everyPermutationOfTheCorrectingDropsGivesTheSameRows() throws IOException {
        // The drops whose relative order decides a correction (phone re-export, ticket re-export, event re-export):
        // all 720 orders of them, placed first, then the others.
        List<CuratedDrop> sensitive = golden.drops.stream().filter(d -> ORDER_SENSITIVE.contains(d.dropId())).toList();
        List<CuratedDrop> others = golden.drops.stream().filter(d -> !ORDER_SENSITIVE.contains(d.dropId())).toList();
        LocalDate from = LocalDate.parse("2025-03-01");
        LocalDate to = LocalDate.parse("2025-04-30");
        List<MeasureRow> reference = compute(golden.drops, from, to);
        assertThat(reference).hasSizeGreaterThan(50);
        List<List<CuratedDrop>> permutations = new ArrayList<>();
        permute(new ArrayList<>(sensitive), 0, permutations);
        assertThat(permutations).hasSize(720);
        for (List<CuratedDrop> p : permutations) {
            List<CuratedDrop> drops = new ArrayList<>(p);
            drops.addAll(others);
            assertThat(compute(drops, from, to)).as("order " + drops.stream().map(CuratedDrop::dropId).toList())
                    .isEqualTo(reference);
        }
    }

    @Test
    void randomShufflesOfAllDropsGiveTheSameRows() throws IOException {
        LocalDate from = MeasureEngineGoldenTest.FROM;
        LocalDate to = MeasureEngineGoldenTest.TO;
        List<MeasureRow> reference = compute(golden.drops, from, to);
        Random random = new Random(311);
        for (int i = 0; i < 50; i++) {
            List<CuratedDrop> drops = new ArrayList<>(golden.drops);
            Collections.shuffle(drops, random);
            assertThat(compute(drops, from, to)).isEqualTo(reference);
        }
        List<CuratedDrop> reversed = new ArrayList<>(golden.drops);
        Collections.reverse(reversed);
        assertThat(compute(reversed, from, to)).isEqualTo(reference);
    }

    @Test
    void computingTwiceGivesIdenticalRows() throws IOException {
        var facts = new CurrentStateBuilder(golden.lake).build(golden.drops);
        List<MeasureRow> first = engine.compute(facts, MeasureEngineGoldenTest.FROM, MeasureEngineGoldenTest.TO, COMPUTED_AT);
        List<MeasureRow> second = engine.compute(facts, MeasureEngineGoldenTest.FROM, MeasureEngineGoldenTest.TO, COMPUTED_AT);
        assertThat(second).isEqualTo(first);
        for (int i = 0; i < first.size(); i++) {
            assertThat(second.get(i).sameFigures(first.get(i))).isTrue();
        }
    }

    private static void permute(List<CuratedDrop> items, int k, List<List<CuratedDrop>> out) {
        if (k == items.size()) {
            out.add(List.copyOf(items));
            return;
        }
        for (int i = k; i < items.size(); i++) {
            Collections.swap(items, k, i);
            permute(items, k + 1, out);
            Collections.swap(items, k, i);
        }
    }
}
