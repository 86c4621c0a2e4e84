package org.measures311.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The {@code ./measures311} commands as a new user runs them, on a small landing folder made here. */
class MainTest {
    /** Two days of one 311 skill and one other skill; the other is not on the list. */
    static final String CMS = """
            Date,Split/Skill,ACD Calls,Aban Calls
            7/1/2025,101 - General,30,4
            7/1/2025,210 - Internal,9,1
            7/2/2025,101 - General,20,0
            """;

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private Main main() {
        return new Main(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), Map.of());
    }

    private Path landing() throws Exception {
        Path landing = dir.resolve("landing");
        Files.createDirectories(landing.resolve("avaya"));
        Files.createDirectories(landing.resolve("reference"));
        Files.writeString(landing.resolve("avaya/cms.csv"), CMS);
        Files.writeString(landing.resolve("reference/skills.csv"), "skill\n101\n");
        return landing;
    }

    @Test
    void runWritesEveryRowAsCsvWithTheContractHeader() throws Exception {
        Path rows = dir.resolve("out/rows.csv");
        int code = main().run(List.of("run", "--landing", landing().toString(), "--state", dir.resolve("state").toString(),
                "--out", rows.toString()));

        assertThat(code).as(err.toString()).isZero();
        List<String> lines = Files.readAllLines(rows);
        assertThat(lines.get(0)).isEqualTo("measure,grain,period,dimension,member,value,numerator,denominator");
        // By hand: 7/1 = 30 - 4 = 26 (skill 210 is not listed), 7/2 = 20 - 0 = 20; July, 2025 and FY2026 = 46.
        assertThat(lines).contains(
                "contacts_handled,day,2025-07-01,channel,phone,26,26,",
                "contacts_handled,day,2025-07-02,channel,phone,20,20,",
                "contacts_handled,month,2025-07,channel,phone,46,46,",
                "contacts_handled,year,2025,channel,phone,46,46,",
                "contacts_handled,fiscal_year,FY2026,channel,phone,46,46,");
        assertThat(out.toString()).contains("ingested").contains("avaya/cms.csv").contains("Wrote ");
    }

    @Test
    void runTwiceOnTheSameStateGivesTheSameRows() throws Exception {
        Path landing = landing();
        Path state = dir.resolve("state");
        assertThat(main().run(List.of("run", "--landing", landing.toString(), "--state", state.toString(),
                "--out", dir.resolve("a.csv").toString()))).isZero();
        assertThat(main().run(List.of("run", "--landing", landing.toString(), "--state", state.toString(),
                "--out", dir.resolve("b.csv").toString()))).isZero();
        assertThat(Files.readString(dir.resolve("b.csv"))).isEqualTo(Files.readString(dir.resolve("a.csv")));
    }

    @Test
    void aMissingLandingFolderIsAClearErrorNotAStackTrace() {
        int code = main().run(List.of("run", "--landing", dir.resolve("nope").toString()));
        assertThat(code).isEqualTo(Main.EXIT_USAGE);
        assertThat(err.toString()).contains("does not exist").doesNotContain("Exception");
    }

    @Test
    void unknownCommandsAndOptionsPrintTheUsage() {
        assertThat(main().run(List.of("serve", "--prot", "1"))).isEqualTo(Main.EXIT_USAGE);
        assertThat(err.toString()).contains("Unknown option --prot").contains("Usage: ./measures311");
        assertThat(main().run(List.of("--help"))).isZero();
        assertThat(out.toString()).contains("Usage: ./measures311");
    }

    @Test
    @Timeout(60)
    void serveAnswersOnLoopbackAndPicksUpNewFiles() throws Exception {
        Path landing = landing();
        AtomicInteger exit = new AtomicInteger(-1);
        Thread server = new Thread(() -> exit.set(main().run(List.of("serve", "--landing", landing.toString(),
                "--state", dir.resolve("state").toString(), "--port", "0"))));
        server.start();
        try {
            String base = awaitBaseUrl();
            assertThat(base).startsWith("http://127.0.0.1:");
            HttpClient http = HttpClient.newHttpClient();
            assertThat(get(http, base + "/health").statusCode()).isEqualTo(200);
            assertThat(get(http, base + "/measures/contacts_handled/values?grain=month&member=phone").body())
                    .contains("\"2025-07\"").contains("46");

            Files.writeString(landing.resolve("avaya/cms_0703.csv"), "Date,Split/Skill,ACD Calls,Aban Calls\n7/3/2025,101,11,1\n");
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            String body = "";
            while (System.nanoTime() < deadline && !body.contains("2025-07-03")) {
                Thread.sleep(500);
                body = get(http, base + "/measures/contacts_handled/values?grain=day&member=phone").body();
            }
            assertThat(body).contains("2025-07-03");
        } finally {
            server.interrupt();
            server.join(20_000);
        }
        assertThat(exit.get()).isZero();
        assertThat(out.toString()).contains("measures311 stopped.");
    }

    /**
     * Ctrl-C (SIGTERM here) on {@code ./measures311 serve} in its own JVM, as the script starts it: the server and
     * the stores are closed and the process ends promptly, well inside the shutdown hook's
     * {@value Main#STOP_LIMIT_SECONDS} s limit (it used to wait that limit out every time).
     */
    @Test
    @Timeout(90)
    void serveStopsPromptlyOnSigterm() throws Exception {
        Path landing = landing();
        String javaCommand = ProcessHandle.current().info().command().orElse("java");
        Process serve = new ProcessBuilder(javaCommand, "--add-opens=java.base/java.nio=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "serve", "--landing", landing.toString(), "--state", dir.resolve("state").toString(), "--port", "0")
                .redirectErrorStream(true).start();
        StringBuffer printed = new StringBuffer();
        Thread reader = new Thread(() -> {
            try (var lines = serve.inputReader(StandardCharsets.UTF_8)) {
                lines.lines().forEach(line -> printed.append(line).append('\n'));
            } catch (IOException | UncheckedIOException ended) {
                // the process is gone
            }
        });
        reader.start();
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            // "Watching" is printed once the server is up and the stop hook is in place.
            while (!printed.toString().contains("Watching ") && serve.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(printed.toString()).as("serve started").contains("serving http://").contains("Watching ");

            // SIGTERM (Ctrl-C's SIGINT runs the same hooks) through the handle: Process.destroy() would also close
            // our end of the child's output, and the lines it prints while stopping would be lost.
            serve.toHandle().destroy();
            boolean ended = serve.waitFor(Main.STOP_LIMIT_SECONDS - 3, TimeUnit.SECONDS);
            assertThat(ended).as("ended before the hook's limit; printed:%n%s", printed).isTrue();
            reader.join(5_000);
            assertThat(printed.toString()).contains("measures311 stopped.");
        } finally {
            serve.destroyForcibly();
        }
    }

    private String awaitBaseUrl() throws InterruptedException {
        Pattern serving = Pattern.compile("serving (http://\\S+?)/ ");
        for (int i = 0; i < 300; i++) {
            Matcher m = serving.matcher(out.toString());
            if (m.find()) {
                return m.group(1);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("serve did not start: " + out + err);
    }

    private static HttpResponse<String> get(HttpClient http, String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
