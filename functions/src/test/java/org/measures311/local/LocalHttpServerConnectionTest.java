package org.measures311.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.measures311.api.LocalApiFixtures;
import org.measures311.api.MeasuresApi;

/** Connection handling over a raw socket: keep-alive, pipelining in order, Connection: close, stopping. */
class LocalHttpServerConnectionTest {
    private static final Pattern CONTENT_LENGTH = Pattern.compile("(?i)content-length: *(\\d+)");
    LocalHttpServer server;

    @BeforeEach
    void start() throws IOException {
        server = new LocalHttpServer(LocalApiFixtures.api(), InetAddress.getLoopbackAddress(), 2);
        server.start(0);
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void oneConnectionCarriesManyRequests() throws Exception {
        try (Socket s = connect()) {
            for (int i = 0; i < 3; i++) {
                send(s, get("/api/health"));
                Answer a = read(s.getInputStream());
                assertThat(a.statusLine()).as("request %d", i).isEqualTo("HTTP/1.1 200 OK");
                assertThat(a.body()).contains("\"status\"");
            }
        }
    }

    @Test
    void pipelinedRequestsAreAnsweredInTheOrderSent() throws Exception {
        List<String> paths = List.of("/api/measures/contacts_handled/values?grain=day&format=csv", "/api/health",
                "/api/measures", "/api/nope", "/api/openapi.json");
        StringBuilder all = new StringBuilder();
        paths.forEach(p -> all.append(get(p)));
        try (Socket s = connect()) {
            send(s, all.toString());
            List<Answer> answers = new ArrayList<>();
            for (int i = 0; i < paths.size(); i++) {
                answers.add(read(s.getInputStream()));
            }
            assertThat(answers.get(0).head()).containsIgnoringCase("content-type: text/csv");
            assertThat(answers.get(1).body()).contains("\"status\"");
            assertThat(answers.get(2).body()).contains("contacts_handled").doesNotContain("openapi");
            assertThat(answers.get(3).statusLine()).isEqualTo("HTTP/1.1 404 Not Found");
            assertThat(answers.get(4).body()).contains("\"openapi\"");
        }
    }

    @Test
    void connectionCloseIsHonouredAfterTheAnswer() throws Exception {
        try (Socket s = connect()) {
            send(s, "GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
            Answer a = read(s.getInputStream());
            assertThat(a.statusLine()).isEqualTo("HTTP/1.1 200 OK");
            assertThat(a.head()).containsIgnoringCase("connection: close");
            assertThat(s.getInputStream().read()).as("closed by the server").isEqualTo(-1);
        }
    }

    @Test
    void withoutAUsableHostHeaderLinksNameTheAddressTheRequestCameIn() throws Exception {
        String page = "/api/measures/contacts_handled/values?grain=day&member=total&pageSize=10";
        try (Socket s = connect()) {
            send(s, "GET " + page + " HTTP/1.1\r\n\r\n" + "GET " + page + " HTTP/1.1\r\nHost: evil.example/x\r\n\r\n");
            for (int i = 0; i < 2; i++) {
                Answer a = read(s.getInputStream());
                assertThat(a.statusLine()).isEqualTo("HTTP/1.1 200 OK");
                assertThat(a.body()).as("request %d", i).contains("\"nextLink\":\"http://127.0.0.1:" + server.port() + "/api/measures/");
            }
        }
    }

    @Test
    void headAnswersHeadersOnly() throws Exception {
        try (Socket s = connect()) {
            send(s, "HEAD /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n" + get("/api/health"));
            InputStream in = s.getInputStream();
            String head = readHead(in);
            assertThat(head).startsWith("HTTP/1.1 200 OK");
            Answer next = read(in);
            assertThat(next.statusLine()).as("the next answer follows the HEAD's headers directly").isEqualTo("HTTP/1.1 200 OK");
            assertThat(next.body()).contains("\"status\"");
        }
    }

    @Test
    void aRefusedBodySentInFullStillGetsItsAnswer() throws Exception {
        // The whole body goes out before the client reads: the 413 must not be lost to a reset caused by
        // body bytes the server left unread.
        for (int attempt = 0; attempt < 20; attempt++) {
            try (Socket s = connect()) {
                byte[] body = new byte[MeasuresApi.MAX_BODY_BYTES * 4];
                send(s, "POST /api/recompute HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: " + body.length + "\r\n\r\n");
                s.getOutputStream().write(body);
                s.getOutputStream().flush();
                Answer a = read(s.getInputStream());
                assertThat(a.statusLine()).as("attempt %d", attempt).isEqualTo("HTTP/1.1 413 Request Entity Too Large");
                assertThat(a.head()).containsIgnoringCase("connection: close");
                assertThat(a.body()).contains("payload-too-large");
                assertThat(s.getInputStream().read()).as("nothing follows the refusal").isEqualTo(-1);
            }
        }
    }

    @Test
    void aRefusedClientThatKeepsSendingIsCutOff() throws Exception {
        try (Socket s = connect()) {
            send(s, "POST /api/recompute HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: " + (1L << 40) + "\r\n\r\n");
            assertThat(read(s.getInputStream()).statusLine()).isEqualTo("HTTP/1.1 413 Request Entity Too Large");
            long start = System.nanoTime();
            byte[] chunk = new byte[64 * 1024];
            IOException cut = null;
            while (cut == null && System.nanoTime() - start < TimeUnit.SECONDS.toNanos(20)) {
                try {
                    s.getOutputStream().write(chunk);
                } catch (IOException e) {
                    cut = e;
                }
            }
            assertThat(cut).as("the server stops reading a refused body after lingering").isNotNull();
            assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(BodyLimit.LINGER_MILLIS / 2));
        }
    }

    @Test
    void stoppingClosesOpenConnectionsAndThePort() throws Exception {
        int port = server.port();
        try (Socket s = connect()) {
            send(s, get("/api/health"));
            read(s.getInputStream());
            server.stop();
            assertThat(s.getInputStream().read()).isEqualTo(-1);
        }
        try (Socket again = new Socket()) {
            again.connect(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
            throw new AssertionError("still listening on " + port);
        } catch (java.net.ConnectException refused) {
            assertThat(refused).isNotNull();
        }
    }

    private Socket connect() throws IOException {
        Socket s = new Socket(InetAddress.getLoopbackAddress(), server.port());
        s.setSoTimeout(10_000);
        return s;
    }

    private static String get(String target) {
        return "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
    }

    private static void send(Socket s, String text) throws IOException {
        s.getOutputStream().write(text.getBytes(StandardCharsets.US_ASCII));
        s.getOutputStream().flush();
    }

    record Answer(String head, String body) {
        String statusLine() {
            return head.substring(0, head.indexOf("\r\n"));
        }
    }

    /** One answer: the head up to the blank line, then exactly Content-Length bytes of body. */
    private static Answer read(InputStream in) throws IOException {
        String head = readHead(in);
        Matcher m = CONTENT_LENGTH.matcher(head);
        int length = m.find() ? Integer.parseInt(m.group(1)) : 0;
        byte[] body = in.readNBytes(length);
        assertThat(body).hasSize(length);
        return new Answer(head, new String(body, StandardCharsets.UTF_8));
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed in the middle of an answer: " + head);
            }
            head.write(b);
            String text = head.toString(StandardCharsets.US_ASCII);
            if (text.endsWith("\r\n\r\n")) {
                return text;
            }
        }
    }
}
