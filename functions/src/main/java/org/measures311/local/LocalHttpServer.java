package org.measures311.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.measures311.api.ApiProblem;
import org.measures311.api.ApiRequest;
import org.measures311.api.ApiResponse;
import org.measures311.api.MeasuresApi;
import org.measures311.api.ProblemResponses;

/**
 * Serves {@link MeasuresApi} on {@code http://host:port/api/} with the JDK's built-in HTTP server, for
 * {@code ./measures311 serve} and tests. Like Core Tools it asks for no key, so it binds to loopback unless
 * told otherwise. It bounds what a caller can take: a fixed pool of workers with a bounded queue (beyond it, 503),
 * and request bodies of at most {@link MeasuresApi#MAX_BODY_BYTES} (beyond it, 413, read no further).
 */
public final class LocalHttpServer implements AutoCloseable {
    public static final int DEFAULT_PORT = 7071;
    public static final String LOOPBACK = "127.0.0.1";
    /**
     * Requests that may wait for a worker: room for a few hundred concurrent clients (Power BI refreshes in
     * parallel, a dashboard fans out), since a cached answer takes a worker well under a millisecond. Beyond it
     * a request is refused at once rather than left waiting without bound.
     */
    public static final int MIN_QUEUED_REQUESTS = 256;
    /** Connections the OS may hold before they are accepted. */
    private static final int ACCEPT_BACKLOG = 256;
    private static final java.util.regex.Pattern HOST_HEADER = java.util.regex.Pattern.compile("[A-Za-z0-9.\\-\\[\\]:]+");
    private static final String NO_DELAY_PROPERTY = "sun.net.httpserver.nodelay";
    private static final Logger LOG = Logger.getLogger(LocalHttpServer.class.getName());

    static {
        // An answer goes out as headers, then body: with Nagle's algorithm on, its last segment waits for the
        // client's delayed ACK (about 40 ms on Linux), which set every request's latency under load. The JDK
        // server reads this property once, when its configuration class loads; a value given on the command
        // line wins.
        if (System.getProperty(NO_DELAY_PROPERTY) == null) {
            System.setProperty(NO_DELAY_PROPERTY, "true");
        }
    }

    private final MeasuresApi api;
    private final InetAddress bindAddress;
    private final int workers;
    private HttpServer server;
    private ThreadPoolExecutor executor;

    /** Loopback only, {@code 2 x processors} workers (at least 4). */
    public LocalHttpServer(MeasuresApi api) {
        this(api, InetAddress.getLoopbackAddress(), Math.max(4, 2 * Runtime.getRuntime().availableProcessors()));
    }

