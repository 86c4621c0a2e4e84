package org.measures311.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The local emulators the integration tests run against: Azurite's blob service and the Cosmos DB wire server
 * ({@code @vercel/cosmosdb-server}), both npm packages pinned in the root package-lock.json.
 *
 * <p>Each starts lazily, once per test JVM, on a free loopback port, and is stopped with its whole process tree
 * when the JUnit launcher session closes ({@link EmulatorSessionListener}) or, failing that, when the JVM exits (a
 * shutdown hook), so no server outlives the build even when tests fail. Tests keep out of each other's way by
 * naming their own containers and databases ({@link #uniqueName}).
 */
public final class Emulators {

    /** The public development-storage account Azurite serves (documented by Microsoft, not a secret). */
    public static final String AZURITE_ACCOUNT = "devstoreaccount1";
    public static final String AZURITE_KEY =
            "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    /** The public Cosmos DB emulator key (documented by Microsoft, not a secret; the wire server ignores it). */
    public static final String COSMOS_KEY =
            "C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==";

    private static final String LOOPBACK = "127.0.0.1";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final AtomicInteger NAMES = new AtomicInteger();
    private static final List<Process> STARTED = new ArrayList<>();
    private static Integer azuritePort;
    private static Integer cosmosPort;
    private static boolean hookInstalled;

    private Emulators() {
    }

    /** A connection string to Azurite's blob service, started on first use. */
    public static synchronized String azuriteConnectionString() {
        if (azuritePort == null) {
            Path bin = nodeModules().resolve(".bin").resolve("azurite-blob");
            azuritePort = start("azurite-blob", port -> List.of(bin.toString(), "--blobHost", LOOPBACK,
                    "--blobPort", Integer.toString(port), "--inMemoryPersistence", "--silent",
                    "--skipApiVersionCheck", "--disableTelemetry"));
        }
        return "DefaultEndpointsProtocol=http;AccountName=" + AZURITE_ACCOUNT + ";AccountKey=" + AZURITE_KEY
                + ";BlobEndpoint=http://" + LOOPBACK + ":" + azuritePort + "/" + AZURITE_ACCOUNT + ";";
    }

    /**
     * The Cosmos wire server's endpoint, started on first use. The SDK reaches it over TLS with certificate checks
     * off, which it allows only for loopback hosts and only with the system property set here (failsafe sets it too).
     */
    public static synchronized String cosmosEndpoint() {
        if (cosmosPort == null) {
            System.setProperty("COSMOS.EMULATOR_SERVER_CERTIFICATE_VALIDATION_DISABLED", "true");
            Path cli = nodeModules().resolve("@vercel/cosmosdb-server/lib/cli.js");
            cosmosPort = start("cosmosdb-server", port -> List.of("node", cli.toString(), "-p", Integer.toString(port),
                    "--host", LOOPBACK));
        }
        return "https://" + LOOPBACK + ":" + cosmosPort + "/";
    }

    public static String cosmosKey() {
        return COSMOS_KEY;
    }

    /**
     * A fresh name valid as a blob container and a Cosmos database name (lower case letters, digits, hyphens,
     * 3 to 63 characters).
     */
    public static String uniqueName(String purpose) {
        String clean = purpose.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        String suffix = NAMES.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8);
        String stem = clean.isEmpty() ? "t" : clean;
        return (stem.length() > 40 ? stem.substring(0, 40) : stem) + "-" + suffix;
    }

    /**
     * App settings that point the function app at the emulators, with containers and a database of its own (so
     * tests never see each other's data), as the Functions host would read them from the environment.
     */
    public static java.util.Map<String, String> appSettings(String purpose) {
        java.util.Map<String, String> env = new java.util.HashMap<>();
        env.put(org.measures311.config.Settings.STORAGE_CONNECTION, azuriteConnectionString());
        env.put(org.measures311.config.Settings.LANDING_CONTAINER, uniqueName(purpose + "-landing"));
        env.put(org.measures311.config.Settings.CURATED_CONTAINER, uniqueName(purpose + "-curated"));
        env.put(org.measures311.config.Settings.QUARANTINE_CONTAINER, uniqueName(purpose + "-quarantine"));
        env.put(org.measures311.config.Settings.COSMOS_ENDPOINT, cosmosEndpoint());
        env.put(org.measures311.config.Settings.COSMOS_KEY, cosmosKey());
        env.put(org.measures311.config.Settings.COSMOS_DATABASE, uniqueName(purpose));
        return java.util.Map.copyOf(env);
    }

    /** Stops every emulator this JVM started (process trees included). Safe to call more than once. */
    public static synchronized void stopAll() {
        for (Process process : STARTED) {
            stopTree(process);
        }
        STARTED.clear();
        azuritePort = null;
        cosmosPort = null;
    }

    /** The repository root: the failsafe-provided property, else the nearest folder above with a package.json. */
    public static Path repoRoot() {
        String configured = System.getProperty("measures311.repoRoot");
        if (configured != null && !configured.isBlank() && Files.isRegularFile(Path.of(configured, "package.json"))) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("package.json"))) {
                return dir;
            }
        }
        throw new IllegalStateException("cannot find the repository root (no package.json above "
                + Path.of("").toAbsolutePath() + "); set -Dmeasures311.repoRoot");
    }

    private static Path nodeModules() {
        Path root = repoRoot();
        Path modules = root.resolve("node_modules");
        if (!Files.isRegularFile(modules.resolve(".bin/azurite-blob"))
                || !Files.isRegularFile(modules.resolve("@vercel/cosmosdb-server/lib/cli.js"))) {
            throw new IllegalStateException("the emulators are not installed: run `npm ci` in " + root
                    + " (mvn verify does it by itself through the install-emulators profile when node_modules is missing)");
        }
        return modules;
    }

    private interface Command {
        List<String> forPort(int port);
    }

    /** Starts a server on a free port and waits until it accepts connections; retries if the port was taken. */
    private static int start(String name, Command command) {
        installShutdownHook();
        IllegalStateException failure = null;
        for (int attempt = 1; attempt <= 3; attempt++) {
            int port = freePort();
            Path log = logFile(name);
            ProcessBuilder builder = new ProcessBuilder(command.forPort(port))
                    .directory(repoRoot().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            Process process;
            try {
                process = builder.start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start " + name + " (is Node 20+ on the PATH?)", e);
            }
            STARTED.add(process);
            if (awaitListening(process, port)) {
                return port;
            }
            stopTree(process);
            STARTED.remove(process);
            failure = new IllegalStateException(name + " did not start on port " + port + "; see " + log);
        }
        throw failure;
    }

    private static boolean awaitListening(Process process, int port) {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(LOOPBACK, port), 200);
                return true;
            } catch (IOException notYet) {
                sleep(50);
            }
        }
        return false;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        }
    }

    private static Path logFile(String name) {
        try {
            Path folder = repoRoot().resolve("functions/target/emulators");
            Files.createDirectories(folder);
            return folder.resolve(name + "-" + ProcessHandle.current().pid() + ".log");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the emulator log folder", e);
        }
    }

    private static void stopTree(Process process) {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        tree.forEach(ProcessHandle::destroy);
        for (ProcessHandle handle : tree) {
            try {
                handle.onExit().get(5, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception stillRunning) {
                handle.destroyForcibly();
            }
        }
    }

    private static void installShutdownHook() {
        if (!hookInstalled) {
            Runtime.getRuntime().addShutdownHook(new Thread(Emulators::stopAll, "measures311-emulators-stop"));
            hookInstalled = true;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for an emulator", e);
        }
    }
}
