package org.measures311.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.measures311.api.LocalApiFixtures;
import org.measures311.api.MeasuresApi;
import org.measures311.local.LocalHttpServer;

/**
 * The HTTP surface against hostile requests: the local server listens on loopback unless told otherwise, and every
 * bad request gets a problem+json answer that gives away no internals (no exception names, stack frames, source
 * files or paths of the machine), over real HTTP.
 */
class HttpErrorHygieneTest {
    /** What a leaked stack trace or internal path looks like. */
    static final List<String> INTERNALS = List.of("Exception", "at org.", "at java.", "/work/", "/home/", "/tmp/",
            ".java", "java.lang", "org.apache", "com.fasterxml", "Caused by", "measures311.");

    private final HttpClient client = HttpClient.newHttpClient();
    private LocalHttpServer server;

    @BeforeEach
    void start() throws IOException {
        server = new LocalHttpServer(LocalApiFixtures.api());
        server.start(0);
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void theDefaultServerListensOnLoopbackOnly() throws Exception {
        assertThat(server.baseUrl()).startsWith("http://" + LocalHttpServer.LOOPBACK + ":");
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.port()), 2000);
            assertThat(s.isConnected()).isTrue();
        }
        // Any address of this machine that is not loopback must not reach it.
        Optional<InetAddress> external = externalAddress();
        if (external.isPresent()) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(external.get(), server.port()), 2000);
                throw new AssertionError("the default server answered on " + external.get());
            } catch (ConnectException | java.net.SocketTimeoutException refused) {
                assertThat(refused).isNotNull();
            }
        }
    }

    private static Optional<InetAddress> externalAddress() throws IOException {
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (nic.isUp() && !nic.isLoopback()) {
                for (InetAddress a : Collections.list(nic.getInetAddresses())) {
                    if (a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress()) {
                        return Optional.of(a);
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** Requests a client (or an attacker) might send; none may produce a 5xx or leak internals. */
    static List<String> badRequestPaths() {
        List<String> paths = new ArrayList<>(List.of(
                "/nothing/here", "/admin/recompute", "/measures/%2e%2e/%2e%2e/etc/passwd/values?grain=day",
                "/measures/..%2F..%2Fetc%2Fpasswd/values?grain=day", "/measures/%00/values?grain=day",
                "/measures/contacts_handled/values", "/measures/contacts_handled/values?grain=",
                "/measures/contacts_handled/values?grain=day&from=yesterday", "/measures/contacts_handled/values?grain=day&to=9999-99-99",
                "/measures/contacts_handled/values?grain=day&pageSize=-1", "/measures/contacts_handled/values?grain=day&pageSize=1e9",
                "/measures/contacts_handled/values?grain=day&pageSize=5001",
                "/measures/contacts_handled/values?grain=day&continuation=not-a-token",
                "/measures/contacts_handled/values?grain=day&continuation=eyJhIjoxfQ",
                "/measures/contacts_handled/values?grain=day&continuation=%ff%fe",
                "/measures/contacts_handled/values?grain=day&format=xml", "/measures/contacts_handled/values?grain=day&grain=month",
                "/measures/contacts_handled/values/2025-13/lineage?grain=month", "/measures/contacts_handled/values/x/lineage",
                "/scorecard?asOf=tomorrow", "/scorecard?asOf=2025-02-30", "/drops?from=2025-99",
                "/odata/MeasureValues?%24filter=value%20gt%20'x'", "/odata/MeasureValues?%24filter=foo(bar)",
                "/odata/MeasureValues?%24top=-5", "/odata/MeasureValues?%24top=999999999999",
                "/odata/MeasureValues?%24skip=abc", "/odata/MeasureValues?%24orderby=nope%20desc",
                "/odata/MeasureValues?%24select=*,nope", "/odata/MeasureValues(1)", "/odata/Nope",
                "/odata/MeasureValues?%24expand=x", "/odata/%24batch",
                "/odata/MeasureValues?%24filter=" + "(".repeat(500) + "true" + ")".repeat(500),
                "/measures/contacts_handled/values?grain=day&from=" + "9".repeat(5000)));
        return paths;
    }

    @Test
    void badRequestsGetProblemJsonWithoutInternals() throws Exception {
        SoftAssertions soft = new SoftAssertions();
        int tried = 0;
        for (String path : badRequestPaths()) {
            HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            checkProblem(soft, "GET " + path, r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
            tried++;
        }
        for (String method : List.of("DELETE", "PUT", "PATCH", "OPTIONS")) {
            HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/measures"))
                    .method(method, HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofByteArray());
            checkProblem(soft, method + " /measures", r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
            tried++;
        }
        HttpResponse<byte[]> badRecompute = client.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/recompute?from=x&to=%25ZZ"))
                .POST(HttpRequest.BodyPublishers.ofString("not json")).build(), HttpResponse.BodyHandlers.ofByteArray());
        checkProblem(soft, "bad recompute", badRecompute.statusCode(), badRecompute.headers().firstValue("Content-Type").orElse(""),
                badRecompute.body());
        tried += 1;
        soft.assertThat(tried).isGreaterThanOrEqualTo(40);
        soft.assertAll();
    }

    @Test
    void aBodyThatClaimsToBeHugeIsRefusedBeforeItIsRead() throws Exception {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            s.setSoTimeout(10_000);
            String head = "POST /api/recompute?from=2025-03-01&to=2025-03-02 HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Content-Type: application/json\r\nContent-Length: " + (1L << 30) + "\r\n\r\n{\"a\":";
            s.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
            // A gigabyte announced, a few bytes sent: the answer comes at once, without waiting for the rest.
            StringBuilder received = new StringBuilder();
            byte[] buffer = new byte[4096];
            while (!received.toString().contains("\r\n\r\n")) {
                int n = s.getInputStream().read(buffer);
                if (n < 0) {
                    break;
                }
                received.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
            }
            String text = received.toString();
            assertThat(text).startsWith("HTTP/1.1 413");
            assertThat(text).containsIgnoringCase("content-type: application/problem+json");
            for (String internal : INTERNALS) {
                assertThat(text).doesNotContain(internal);
            }
        }
    }

    static void checkProblem(SoftAssertions soft, String what, int status, String contentType, byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        soft.assertThat(status).as(what + ": a client error (" + text + ")").isBetween(400, 499);
        soft.assertThat(contentType).as(what + ": content type").startsWith("application/problem+json");
        for (String internal : INTERNALS) {
            soft.assertThat(text).as(what + ": leaks " + internal).doesNotContain(internal);
        }
        soft.assertThat(text.length()).as(what + ": short answer").isLessThan(4000);
    }
}
