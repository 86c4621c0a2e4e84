package org.measures311.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.measures311.app.Application;
import org.measures311.config.Settings;
import org.measures311.store.DocumentStore;
import org.measures311.store.azure.CosmosDocumentStore;
import org.measures311.store.embedded.LocalLake;
import org.measures311.testing.CosmosFaultProxy;
import org.measures311.testing.CosmosFaultProxy.Fault;
import org.measures311.testing.Emulators;

/**
 * Cosmos faults at the SDK boundary (429 with retry-after, 503, 408 after the write was done) during ingest and
 * recompute: the store's and the SDK's retries absorb them, and the stored state is exactly that of a fault-free
 * run over the same landing files.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class CosmosFaultsIT {
    /** Every 4th document request fails: a quarter of all reads and writes see a fault. */
    static final int FAULT_EVERY = 4;

    @Test
    void faultsDuringIngestAndRecomputeLeaveTheStateOfAFaultFreeRun(@TempDir Path folder) throws Exception {
        Path landing = folder.resolve("landing");
        MixedLanding.landEverything(landing);
        StoredState expected;
        try (Application reference = application(landing, folder.resolve("reference"),
                CosmosDocumentStore.connect(Emulators.cosmosEndpoint(), java.util.Optional.of(Emulators.cosmosKey()),
                        Emulators.uniqueName("faults-reference")))) {
            assertThat(MixedLanding.deliverLikeTheHost(reference)).as("failed deliveries without faults").isZero();
            reference.recompute().recomputeAll();
            expected = StoredState.of(reference);
        }
        assertThat(expected.measureRows()).hasSizeGreaterThan(100);

        try (CosmosFaultProxy proxy = CosmosFaultProxy.inFrontOfTheWireServer()) {
            var client = CosmosDocumentStore.clientBuilder(proxy.endpoint()).key(Emulators.cosmosKey())
                    .endpointDiscoveryEnabled(false).buildAsyncClient();
            try (Application faulty = application(landing, folder.resolve("faulty"),
                    new CosmosDocumentStore(client, proxy.endpoint(), Emulators.uniqueName("faults")))) {
                proxy.injectEvery(FAULT_EVERY);
                int failedDeliveries = MixedLanding.deliverLikeTheHost(faulty);
                int duringIngest = proxy.injectedTotal();
                faulty.recompute().recomputeAll();
                faulty.recompute().recomputePending();
                int duringRecompute = proxy.injectedTotal() - duringIngest;
                proxy.injectEvery(0);
                StoredState actual = StoredState.of(faulty);

                assertThat(actual.ledger()).containsExactlyElementsOf(expected.ledger());
                assertThat(actual.curatedFacts()).isEqualTo(expected.curatedFacts());
                assertThat(actual.measureRows()).containsExactlyElementsOf(expected.measureRows());
                assertThat(failedDeliveries).as("deliveries the host would have had to retry").isZero();
                for (Fault fault : Fault.values()) {
                    assertThat(proxy.injected(fault)).as(fault.name()).isPositive();
                }
                assertThat(duringIngest).as("faults during ingest").isGreaterThan(20);
                assertThat(duringRecompute).as("faults during recompute").isGreaterThan(20);
                System.out.printf("CosmosFaultsIT: %d faults injected (%d during ingest, %d during recompute): %s%n",
                        proxy.injectedTotal(), duringIngest, duringRecompute,
                        java.util.Arrays.stream(Fault.values()).map(f -> f + "=" + proxy.injected(f)).toList());
            } finally {
                client.close();
            }
        }
    }

    private static Application application(Path landing, Path state, DocumentStore documents) {
        return new Application(Settings.defaults(), new Application.Stores(new LocalLake(landing),
                new LocalLake(state.resolve("curated")), new LocalLake(state.resolve("quarantine")), documents), EmbeddedRun.CLOCK);
    }
}
