package org.measures311.reliability;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.measures311.app.Application;
import org.measures311.app.StoreFactory;
import org.measures311.config.Settings;
import org.measures311.ingest.LedgerEntry;
import org.measures311.testing.Emulators;

/**
 * The product over {@code StoreFactory.azure(settings)} with the settings pointing at the emulators (Azurite's blob
 * service, the Cosmos wire server), exactly as the Functions app builds it from its environment. Each run gets its
 * own curated and quarantine containers and its own Cosmos database; runs may share a landing container, so that
 * they see the same blobs (same ETags and creation times, hence the same drop ids).
 */
final class AzureRun implements AutoCloseable {
    final String landingContainer;
    final Application app;

    private AzureRun(String landingContainer, Clock clock) {
        this.landingContainer = landingContainer;
        Settings settings = Settings.fromEnvironment(environment(landingContainer));
        this.app = new Application(settings, StoreFactory.azure(settings), clock);
    }

    /** A run with a landing container of its own. */
    static AzureRun fresh() {
        return new AzureRun(Emulators.uniqueName("landing"), SteppingClock.start());
    }

    /** A run that reads the same landing container as {@code other}. */
    static AzureRun sharingLandingWith(AzureRun other) {
        return new AzureRun(other.landingContainer, SteppingClock.start());
    }

    static Map<String, String> environment(String landingContainer) {
        Map<String, String> env = new HashMap<>();
        env.put(Settings.STORAGE_CONNECTION, Emulators.azuriteConnectionString());
        env.put(Settings.LANDING_CONTAINER, landingContainer);
        env.put(Settings.CURATED_CONTAINER, Emulators.uniqueName("curated"));
        env.put(Settings.QUARANTINE_CONTAINER, Emulators.uniqueName("quarantine"));
        env.put(Settings.COSMOS_ENDPOINT, Emulators.cosmosEndpoint());
        env.put(Settings.COSMOS_KEY, Emulators.cosmosKey());
        env.put(Settings.COSMOS_DATABASE, Emulators.uniqueName("reliability"));
        return env;
    }

    void land(String path, byte[] bytes) throws IOException {
        app.stores().landing().write(path, bytes);
    }

    LedgerEntry landAndIngest(String path, byte[] bytes) throws IOException {
        land(path, bytes);
        return app.ingestor().ingest(path);
    }

    @Override
    public void close() {
        app.close();
    }

    /**
     * Processing time that moves on by a second at every reading, from 2025-09-01 12:00 UTC: the recompute
     * watermark sees later drops as new, and the readers' "not in the future" day stays 2025-09-01.
     */
    static final class SteppingClock extends Clock {
        private final AtomicLong seconds;

        private SteppingClock(long startSecond) {
            this.seconds = new AtomicLong(startSecond);
        }

        static SteppingClock start() {
            return new SteppingClock(EmbeddedRun.CLOCK.instant().getEpochSecond());
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochSecond(seconds.getAndIncrement());
        }
    }
}
