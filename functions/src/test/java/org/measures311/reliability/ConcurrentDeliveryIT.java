package org.measures311.reliability;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.measures311.app.Application;
import org.measures311.config.Settings;
import org.measures311.store.azure.CosmosDocumentStore;
import org.measures311.store.embedded.LocalLake;
import org.measures311.testing.Emulators;

/** The concurrency scenarios with the ledger, claims and locks on the Cosmos wire server (real ETags and 409s). */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ConcurrentDeliveryIT {
    @Test
    void theSameBlobTwiceAndDropsForTheSameDayAtOnceEndInTheSerialStateOnCosmos(@TempDir Path folder) throws Exception {
        Path landing = folder.resolve("landing");
        ConcurrentDeliveries.landSameDayDrops(landing);
        ConcurrentDeliveries.assertConcurrentEqualsSerial(name -> new Application(Settings.defaults(),
                new Application.Stores(new LocalLake(landing), new LocalLake(folder.resolve(name).resolve("curated")),
                        new LocalLake(folder.resolve(name).resolve("quarantine")),
                        CosmosDocumentStore.connect(Emulators.cosmosEndpoint(), Optional.of(Emulators.cosmosKey()),
                                Emulators.uniqueName("concurrent-" + name))), EmbeddedRun.CLOCK), 2);
    }
}
