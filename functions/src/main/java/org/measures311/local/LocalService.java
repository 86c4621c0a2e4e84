package org.measures311.local;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.measures311.app.Application;

/**
 * {@code ./measures311 serve}: the API on a local port, plus a watcher that ingests files added to the landing
 * folder while it runs and recomputes what they touch.
 */
final class LocalService implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(LocalService.class.getName());
    private static final long POLL_MILLIS = 2_000;

    /** Ingests the landing files the ledger does not know yet; returns how many there were. */
    @FunctionalInterface
    interface LandingScan {
        int ingestNew(Application app) throws IOException;
    }

    private final Application app;
    private final LocalHttpServer server;
    private final PrintStream out;
    private volatile boolean running = true;

    private LocalService(Application app, LocalHttpServer server, PrintStream out) {
        this.app = app;
        this.server = server;
        this.out = out;
    }

    static LocalService start(Application app, String bind, int port, PrintStream out) throws IOException {
        LocalHttpServer server = new LocalHttpServer(app.api(), InetAddress.getByName(bind),
                Math.max(4, 2 * Runtime.getRuntime().availableProcessors()));
        server.start(port);
        String base = server.baseUrl();
        out.println();
        out.println("measures311 is serving " + base + "/  (Ctrl-C to stop)");
        out.println("  catalog     " + base + "/measures");
        out.println("  values      " + base + "/measures/contacts_handled/values?grain=month");
        out.println("  as CSV      " + base + "/measures/contacts_handled/values?grain=month&format=csv");
        out.println("  scorecard   " + base + "/scorecard");
        out.println("  drops       " + base + "/drops");
        out.println("  OData       " + base + "/odata/MeasureValues  (Power BI: see docs/power-bi.md)");
        out.println("  health      " + base + "/health");
        return new LocalService(app, server, out);
    }

    /** Polls the landing folder until the process is stopped (its thread interrupted, or {@link #close}). */
    void watchLanding(LandingScan scan) {
        out.println("Watching " + app.stores().landing().describe() + " for new files.");
        while (running) {
            try {
                Thread.sleep(POLL_MILLIS);
                if (scan.ingestNew(app) > 0) {
                    out.println(app.recompute().recomputePending().describe());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                // A bad scan (file vanished mid-read, disk hiccup) must not stop the server: log and poll again.
                LOG.log(Level.WARNING, "Landing scan failed; will retry", e);
                out.println("Landing scan failed (" + e + "); retrying in " + POLL_MILLIS / 1000 + " s");
            }
        }
    }

    @Override
    public void close() {
        running = false;
        server.stop();
    }
}
