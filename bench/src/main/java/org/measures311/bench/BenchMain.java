package org.measures311.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.measures311.bench.generate.GeneratorSpec;
import org.measures311.bench.generate.LandingGenerator;
import org.measures311.bench.generate.LandingGenerator.GeneratedLanding;
import org.measures311.bench.ours.OurPipeline;
import org.measures311.bench.reference.CrossCheck;
import org.measures311.bench.reference.DuckDbReference;
import org.measures311.bench.reference.ReferenceRow;
import org.measures311.measures.MeasureRow;
import org.measures311.measures.ProgramCalendar;

/**
 * {@code ./measures311 bench}: generates a synthetic landing zone, runs our pipeline and DuckDB on the same
 * files in the same run, checks that both give the same numbers, and prints one table of medians and ratios.
 * Exit code 1 when the cross-check finds a difference (after printing what differs).
 */
public final class BenchMain {
    static final int API_CLIENTS = 50;
    static final int API_REQUESTS_PER_CLIENT = 200;
    static final int COLD_START_ROWS = 1000;
    /** Unmeasured load before the API figures: JIT and the first collections after serve's start-up recompute. */
    static final double API_WARM_UP_SECONDS = 5;
    /** The line {@code ./measures311 serve} prints when it listens, followed by the API root. */
    private static final String SERVING = "measures311 is serving ";

    private final BenchOptions options;
    private final DuckDbReference duckdb = new DuckDbReference(Runtime.getRuntime().availableProcessors());
    private final ProgramCalendar calendar = new ProgramCalendar(ZoneId.of("America/Los_Angeles"), 7);
    private final ResultTable table = new ResultTable();
    private final Path runs;

    BenchMain(BenchOptions options) {
        this.options = options;
        this.runs = options.work().resolve("runs");
    }

    public static void main(String[] args) throws Exception {
        LogManager.getLogManager().reset();
        Logger.getLogger("").setLevel(Level.OFF);
        BenchOptions options;
        try {
            options = BenchOptions.parse(List.of(args));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(BenchOptions.USAGE);
            System.exit(2);
            return;
        }
        System.exit(new BenchMain(options).run());
    }

    int run() throws Exception {
        long started = System.nanoTime();
        GeneratedLanding landing = landing();
        Path parquet = parquetOf(landing);
        log("  %,d tickets, %,d ticket rows, %,d event rows; events CSV %s, JSONL %s, Parquet %s", landing.tickets(),
                landing.ticketRows(), landing.eventRows(), mb(Files.size(landing.eventsCsv())),
                mb(Files.size(landing.eventsJsonl())), mb(Files.size(parquet)));

        IngestComparison ingest = new IngestComparison(runs, options.runs(), this::log);
        if (options.measures("csv")) {
            ingest.compare("events CSV ingest (parse, normalise, write curated)", landing.landing(), landing.eventsCsv(),
                    duckdb::ingestEventsCsv, landing.eventRows(), table);
        }
        if (options.measures("jsonl")) {
            ingest.compare("events JSON Lines ingest", landing.formats(), landing.eventsJsonl(), duckdb::ingestEventsJsonl,
                    landing.eventRows(), table);
        }
        if (options.measures("parquet")) {
            ingest.compare("events Parquet ingest", landing.formats(), parquet, duckdb::ingestEventsParquet,
                    landing.eventRows(), table);
        }
        if (options.measures("heap")) {
            heap(landing);
        }
        boolean crossCheckPassed = !options.measures("measures") || measuresAndApi(landing);
        if (options.measures("cold")) {
            coldStart(landing);
        }
        if (options.measures("ceiling")) {
            warmRead(landing.eventsCsv());
        }

        System.out.println();
        System.out.println(table.markdown());
        System.out.printf(Locale.ROOT, "Scale %s, %d runs per figure (median), %d cores, max heap %s, JDK %s; total %.0f s%n",
                options.scale(), options.runs(), Runtime.getRuntime().availableProcessors(),
                mb(Runtime.getRuntime().maxMemory()), System.getProperty("java.version"),
                Stats.seconds(System.nanoTime() - started));
        if (!options.keep()) {
            deleteTree(options.work());
        }
        return crossCheckPassed ? 0 : 1;
    }

