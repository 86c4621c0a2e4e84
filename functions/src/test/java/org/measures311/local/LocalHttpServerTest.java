package org.measures311.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.measures311.api.LocalApiFixtures;
import org.measures311.api.MeasuresApi;

/** Every route over real HTTP, through the local (netty) server on a free loopback port, with the JDK's HTTP client. */
class LocalHttpServerTest {
    static final ObjectMapper JSON = new ObjectMapper();
    final HttpClient client = HttpClient.newHttpClient();
    LocalHttpServer server;
    String base;

    @BeforeEach
    void start() throws IOException {
        server = new LocalHttpServer(LocalApiFixtures.api(), InetAddress.getLoopbackAddress(), 4);
        server.start(0);
        base = server.baseUrl();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    HttpResponse<byte[]> send(HttpRequest.Builder b) throws IOException, InterruptedException {
        return client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpResponse<byte[]> get(String pathAndQuery, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + pathAndQuery));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return send(b);
    }

    static JsonNode json(HttpResponse<byte[]> r) throws IOException {
        return JSON.readTree(r.body());
    }

    @Test
    void bindsToLoopbackOnAFreePort() {
        assertThat(server.port()).isPositive();
        assertThat(base).startsWith("http://127.0.0.1:").endsWith("/api");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "/measures, 200",
            "/measures/contacts_handled/values?grain=month, 200",
            "/measures/contacts_handled/values?grain=day&format=csv, 200",
            "/measures/contacts_handled/values/2025-03/lineage?grain=month&member=total, 200",
            "/scorecard?asOf=2025-04-15, 200",
            "/drops, 200",
            "/odata/, 200",
            "/odata/$metadata, 200",
            "/odata/MeasureValues?$top=3, 200",
            "/odata/MeasureValues/$count, 200",
            "/health, 200",
            "/openapi.json, 200",
            "/measures?code=anything, 200",
    })
    void everyReadRouteAnswers(String path, int status) throws Exception {
        HttpResponse<byte[]> r = get(path.replace("$", "%24"));
        assertThat(r.statusCode()).as(new String(r.body())).isEqualTo(status);
        assertThat(r.body()).isNotEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "/measures/nope/values?grain=day, 404, id",
            "/measures/contacts_handled/values?grain=decade, 400, grain",
            "/measures/contacts_handled/values?grain=day&from=2025-02-30, 400, from",
            "/measures/contacts_handled/values?grain=day&from=2025-03-10&to=2025-03-01, 400, to",
            "/measures/contacts_handled/values?grain=day&pageSize=100000, 400, pageSize",
            "/measures/contacts_handled/values?grain=day&sort=desc, 400, sort",
            "/odata/MeasureValues?%24filter=grain%20eq%20%27day, 400, $filter",
            "/odata/MeasureValues?%24frobnicate=1, 400, $frobnicate",
    })
    void malformedInputIsProblemJson(String path, int status, String parameter) throws Exception {
        HttpResponse<byte[]> r = get(path);
        assertThat(r.statusCode()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(json(r).get("parameter").asText()).isEqualTo(parameter);
    }

    @Test
    void recomputeIsPostOnlyAndBodiesAreLimited() throws Exception {
        HttpResponse<byte[]> ok = send(HttpRequest.newBuilder(URI.create(base + "/recompute?from=2025-03-01&to=2025-04-01"))
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(json(ok).get("periods").asInt()).isEqualTo(3);
        HttpResponse<byte[]> big = send(HttpRequest.newBuilder(URI.create(base + "/recompute?from=2025-03-01&to=2025-04-01"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[MeasuresApi.MAX_BODY_BYTES + 10])));
        assertThat(big.statusCode()).isEqualTo(413);
        assertThat(json(big).get("type").asText()).isEqualTo("urn:measures311:problem:payload-too-large");
        HttpResponse<byte[]> get = get("/recompute?from=2025-03-01&to=2025-04-01");
        assertThat(get.statusCode()).isEqualTo(405);
    }

    @Test
    void pathsOutsideTheApiAre404Problems() throws Exception {
        HttpResponse<byte[]> r = send(HttpRequest.newBuilder(URI.create(base.replace("/api", "/etc/passwd"))));
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(new String(r.body())).doesNotContain("passwd\n").contains("urn:measures311:problem:not-found");
    }

    @Test
    void gzipAndEtagOverTheWire() throws Exception {
        HttpResponse<byte[]> plain = get("/measures/contacts_handled/values?grain=day");
        HttpResponse<byte[]> zipped = get("/measures/contacts_handled/values?grain=day", "Accept-Encoding", "gzip");
        assertThat(zipped.headers().firstValue("Content-Encoding")).contains("gzip");
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(zipped.body()))) {
            assertThat(in.readAllBytes()).isEqualTo(plain.body());
        }
        String etag = plain.headers().firstValue("ETag").orElseThrow();
        HttpResponse<byte[]> notModified = get("/measures/contacts_handled/values?grain=day", "If-None-Match", etag);
        assertThat(notModified.statusCode()).isEqualTo(304);
        assertThat(notModified.body()).isEmpty();
        String zippedTag = zipped.headers().firstValue("ETag").orElseThrow();
        assertThat(get("/measures/contacts_handled/values?grain=day", "If-None-Match", zippedTag, "Accept-Encoding", "gzip")
                .statusCode()).isEqualTo(304);
    }

    @Test
    void pagingWalksToTheLastPageByNextLink() throws Exception {
        List<String> periods = new ArrayList<>();
        String next = base + "/measures/contacts_handled/values?grain=day&member=total&pageSize=10";
        int pages = 0;
        while (next != null) {
            HttpResponse<byte[]> r = send(HttpRequest.newBuilder(URI.create(next)));
            assertThat(r.statusCode()).isEqualTo(200);
            JsonNode body = json(r);
            body.get("rows").forEach(row -> periods.add(row.get("period").asText()));
            next = body.get("nextLink").isNull() ? null : body.get("nextLink").asText();
            assertThat(r.headers().firstValue("Link").isPresent()).isEqualTo(next != null);
            pages++;
        }
        assertThat(pages).isEqualTo(4); // 31 rows: 10, 10, 10, 1
        assertThat(periods).hasSize(31).doesNotHaveDuplicates().startsWith("2025-03-01").endsWith("2025-03-31");
    }

    @Test
    void csvPagesCarryTheTokenInHeaders() throws Exception {
        HttpResponse<byte[]> first = get("/measures/contacts_handled/values?grain=day&format=csv&pageSize=60");
        String token = first.headers().firstValue("X-Continuation-Token").orElseThrow();
        HttpResponse<byte[]> last = get("/measures/contacts_handled/values?grain=day&format=csv&pageSize=60&continuation=" + token);
        String text = new String(last.body());
        assertThat(text.split("\r\n")).hasSize(3); // header + the 2 rows left of 62
        assertThat(last.headers().firstValue("X-Continuation-Token")).isEmpty();
    }

    @Test
    void emptyCsvIsJustTheHeader() throws Exception {
        HttpResponse<byte[]> r = get("/measures/contacts_handled/values?grain=fiscal_year&format=csv");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(new String(r.body())).isEqualTo(
                "measure,grain,period,dimension,member,value,numerator,denominator,periodStart,periodEnd,target,meetsTarget,computedAt,flags\r\n");
        assertThat(r.headers().firstValue("Content-Type")).contains("text/csv; charset=utf-8");
    }

    @Test
    void servesConcurrentClients() throws Exception {
        List<java.util.concurrent.CompletableFuture<HttpResponse<byte[]>>> all = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            all.add(client.sendAsync(HttpRequest.newBuilder(URI.create(base + "/scorecard?asOf=2025-04-15")).build(),
                    HttpResponse.BodyHandlers.ofByteArray()));
        }
        for (var f : all) {
            int status = f.get().statusCode();
            assertThat(status).isIn(200, 503); // 503 only when every worker and the queue are taken
        }
        assertThat(all.stream().filter(f -> f.join().statusCode() == 200).count()).isPositive();
    }
}