    /**
     * @param bindAddress where to listen; anything but loopback exposes an unauthenticated API to the network
     * @param workers     requests served at once
     */
    public LocalHttpServer(MeasuresApi api, InetAddress bindAddress, int workers) {
        this.api = Objects.requireNonNull(api, "api");
        this.bindAddress = Objects.requireNonNull(bindAddress, "bindAddress");
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1");
        }
        this.workers = workers;
    }

    /** Starts listening; port 0 picks a free port (see {@link #port()}). */
    public synchronized void start(int port) throws IOException {
        if (server != null) {
            throw new IllegalStateException("already started");
        }
        if (!bindAddress.isLoopbackAddress()) {
            LOG.warning("serving the API without keys on " + bindAddress.getHostAddress() + ": reachable from the network");
        }
        AtomicInteger n = new AtomicInteger();
        executor = new ThreadPoolExecutor(workers, workers, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(Math.max(MIN_QUEUED_REQUESTS, workers * 4)),
                r -> {
                    Thread t = new Thread(r, "measures311-http-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                },
                (r, pool) -> {
                    throw new java.util.concurrent.RejectedExecutionException("busy");
                });
        HttpServer s = HttpServer.create(new InetSocketAddress(bindAddress, port), ACCEPT_BACKLOG);
        s.createContext("/", this::exchange);
        s.setExecutor(command -> {
            try {
                executor.execute(command);
            } catch (java.util.concurrent.RejectedExecutionException busy) {
                // Every worker is busy and the queue is full: refuse on the accepting thread, cheaply.
                command.run();
            }
        });
        s.start();
        server = s;
    }

    public synchronized int port() {
        if (server == null) {
            throw new IllegalStateException("not started");
        }
        return server.getAddress().getPort();
    }

    /** The API root, e.g. {@code http://127.0.0.1:7071/api}. */
    public String baseUrl() {
        return "http://" + hostForUrl() + ":" + port() + ApiRequest.API_PREFIX;
    }

    private String hostForUrl() {
        String h = bindAddress.getHostAddress();
        return h.contains(":") ? "[" + h + "]" : h;
    }

    /**
     * Stops listening. JDK 17's server can wait out the whole grace delay even when idle, so requests
     * still under way are cut off rather than holding every stop for a second.
     */
    public synchronized void stop() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
            server = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    private void exchange(HttpExchange exchange) throws IOException {
        try (exchange) {
            ApiResponse response;
            if (!Thread.currentThread().getName().startsWith("measures311-http-")) {
                response = ProblemResponses.of(new ApiProblem(ApiProblem.Type.SERVICE_UNAVAILABLE, null,
                        "The server is busy; try again shortly."), exchange.getRequestURI().getRawPath());
            } else if (!exchange.getRequestURI().getRawPath().equals(ApiRequest.API_PREFIX)
                    && !exchange.getRequestURI().getRawPath().startsWith(ApiRequest.API_PREFIX + "/")) {
                response = ProblemResponses.of(ApiProblem.notFound(null, "The API is under /api/."),
                        exchange.getRequestURI().getRawPath());
            } else {
                byte[] body = readBody(exchange);
                response = body == null
                        ? ProblemResponses.of(new ApiProblem(ApiProblem.Type.PAYLOAD_TOO_LARGE, null,
                        "Request bodies are limited to " + MeasuresApi.MAX_BODY_BYTES + " bytes."), exchange.getRequestURI().getRawPath())
                        : api.handle(ApiRequest.of(exchange.getRequestMethod(), absolute(exchange), exchange.getRequestHeaders(), body));
            }
            send(exchange, response);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "connection ended while answering " + exchange.getRequestURI().getRawPath(), e);
        }
    }

    /** The body, or null when it is larger than the limit (what is beyond the limit is never read). */
    private static byte[] readBody(HttpExchange exchange) throws IOException {
        String length = exchange.getRequestHeaders().getFirst("Content-Length");
        if (length != null) {
            try {
                if (Long.parseLong(length.trim()) > MeasuresApi.MAX_BODY_BYTES) {
                    return null;
                }
            } catch (NumberFormatException e) {
                return null;
            }
        }
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(MeasuresApi.MAX_BODY_BYTES + 1);
            return body.length > MeasuresApi.MAX_BODY_BYTES ? null : body;
        }
    }

    private URI absolute(HttpExchange exchange) {
        String host = exchange.getRequestHeaders().getFirst("Host");
        String authority = host == null || host.isBlank() || !HOST_HEADER.matcher(host).matches() ? hostForUrl() + ":" + port() : host;
        return URI.create("http://" + authority + exchange.getRequestURI().toString());
    }

    private static void send(HttpExchange exchange, ApiResponse response) throws IOException {
        for (Map.Entry<String, List<String>> h : response.headers().entrySet()) {
            exchange.getResponseHeaders().put(h.getKey(), h.getValue());
        }
        boolean noBody = response.status() == 304 || response.status() == 204
                || exchange.getRequestMethod().equals("HEAD") || response.body().length == 0;
        exchange.sendResponseHeaders(response.status(), noBody ? -1 : response.body().length);
        if (!noBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(response.body());
            }
        }
    }
}