    /**
     * The synthetic landing zone: generated afresh (work folder emptied first), or with {@code --reuse} the one
     * an earlier kept run generated there at the same scale.
     */
    private GeneratedLanding landing() throws Exception {
        GeneratorSpec spec = GeneratorSpec.ofScale(options.scale());
        if (options.reuse()) {
            var found = LandingGenerator.reuse(spec, options.work());
            if (found.isPresent()) {
                deleteTree(runs);
                Files.createDirectories(runs);
                log("Reusing the landing zone generated at scale %s in %s", options.scale(), options.work().toAbsolutePath());
                return found.get();
            }
        }
        deleteTree(options.work());
        Files.createDirectories(runs);
        log("Generating the landing zone at scale %s in %s", options.scale(), options.work().toAbsolutePath());
        GeneratedLanding landing = LandingGenerator.generate(spec, options.work());
        Path parquet = parquetOf(landing);
        duckdb.writeEventsParquet(landing.eventsCsv(), parquet);
        LandingGenerator.writeManifest(options.work(), landing, List.of(parquet));
        return landing;
    }

    private static Path parquetOf(GeneratedLanding landing) {
        return landing.formats().resolve("zendesk/ticket_events/ticket_events_" + landing.spec().year() + ".parquet");
    }

    /** The whole landing zone through both; recompute timed on both; cross-check; then the API over our rows. */
    private boolean measuresAndApi(GeneratedLanding landing) throws Exception {
        Path database = runs.resolve("reference-landing.duckdb");
        long t0 = System.nanoTime();
        duckdb.ingestLanding(landing, database);
        log("DuckDB: landing zone into its curated database in %.1f s", Stats.seconds(System.nanoTime() - t0));
        boolean passed;
        try (OurPipeline ours = new OurPipeline(landing.landing(), runs.resolve("state-full"))) {
            t0 = System.nanoTime();
            for (Path file : landing.filesInLandingOrder()) {
                ours.ingest(landing.landingPath(file));
            }
            log("ours: landing zone (%d drops) ingested in %.1f s", landing.filesInLandingOrder().size(),
                    Stats.seconds(System.nanoTime() - t0));
            List<Double> ourSeconds = new ArrayList<>();
            List<Double> duckSeconds = new ArrayList<>();
            List<MeasureRow> ourRows = null;
            List<ReferenceRow> reference = null;
            for (int r = 0; r < options.runs(); r++) {
                t0 = System.nanoTime();
                ourRows = ours.computeAll();
                ourSeconds.add(Stats.seconds(System.nanoTime() - t0));
                t0 = System.nanoTime();
                reference = duckdb.measures(database, calendar);
                duckSeconds.add(Stats.seconds(System.nanoTime() - t0));
                log("  recompute run %d: ours %.2f s (%d rows), DuckDB %.2f s (%d rows)", r + 1, ourSeconds.get(r),
                        ourRows.size(), duckSeconds.get(r), reference.size());
            }
            CrossCheck.Result check = CrossCheck.compare(OurPipeline.comparable(ourRows), reference);
            log(check.describe(30));
            double ourMedian = Stats.median(ourSeconds);
            double duckMedian = Stats.median(duckSeconds);
            table.add("recompute every measure at every grain (" + ourRows.size() + " rows)", secs(ourMedian),
                    secs(duckMedian), ratio(duckMedian / ourMedian) + " (DuckDB time / ours)", "<= 2 s and ratio > 1",
                    ResultTable.met(ourMedian <= 2 && duckMedian > ourMedian));
            table.add("cross-check: our rows = DuckDB rows, exact", check.matching() + " equal",
                    check.reference() + " rows", "", "0 differences",
                    check.passed() ? "yes" : "**FAILED: " + check.differences().size() + " differences**");
            passed = check.passed();
        }
        if (options.measures("api")) {
            // Our stores are closed: the server opens the same state folder in its own JVM.
            api(landing.landing(), runs.resolve("state-full"));
        }
        return passed;
    }

