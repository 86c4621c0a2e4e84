package org.measures311.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.measures311.app.Application;
import org.measures311.local.LocalHttpServer;

/**
 * {@code GET /measures/{id}/values} against the local HTTP server on loopback, from a number of concurrent
 * clients each sending its next request when the previous answer is read (closed loop). A warm-up round runs
 * first so the figures are of a warm server, as a deployed instance serves Power BI's refreshes.
 */
final class ApiLoad {
    record Result(int clients, int requests, int failures, String firstFailure, double p50Millis, double p99Millis,
                  double requestsPerSecond) {
    }

    private ApiLoad() {
    }

    static Result run(Application app, int clients, int requestsPerClient, List<String> paths)
            throws IOException, InterruptedException {
        try (LocalHttpServer server = new LocalHttpServer(app.api(), InetAddress.getLoopbackAddress(),
                Math.max(4, 2 * Runtime.getRuntime().availableProcessors()))) {
            server.start(0);
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).build();
            List<URI> uris = paths.stream().map(p -> URI.create(server.baseUrl() + p)).toList();
            round(client, uris, clients, Math.max(5, requestsPerClient / 5));
            long started = System.nanoTime();
            Round measured = round(client, uris, clients, requestsPerClient);
            double seconds = (System.nanoTime() - started) / 1e9;
            long[] all = measured.latencies.stream().flatMapToLong(java.util.Arrays::stream).filter(l -> l > 0).toArray();
            return new Result(clients, all.length, measured.failures.get(), measured.firstFailure.get(), Stats.percentile(all, 50) / 1e6,
                    Stats.percentile(all, 99) / 1e6, all.length / seconds);
        }
    }

    private record Round(List<long[]> latencies, AtomicInteger failures, AtomicReference<String> firstFailure) {
    }

    private static Round round(HttpClient client, List<URI> uris, int clients, int requestsPerClient)
            throws InterruptedException {
        List<long[]> latencies = new ArrayList<>();
        AtomicInteger failures = new AtomicInteger();
        AtomicReference<String> firstFailure = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(clients);
        for (int c = 0; c < clients; c++) {
            long[] mine = new long[requestsPerClient];
            latencies.add(mine);
            int offset = c;
            Thread t = new Thread(() -> {
                try {
                    for (int i = 0; i < requestsPerClient; i++) {
                        HttpRequest request = HttpRequest.newBuilder(uris.get((offset + i) % uris.size()))
                                .timeout(Duration.ofSeconds(30)).GET().build();
                        long t0 = System.nanoTime();
                        try {
                            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                            if (response.statusCode() == 200 && response.body().length > 0) {
                                mine[i] = System.nanoTime() - t0;
                            } else {
                                failures.incrementAndGet();
                                firstFailure.compareAndSet(null, "HTTP " + response.statusCode() + " "
                                        + new String(response.body(), java.nio.charset.StandardCharsets.UTF_8));
                            }
                        } catch (IOException e) {
                            failures.incrementAndGet();
                            firstFailure.compareAndSet(null, e.toString());
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    done.countDown();
                }
            }, "api-client-" + c);
            t.setDaemon(true);
            t.start();
        }
        done.await();
        return new Round(latencies, failures, firstFailure);
    }
}
