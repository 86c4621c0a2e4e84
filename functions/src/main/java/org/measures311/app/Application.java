package org.measures311.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Supplier;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.measures311.api.MeasuresApi;
import org.measures311.config.Settings;
import org.measures311.ingest.DropIngestor;
import org.measures311.ingest.DropReaders;
import org.measures311.measures.AnnualPublisher;
import org.measures311.measures.Catalog;
import org.measures311.measures.ProgramCalendar;
import org.measures311.measures.RecomputeService;
import org.measures311.store.DocumentStore;
import org.measures311.store.Lake;
import org.measures311.store.LedgerRepository;
import org.measures311.store.MeasureRowRepository;

/**
 * The composition root: builds the product's services over a set of stores. The Functions adapters, the local
 * runner and the integration tests all go through here, so they run the same classes with the same wiring and
 * differ only in the stores they pass in (Azure, embedded, or emulators).
 */
public final class Application implements AutoCloseable {
    private final Settings settings;
    private final Stores stores;
    private final BufferAllocator allocator;
    private final Catalog catalog;
    private final ProgramCalendar calendar;
    private final LedgerRepository ledger;
    private final MeasureRowRepository measureRows;
    private final DropIngestor ingestor;
    /*
     * Built on first use: a blob-triggered ingest needs none of them, and the API (with its OData service) is
     * most of the classes the composition root would otherwise load before the first drop is read.
     */
    private final Lazy<RecomputeService> recompute;
    private final Lazy<AnnualPublisher> publisher;
    private final Lazy<MeasuresApi> api;

    public Application(Settings settings, Stores stores, Clock clock) {
        this.settings = settings;
        this.stores = stores;
        this.allocator = new RootAllocator();
        this.catalog = Catalog.standard();
        this.calendar = new ProgramCalendar(settings.programTimeZone(), settings.fiscalYearStartMonth());
        this.ledger = new LedgerRepository(stores.documents());
        this.measureRows = new MeasureRowRepository(stores.documents());
        Path temp = tempDir();
        this.ingestor = new DropIngestor(stores.landing(), stores.curated(), stores.quarantine(), ledger,
                DropReaders.standard(), settings, allocator, clock, temp);
        this.recompute = new Lazy<>(() -> new RecomputeService(ledger, stores.curated(), measureRows,
                stores.documents(), catalog, calendar, clock));
        this.publisher = new Lazy<>(() -> new AnnualPublisher(ledger, measureRows, stores.documents(), catalog,
                calendar, clock));
        this.api = new Lazy<>(() -> ApiWiring.build(this, clock));
    }

    /** The stores an application runs over. Closing the application closes the document store. */
    public record Stores(Lake landing, Lake curated, Lake quarantine, DocumentStore documents) {
    }

    /** A value built once, on first use, by whichever thread asks first. */
    private static final class Lazy<T> {
        private final Supplier<T> build;
        private volatile T value;

        Lazy(Supplier<T> build) {
            this.build = build;
        }

        T get() {
            T v = value;
            if (v == null) {
                synchronized (this) {
                    v = value;
                    if (v == null) {
                        v = build.get();
                        value = v;
                    }
                }
            }
            return v;
        }
    }

    private static Path tempDir() {
        try {
            return Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"), "measures311"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("Cannot create a temporary folder for spooling drops", e);
        }
    }

    public Settings settings() {
        return settings;
    }

    public Stores stores() {
        return stores;
    }

    public Catalog catalog() {
        return catalog;
    }

    public ProgramCalendar calendar() {
        return calendar;
    }

    public LedgerRepository ledger() {
        return ledger;
    }

    public MeasureRowRepository measureRows() {
        return measureRows;
    }

    public DropIngestor ingestor() {
        return ingestor;
    }

    public RecomputeService recompute() {
        return recompute.get();
    }

    public AnnualPublisher publisher() {
        return publisher.get();
    }

    /** The HTTP API, the same for the Functions adapters and the local server. */
    public MeasuresApi api() {
        return api.get();
    }

    @Override
    public void close() {
        stores.documents().close();
        allocator.close();
    }
}
