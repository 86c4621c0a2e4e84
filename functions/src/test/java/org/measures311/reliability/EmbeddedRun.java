package org.measures311.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.measures311.app.Application;
import org.measures311.app.StoreFactory;
import org.measures311.config.Settings;
import org.measures311.ingest.LedgerEntry;

/**
 * The product over its embedded stores (landing folder, curated and quarantine folders, file document store), as
 * the local runner builds it, with landing times set by the test: a file's modification time is its landing
 * time, so two runs that land the same bytes at the same times get the same drop ids.
 */
final class EmbeddedRun implements AutoCloseable {
    /** Processing time of every run: the Avaya reader refuses dates after this day plus one. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-09-01T12:00:00Z"), ZoneOffset.UTC);

    final Path landingFolder;
    final Application app;

    EmbeddedRun(Path folder) {
        this(folder, Settings.defaults());
    }

    EmbeddedRun(Path folder, Settings settings) {
        this.landingFolder = folder.resolve("landing");
        this.app = new Application(settings, StoreFactory.embedded(landingFolder, folder.resolve("state")), CLOCK);
    }

    /** Puts a file in the landing folder with the given landing time (the way a sync tool would). */
    void land(String path, byte[] bytes, Instant landedAt) {
        try {
            Path file = landingFolder.resolve(path);
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
            Files.setLastModifiedTime(file, FileTime.from(landedAt));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    LedgerEntry landAndIngest(String path, byte[] bytes, Instant landedAt) throws IOException {
        land(path, bytes, landedAt);
        return app.ingestor().ingest(path);
    }

    @Override
    public void close() {
        app.close();
    }
}