    /**
     * The API as {@code ./measures311 serve} runs it, in its own JVM over the state folder of the measures step
     * (it recomputes on start, then serves), loaded from this JVM by {@link ApiLoad}'s clients.
     */
    private void api(Path landingFolder, Path state) throws Exception {
        List<String> paths = List.of("/measures/contacts_handled/values?grain=month",
                "/measures/contacts_handled/values?grain=day&from=2025-03-01&to=2025-03-31",
                "/measures/online_response_within_24h/values?grain=month",
                "/measures/average_speed_of_answer/values?grain=fiscal_year");
        ApiLoad.Result r;
        try (ChildJvm.Running server = ChildJvm.start(org.measures311.local.Main.class.getName(),
                List.of("serve", "--landing", landingFolder.toString(), "--state", state.toString(), "--port", "0"),
                SERVING, 600)) {
            String url = server.readyLine().substring(SERVING.length()).trim().split(" ")[0];
            URI apiRoot = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
            log("API: server in its own JVM at %s", apiRoot);
            r = ApiLoad.run(apiRoot, API_CLIENTS, API_REQUESTS_PER_CLIENT, paths, API_WARM_UP_SECONDS, options.runs());
        }
        log("API: warm-up %.1f s, then %d rounds: %d requests, %d failures%s, p50 %.2f ms, p99 %.2f ms, %.0f req/s (medians)",
                r.warmUpSeconds(), r.rounds(), r.requests(), r.failures(),
                r.firstFailure() == null ? "" : " (first: " + r.firstFailure() + ")", r.p50Millis(), r.p99Millis(),
                r.requestsPerSecond());
        table.add("local API GET /measures/{id}/values: `./measures311 serve` in its own JVM, " + r.clients()
                        + " closed-loop keep-alive clients (netty, one thread, bench JVM), loopback; after "
                        + String.format(Locale.ROOT, "%.0f", r.warmUpSeconds()) + " s of the same load, median of "
                        + r.rounds() + " rounds of " + API_CLIENTS * API_REQUESTS_PER_CLIENT + " requests",
                String.format(Locale.ROOT, "p50 %.1f ms, p99 %.1f ms, %.0f req/s answered 200; %d of %d refused (%s)",
                        r.p50Millis(), r.p99Millis(), r.requestsPerSecond(), r.failures(), r.failures() + r.requests(),
                        r.firstFailure() == null ? "none" : r.firstFailure().replaceAll("(?s)^(\\S+ \\S+).*", "$1")),
                "", "", "p99 <= 20 ms", ResultTable.met(r.p99Millis() <= 20 && r.failures() == 0));
    }

    /** Peak heap while ingesting about 100 MB and the whole events file, each in a new JVM limited to 256 MB. */
    private void heap(GeneratedLanding landing) throws Exception {
        Path small = options.work().resolve("heap-small");
        Path smallFile = small.resolve("zendesk/ticket_events/events_tenth.csv");
        long smallBytes = copyHead(landing.eventsCsv(), smallFile, Files.size(landing.eventsCsv()) / 10);
        List<String> limit = List.of("-Xmx256m");
        List<String> results = new ArrayList<>();
        boolean allPassed = true;
        for (Path[] drop : List.of(new Path[] {small, smallFile}, new Path[] {landing.landing(), landing.eventsCsv()})) {
            Path state = runs.resolve("heap-" + results.size());
            ChildJvm.Outcome o = ChildJvm.run(limit, HeapProbe.class.getName(),
                    List.of(drop[0].toString(), drop[0].relativize(drop[1]).toString().replace('\\', '/'), state.toString()),
                    "probe ok");
            deleteTree(state);
            String size = mb(Files.size(drop[1]));
            if (o.passed()) {
                results.add(String.format("%s: live %s MB, used %s MB, RSS %s MB", size,
                        ChildJvm.value(o.resultLine(), "heapAfterGcPeakMb"), ChildJvm.value(o.resultLine(), "heapUsedPeakMb"),
                        ChildJvm.value(o.resultLine(), "rssPeakMb")));
                log("heap probe %s: %s", size, o.resultLine());
            } else {
                allPassed = false;
                results.add(size + ": FAILED with -Xmx256m (exit " + o.exitCode() + ")");
                log("heap probe %s failed (exit %d):%n%s", size, o.exitCode(), o.errorTail());
            }
        }
        table.add("peak Java heap ingesting events CSV, new JVM with -Xmx256m (" + mb(smallBytes) + " vs "
                        + mb(Files.size(landing.eventsCsv())) + ")", String.join("; ", results), "", "",
                "passes with 256 MB at both sizes", ResultTable.met(allPassed));
    }

