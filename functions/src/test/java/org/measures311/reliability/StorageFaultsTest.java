package org.measures311.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.measures311.app.Application;
import org.measures311.config.Settings;
import org.measures311.store.Container;
import org.measures311.store.embedded.EmbeddedDocumentStore;
import org.measures311.store.embedded.LocalLake;

/**
 * Storage faults during ingest and recompute: a landing read that breaks off mid-file, a curated write that breaks
 * off half-way, a process killed between writing a drop's facts and its ledger entry, a curated read failing in
 * the middle of a recompute. After the host's retries the stored state is exactly that of a run without faults:
 * same ledger, same curated files (none half-written, none twice), same measure rows.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class StorageFaultsTest {
    @TempDir
    Path folder;
    private Path landing;
    private Outcome faultFree;

    /** What a run leaves: its stored state and the files of its curated and quarantine lakes. */
    record Outcome(StoredState state, List<String> curatedFiles, List<String> quarantineFiles) {
        static Outcome of(Application app) throws IOException {
            return new Outcome(StoredState.of(app), MixedLanding.files(app.stores().curated()),
                    MixedLanding.files(app.stores().quarantine()));
        }
    }

    /** The product over embedded stores, each wrapped in a fault-injecting decorator. */
    record Rig(Application app, FaultyLake landing, FaultyLake curated, FaultyDocumentStore documents) implements AutoCloseable {
        @Override
        public void close() {
            app.close();
        }
    }

    private Rig rig(String name) {
        Path state = folder.resolve(name);
        FaultyLake landingLake = new FaultyLake(new LocalLake(landing));
        FaultyLake curated = new FaultyLake(new LocalLake(state.resolve("curated")));
        FaultyDocumentStore documents = new FaultyDocumentStore(new EmbeddedDocumentStore(state.resolve("documents")));
        Application app = new Application(Settings.defaults(), new Application.Stores(landingLake, curated,
                new LocalLake(state.resolve("quarantine")), documents), EmbeddedRun.CLOCK);
        return new Rig(app, landingLake, curated, documents);
    }

    @BeforeEach
    void runWithoutFaults() throws Exception {
        landing = folder.resolve("landing");
        MixedLanding.landEverything(landing);
        try (Rig rig = rig("fault-free")) {
            assertThat(MixedLanding.deliverLikeTheHost(rig.app())).isZero();
            rig.app().recompute().recomputeAll();
            faultFree = Outcome.of(rig.app());
        }
        assertThat(faultFree.state().measureRows()).hasSizeGreaterThan(100);
        assertThat(faultFree.curatedFiles()).isNotEmpty();
    }

    private void assertSameAsFaultFree(Application app) throws IOException {
        Outcome actual = Outcome.of(app);
        assertThat(actual.state().ledger()).containsExactlyElementsOf(faultFree.state().ledger());
        assertThat(actual.state().curatedFacts()).isEqualTo(faultFree.state().curatedFacts());
        assertThat(actual.curatedFiles()).as("curated files: none half-written, none extra").isEqualTo(faultFree.curatedFiles());
        assertThat(actual.quarantineFiles()).isEqualTo(faultFree.quarantineFiles());
        assertThat(actual.state().measureRows()).containsExactlyElementsOf(faultFree.state().measureRows());
    }

    @Test
    void aLandingReadThatBreaksOffMidFileIsRetriedWithNothingLostOrDoubled() throws Exception {
        try (Rig rig = rig("read-faults")) {
            rig.landing().failReadsMidFile(path -> true, 1);
            int failed = MixedLanding.deliverLikeTheHost(rig.app());
            rig.app().recompute().recomputeAll();
            // Every file that is read at all (not the ignored ones, which are never opened) failed once.
            assertThat(failed).isEqualTo(rig.landing().faultsInjected()).isGreaterThan(20);
            assertSameAsFaultFree(rig.app());
            System.out.printf("RELIABILITY storage: %d landing reads broken off mid-file, all retried%n", failed);
        }
    }

    @Test
    void aCuratedWriteThatBreaksOffHalfWayLeavesNoHalfFileAndTheRetryCompletesIt() throws Exception {
        try (Rig rig = rig("write-faults")) {
            rig.curated().failWritesHalfWay(path -> true, 1);
            int failed = MixedLanding.deliverLikeTheHost(rig.app());
            rig.app().recompute().recomputeAll();
            assertThat(failed).isEqualTo(rig.curated().faultsInjected()).isGreaterThan(10);
            assertSameAsFaultFree(rig.app());
            System.out.printf("RELIABILITY storage: %d curated writes broken off half-way, all retried%n", failed);
        }
    }

    @Test
    void aProcessKilledBetweenFactsAndLedgerIsRetriedToTheSameState() throws Exception {
        try (Rig rig = rig("killed")) {
            rig.documents().killBeforeFirstUpsertOfEachDocumentInto(Container.LEDGER);
            int failed = MixedLanding.deliverLikeTheHost(rig.app());
            rig.app().recompute().recomputeAll();
            // Every drop died once just before its ledger entry: its curated file (or quarantine copy) was written.
            assertThat(failed).isEqualTo(rig.documents().kills()).isEqualTo(faultFree.state().ledger().size());
            assertSameAsFaultFree(rig.app());
            System.out.printf("RELIABILITY storage: %d deliveries killed between facts and ledger, all retried%n", failed);
        }
    }

    @Test
    void aCuratedReadFailingDuringRecomputeFailsTheRunAndTheRerunWritesTheSameRows() throws Exception {
        try (Rig rig = rig("recompute-read")) {
            assertThat(MixedLanding.deliverLikeTheHost(rig.app())).isZero();
            String juneFacts = rig.app().ledger().listAll().stream()
                    .filter(e -> e.path().equals("avaya/2025-06/avaya-june.txt")).findFirst().orElseThrow().curatedPath();
            rig.curated().failReadsMidFile(juneFacts::equals, 1);
            assertThatThrownBy(() -> rig.app().recompute().recomputeAll()).isInstanceOf(IOException.class)
                    .hasMessageContaining("injected");
            rig.app().recompute().recomputeAll();
            assertThat(rig.curated().faultsInjected()).isPositive();
            assertSameAsFaultFree(rig.app());
        }
    }
}
