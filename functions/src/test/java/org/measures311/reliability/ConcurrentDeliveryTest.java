package org.measures311.reliability;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.measures311.app.Application;
import org.measures311.config.Settings;
import org.measures311.store.embedded.EmbeddedDocumentStore;
import org.measures311.store.embedded.LocalLake;

/** The concurrency scenarios on the embedded stores (the local runner's), several rounds. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ConcurrentDeliveryTest {
    @Test
    void theSameBlobTwiceAndDropsForTheSameDayAtOnceEndInTheSerialState(@TempDir Path folder) throws Exception {
        Path landing = folder.resolve("landing");
        ConcurrentDeliveries.landSameDayDrops(landing);
        ConcurrentDeliveries.assertConcurrentEqualsSerial(name -> new Application(Settings.defaults(),
                new Application.Stores(new LocalLake(landing), new LocalLake(folder.resolve(name).resolve("curated")),
                        new LocalLake(folder.resolve(name).resolve("quarantine")),
                        new EmbeddedDocumentStore(folder.resolve(name).resolve("documents"))), EmbeddedRun.CLOCK), 5);
    }
}
