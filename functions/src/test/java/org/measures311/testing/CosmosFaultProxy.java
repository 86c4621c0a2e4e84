package org.measures311.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * A fault-injecting test double at the Cosmos SDK boundary: an HTTPS server on loopback that the SDK talks to as
 * if it were the Cosmos endpoint, forwarding every request to the Cosmos wire server and answering some document
 * requests with the faults Cosmos really sends (the wire server emulates none of them, platform.md):
 * <ul>
 *   <li>{@link Fault#THROTTLED}: 429 with {@code x-ms-retry-after-ms}, before the request reaches the server;</li>
 *   <li>{@link Fault#UNAVAILABLE}: 503, before the request reaches the server;</li>
 *   <li>{@link Fault#TIMED_OUT_AFTER_WRITE}: the request is forwarded and done, then the reply is replaced by a
 *       408: the nasty case of a lost reply, where a retried create meets its own document.</li>
 * </ul>
 * Every {@code every}-th document request gets the next fault in turn, so every kind hits reads, writes and
 * conditional writes in ingest and recompute alike; a retry is a new request, so it gets through (or meets
 * another fault, which the retry budgets absorb).
 */
public final class CosmosFaultProxy implements AutoCloseable {

    public enum Fault { THROTTLED, UNAVAILABLE, TIMED_OUT_AFTER_WRITE }

    private static final Set<String> HOP_BY_HOP = Set.of("host", "connection", "content-length", "transfer-encoding",
            "keep-alive", "accept-encoding");
    private static final String STORE_PASSWORD = "fault-proxy";

    private final URI upstream;
    private final HttpsServer server;
    private final ExecutorService workers = Executors.newFixedThreadPool(48);
    private final SSLContext trustAll;
    private final AtomicLong documentRequests = new AtomicLong();
    private final Map<Fault, AtomicInteger> injected = new EnumMap<>(Fault.class);
    private volatile int every;

    private CosmosFaultProxy(URI upstream) throws Exception {
        this.upstream = upstream;
        for (Fault f : Fault.values()) {
            injected.put(f, new AtomicInteger());
        }
        trustAll = SSLContext.getInstance("TLS");
        trustAll.init(null, new TrustManager[] {new TrustEverything()}, new SecureRandom());
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.setHttpsConfigurator(new HttpsConfigurator(serverContext()));
        server.setExecutor(workers);
        server.createContext("/", this::handle);
        server.start();
    }

    /** A proxy in front of the emulator's Cosmos wire server, injecting nothing until {@link #injectEvery}. */
    public static CosmosFaultProxy inFrontOfTheWireServer() {
        try {
            return new CosmosFaultProxy(URI.create(Emulators.cosmosEndpoint()));
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the Cosmos fault proxy", e);
        }
    }

    /** The endpoint to give the SDK. */
    public String endpoint() {
        return "https://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    /** From now on every n-th document request gets a fault (0 stops injecting). */
    public void injectEvery(int n) {
        every = n;
    }

    public int injected(Fault fault) {
        return injected.get(fault).get();
    }

    public int injectedTotal() {
        return injected.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Fault fault = faultFor(exchange.getRequestURI().getPath());
            if (fault == Fault.THROTTLED) {
                reply(exchange, 429, Map.of("x-ms-retry-after-ms", "15", "x-ms-substatus", "3200"), "TooManyRequests");
                return;
            }
            if (fault == Fault.UNAVAILABLE) {
                reply(exchange, 503, Map.of(), "ServiceUnavailable");
                return;
            }
            Forwarded answer = forward(exchange, body);
            if (fault == Fault.TIMED_OUT_AFTER_WRITE) {
                reply(exchange, 408, Map.of(), "RequestTimeout");
                return;
            }
            answer.headers().forEach((name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT))) {
                    values.forEach(v -> exchange.getResponseHeaders().add(name, v));
                }
            });
            byte[] out = answer.body();
            if (exchange.getRequestURI().getPath().equals("/")) {
                // The account document names the endpoint to use: make it this proxy, not the server behind it.
                out = new String(out, StandardCharsets.UTF_8).replace(upstream.getAuthority(), "127.0.0.1:" + server.getAddress().getPort())
                        .replace("localhost:" + upstream.getPort(), "127.0.0.1:" + server.getAddress().getPort())
                        .getBytes(StandardCharsets.UTF_8);
            }
            exchange.sendResponseHeaders(answer.status(), out.length == 0 ? -1 : out.length);
            if (out.length > 0) {
                try (OutputStream o = exchange.getResponseBody()) {
                    o.write(out);
                }
            }
        }
    }

    private Fault faultFor(String path) {
        int n = every;
        if (n <= 0 || !path.contains("/docs")) {
            return null;
        }
        long request = documentRequests.incrementAndGet();
        if (request % n != 0) {
            return null;
        }
        Fault fault = Fault.values()[(int) ((request / n) % Fault.values().length)];
        injected.get(fault).incrementAndGet();
        return fault;
    }

    private record Forwarded(int status, Map<String, List<String>> headers, byte[] body) {
    }

    private Forwarded forward(HttpExchange exchange, byte[] body) throws IOException {
        URI target = upstream.resolve(exchange.getRequestURI().getRawPath()
                + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery()));
        HttpsURLConnection c = (HttpsURLConnection) target.toURL().openConnection();
        c.setSSLSocketFactory(trustAll.getSocketFactory());
        c.setHostnameVerifier((host, session) -> true);
        c.setRequestMethod(exchange.getRequestMethod());
        c.setConnectTimeout(10_000);
        c.setReadTimeout(30_000);
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(v -> c.addRequestProperty(name, v));
            }
        });
        if (body.length > 0) {
            c.setDoOutput(true);
            try (OutputStream o = c.getOutputStream()) {
                o.write(body);
            }
        }
        int status = c.getResponseCode();
        byte[] answer;
        try (InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream()) {
            answer = in == null ? new byte[0] : in.readAllBytes();
        }
        Map<String, List<String>> headers = new java.util.LinkedHashMap<>();
        c.getHeaderFields().forEach((name, values) -> {
            if (name != null) {
                headers.put(name, values);
            }
        });
        return new Forwarded(status, headers, answer);
    }

    private static void reply(HttpExchange exchange, int status, Map<String, String> headers, String code) throws IOException {
        byte[] body = ("{\"code\":\"" + code + "\",\"message\":\"injected by CosmosFaultProxy\"}").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.getResponseHeaders().add("x-ms-activity-id", java.util.UUID.randomUUID().toString());
        exchange.getResponseHeaders().add("x-ms-request-charge", "0");
        headers.forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream o = exchange.getResponseBody()) {
            o.write(body);
        }
    }

    /** A throwaway self-signed key for 127.0.0.1, made with the JDK's keytool (the SDK skips the check on loopback). */
    private static SSLContext serverContext() throws Exception {
        Path folder = Emulators.repoRoot().resolve("functions/target/emulators");
        Files.createDirectories(folder);
        Path store = folder.resolve("cosmos-fault-proxy-" + ProcessHandle.current().pid() + ".p12");
        if (!Files.exists(store)) {
            Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                    "-genkeypair", "-alias", "proxy", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                    "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-storetype", "PKCS12",
                    "-keystore", store.toString(), "-storepass", STORE_PASSWORD, "-keypass", STORE_PASSWORD)
                    .redirectErrorStream(true).start();
            keytool.getInputStream().readAllBytes();
            if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
                throw new IllegalStateException("keytool could not make the proxy's key");
            }
        }
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, STORE_PASSWORD.toCharArray());
        }
        KeyManagerFactory managers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        managers.init(keys, STORE_PASSWORD.toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(managers.getKeyManagers(), null, new SecureRandom());
        return context;
    }

    /** The wire server's certificate is self-signed: the proxy, like the SDK on loopback, does not check it. */
    private static final class TrustEverything implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }

}
