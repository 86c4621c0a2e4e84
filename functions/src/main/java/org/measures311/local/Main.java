package org.measures311.local;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import org.measures311.app.Application;
import org.measures311.app.StoreFactory;
import org.measures311.config.InvalidSettingException;
import org.measures311.config.Settings;
import org.measures311.ingest.DropStatus;
import org.measures311.ingest.LedgerEntry;
import org.measures311.measures.Grain;
import org.measures311.measures.MeasureDefinition;
import org.measures311.measures.MeasureRow;
import org.measures311.measures.RecomputeSummary;
import org.measures311.store.LakeFile;

/**
 * {@code ./measures311}: the product on one machine with no cloud account. The landing zone is a folder, the
 * curated zone, quarantine and document store live under the state folder, and the HTTP routes are the function
 * app's own, served by {@link LocalHttpServer} (netty).
 */
public final class Main {
    static final int EXIT_USAGE = 2;
    static final int EXIT_FAILED = 1;
    /** How long Ctrl-C waits for {@code serve} to close the server and the stores before the JVM halts anyway. */
    static final int STOP_LIMIT_SECONDS = 10;

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> environment;

    Main(PrintStream out, PrintStream err, Map<String, String> environment) {
        this.out = out;
        this.err = err;
        this.environment = environment;
    }

    public static void main(String[] args) {
        quietLibraries();
        System.exit(new Main(System.out, System.err, System.getenv()).run(List.of(args)));
    }

    int run(List<String> args) {
        CommandLine cl;
        try {
            cl = CommandLine.parse(args);
        } catch (CommandLine.UsageException e) {
            if (e.getMessage() != null) {
                err.println(e.getMessage());
                err.println();
            }
            (e.getMessage() == null ? out : err).print(CommandLine.USAGE);
            return e.getMessage() == null ? 0 : EXIT_USAGE;
        }
        try {
            Settings settings = Settings.fromEnvironment(environment);
            return switch (cl.command()) {
                case "run" -> runOnce(cl, settings);
                case "serve" -> serve(cl, settings);
                case "recompute" -> recompute(cl, settings);
                default -> EXIT_USAGE;
            };
        } catch (CommandLine.UsageException e) {
            err.println(e.getMessage());
            return EXIT_USAGE;
        } catch (InvalidSettingException e) {
            err.println(e.getMessage());
            return EXIT_USAGE;
        } catch (Exception e) {
            err.println("measures311 " + cl.command() + " failed: " + e);
            return EXIT_FAILED;
        }
    }

    private int runOnce(CommandLine cl, Settings settings) throws Exception {
        Path landing = landingFolder(Path.of(cl.required("landing")));
        Path state = cl.path("state", ".measures311");
        try (Application app = new Application(settings, StoreFactory.embedded(landing, state), Clock.systemUTC())) {
            ingestAll(app);
            RecomputeSummary summary = app.recompute().recomputeAll();
            out.println(summary.describe());
            Path target = cl.path("out", "measures.csv");
            int rows = writeCsv(app, target);
            out.println("Wrote " + rows + " measure rows to " + target.toAbsolutePath());
            return 0;
        }
    }

    private int recompute(CommandLine cl, Settings settings) throws Exception {
        LocalDate from = date(cl, "from");
        LocalDate to = date(cl, "to");
        if (to.isBefore(from)) {
            err.println("--to " + to + " is before --from " + from + ".");
            return EXIT_USAGE;
        }
        Path state = cl.path("state", ".measures311");
        Path landing = state.resolve("no-landing");
        try (Application app = new Application(settings, StoreFactory.embedded(landing, state), Clock.systemUTC())) {
            out.println(app.recompute().recompute(from, to).describe());
            return 0;
        }
    }