    /** New JVM to the first parsed batch of a small drop, through the function code path. */
    private void coldStart(GeneratedLanding landing) throws Exception {
        Path small = options.work().resolve("cold-start");
        Path file = small.resolve("zendesk/ticket_events/events_" + COLD_START_ROWS + ".csv");
        copyLines(landing.eventsCsv(), file, COLD_START_ROWS + 1);
        List<Double> seconds = new ArrayList<>();
        List<Double> wholeIngest = new ArrayList<>();
        for (int r = 0; r < options.runs(); r++) {
            Path state = runs.resolve("cold-" + r);
            ChildJvm.Outcome o = ChildJvm.run(List.of(), ColdStartProbe.class.getName(),
                    List.of(small.toString(), small.relativize(file).toString().replace('\\', '/'), state.toString()),
                    ColdStartProbe.FIRST_BATCH, ColdStartProbe.INGESTED);
            deleteTree(state);
            if (!o.passed() || o.laterNanos() == 0) {
                throw new IllegalStateException("cold-start probe failed (exit " + o.exitCode() + "):\n" + o.errorTail());
            }
            seconds.add(Stats.seconds(o.wallNanos()));
            wholeIngest.add(Stats.seconds(o.laterNanos()));
        }
        double median = Stats.median(seconds);
        log("cold start runs: first batch %s, whole ingest %s", seconds, wholeIngest);
        table.add("cold start: new JVM to first parsed batch of a " + COLD_START_ROWS + "-row drop, function code path"
                        + " over embedded stores (and to the end of the whole ingest: curated write, ledger entry)",
                secs(median) + " (whole ingest " + secs(Stats.median(wholeIngest)) + ")", "", "",
                "<= 0.5 s", ResultTable.met(median <= 0.5));
    }

    /** The physical ceiling: reading the same file from the page cache, no parsing. */
    private void warmRead(Path file) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 20);
        List<Double> mbPerSecond = new ArrayList<>();
        for (int r = 0; r <= options.runs(); r++) {
            long t0 = System.nanoTime();
            long bytes = 0;
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                int n;
                while ((n = channel.read(buffer)) >= 0) {
                    bytes += n;
                    buffer.clear();
                }
            }
            if (r > 0) {
                mbPerSecond.add(bytes / 1e6 / Stats.seconds(System.nanoTime() - t0));
            }
        }
        table.add("warm-cache read of the events CSV (the ceiling)", String.format(Locale.ROOT, "%.0f MB/s",
                Stats.median(mbPerSecond)), "", "", "", "");
    }

    private static long copyHead(Path from, Path to, long approximateBytes) throws IOException {
        Files.createDirectories(to.getParent());
        try (InputStream in = Files.newInputStream(from); OutputStream out = Files.newOutputStream(to)) {
            byte[] head = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 16, approximateBytes));
            int end = head.length;
            while (end > 0 && head[end - 1] != '\n') {
                end--;
            }
            out.write(head, 0, end);
            return end;
        }
    }

    private static void copyLines(Path from, Path to, int lines) throws IOException {
        Files.createDirectories(to.getParent());
        try (Stream<String> s = Files.lines(from)) {
            Files.write(to, (Iterable<String>) s.limit(lines)::iterator);
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.0f MB", bytes / 1e6);
    }

    static String secs(double seconds) {
        return String.format(Locale.ROOT, "%.2f s", seconds);
    }

    static String ratio(double r) {
        return String.format(Locale.ROOT, "%.2f", r);
    }

    void log(String format, Object... args) {
        System.err.printf(Locale.ROOT, format + "%n", args);
    }
}