    private int serve(CommandLine cl, Settings settings) throws Exception {
        Path landing = landingFolder(cl.path("landing", "samples/landing"));
        Path state = cl.path("state", ".measures311");
        // Ctrl-C runs the hook: it stops the polling and waits until the server and the stores are closed. It waits
        // for this latch, not for the thread to end: after serve returns, main calls System.exit, which blocks
        // while the hooks run, so joining the thread would always wait out the hook's time limit.
        CountDownLatch closed = new CountDownLatch(1);
        try {
            try (Application app = new Application(settings, StoreFactory.embedded(landing, state), Clock.systemUTC())) {
                ingestAll(app);
                out.println(app.recompute().recomputeAll().describe());
                try (LocalService service = LocalService.start(app, cl.option("bind").orElse("127.0.0.1"),
                        cl.integer("port", 7071), out)) {
                    Thread hook = stopHook(Thread.currentThread(), closed);
                    Runtime.getRuntime().addShutdownHook(hook);
                    try {
                        service.watchLanding(this::ingestAll);
                    } finally {
                        removeHook(hook);
                    }
                }
            }
            out.println("measures311 stopped.");
        } finally {
            closed.countDown();
        }
        return 0;
    }

    /** Ingests every landing file not yet in the ledger and prints one line per drop and a tally. */
    int ingestAll(Application app) throws IOException {
        Map<DropStatus, Integer> tally = new EnumMap<>(DropStatus.class);
        int seen = 0;
        for (LakeFile file : app.stores().landing().list("")) {
            if (app.ingestor().isRecorded(file)) {
                continue;
            }
            LedgerEntry e = app.ingestor().ingest(file);
            seen++;
            tally.merge(e.status(), 1, Integer::sum);
            out.printf("%-11s %-48s %-22s read %7d  accepted %7d  rejected %5d  %s%n", e.status().code(), e.path(),
                    e.source().code(), e.rowsRead(), e.rowsAccepted(), e.rowsRejected(), e.message());
            for (var error : e.errors().subList(0, Math.min(3, e.errors().size()))) {
                out.println("            " + error);
            }
        }
        if (seen > 0) {
            out.println("Drops: " + tally);
        }
        return seen;
    }

    private static int writeCsv(Application app, Path target) throws IOException {
        int count = 0;
        Path parent = target.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (Writer w = Files.newBufferedWriter(target, StandardCharsets.UTF_8);
             MeasureRowsCsv csv = new MeasureRowsCsv(w)) {
            for (MeasureDefinition measure : app.catalog().all()) {
                for (Grain grain : measure.grains()) {
                    for (MeasureRow row : app.measureRows().read(measure.id(), grain)) {
                        csv.write(row);
                        count++;
                    }
                }
            }
        }
        return count;
    }

    private static Path landingFolder(Path landing) {
        if (!Files.isDirectory(landing)) {
            throw new CommandLine.UsageException("Landing folder " + landing.toAbsolutePath()
                    + " does not exist (or is not a folder).");
        }
        return landing;
    }

    /** Ctrl-C: interrupts {@code serving} (which stops polling and closes up), then waits for {@code closed}. */
    private static Thread stopHook(Thread serving, CountDownLatch closed) {
        return new Thread(() -> {
            serving.interrupt();
            try {
                closed.await(STOP_LIMIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "measures311-shutdown");
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The JVM is already running the hook: nothing to remove.
        }
    }

    private static LocalDate date(CommandLine cl, String name) {
        String v = cl.required(name);
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw new CommandLine.UsageException("--" + name + " must be a date like 2025-07-01, was '" + v + "'.");
        }
    }

    /** The Azure SDK and Arrow log at INFO by default; a command-line user wants the product's own lines. */
    private static void quietLibraries() {
        LogManager.getLogManager().reset();
        Logger root = Logger.getLogger("");
        java.util.logging.ConsoleHandler handler = new java.util.logging.ConsoleHandler();
        handler.setLevel(Level.WARNING);
        root.addHandler(handler);
        root.setLevel(Level.WARNING);
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    }
}
