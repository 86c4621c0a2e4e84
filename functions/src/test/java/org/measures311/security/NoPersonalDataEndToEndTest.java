package org.measures311.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.measures311.api.ApiRequest;
import org.measures311.app.Application;
import org.measures311.app.StoreFactory;
import org.measures311.config.Settings;
import org.measures311.store.LakeFile;

/**
 * Personal data planted in the landing files (names, emails, addresses, subjects, comment bodies, a client IP),
 * including hostile files that break off or fail right next to it, never leaves the landing zone: not into curated
 * Arrow files, ledger documents, error reports, measure rows, API answers or logs.
 */
class NoPersonalDataEndToEndTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-09-01T12:00:00Z"), ZoneOffset.UTC);

    /** Everything personal in the inputs below and in the Zendesk test resources. */
    static final List<String> PLANTED = List.of("Plantedname", "planted@example.org", "Bin missed", "Blocked drive",
            "Planted body", "Planted comment", "Planted reply", "Alex Sample", "alex.sample", "Bea Fake", "bea.fake",
            "Elm St", "Car blocking", "Missed pickup", "Casey Example", "casey.example", "Jordan Placeholder",
            "192.0.2.10", "Portland", "Dana Leaky", "dana.leaky@example.net", "Leaky Street");

    private static final Map<String, String> HOSTILE = Map.of(
            // Cut in the middle of a name: the parser error must not quote it.
            "zendesk/users/hostile/cut.json", "[{\"id\":700,\"role\":\"agent\",\"name\":\"Dana Leaky\",\"email\":\"dana.leaky@exa",
            // An unterminated quote opened in a free-text column holding personal data.
            "zendesk/tickets/hostile/unterminated.csv", "id,created_at,subject,description\n"
                    + "7601,2025-07-01T10:00:00Z,Dana Leaky,\"Lives on Leaky Street, call dana.leaky@example.net\n",
            // A bad timestamp in the row that carries personal data: the row error must name the cell, not the person.
            "zendesk/tickets/hostile/bad-row.csv", "id,created_at,subject,requester_email\n"
                    + "7602,Dana Leaky,Leaky Street,dana.leaky@example.net\n7603,2025-07-01T10:00:00Z,Dana Leaky,dana.leaky@example.net\n",
            // Personal data in the CMS skill column and a counts column.
            "avaya/hostile/names-in-cells.txt", "Date\tSplit/Skill\tACD Calls\tAban Calls\n"
                    + "7/2/2025\t101 - General\tDana Leaky\t1\n7/2/2025\t102 - Water\t5\tdana.leaky@example.net\n");

    @Test
    void plantedPersonalDataReachesNoOutput(@TempDir Path folder) throws Exception {
        Path landing = folder.resolve("landing");
        Path state = folder.resolve("state");
        Instant t = Instant.parse("2025-08-01T00:00:00Z");
        for (String[] drop : new String[][] {
                {"/corpus/good/skills.csv", "reference/skills.csv"},
                {"/corpus/good/avaya-june.txt", "avaya/2025-06/june.txt"},
                {"/corpus/good/users.json", "zendesk/users/good/users.json"},
                {"/corpus/good/events.csv", "zendesk/ticket_events/good/events.csv"},
                {"/corpus/good/tickets.csv", "zendesk/tickets/good/tickets.csv"},
                {"/zendesk/tickets.csv", "zendesk/tickets/resources/tickets.csv"},
                {"/zendesk/tickets_zendesk_api.jsonl", "zendesk/tickets/resources/tickets_zendesk_api.jsonl"},
                {"/zendesk/ticket_events_export.jsonl", "zendesk/ticket_events/resources/export.jsonl"},
                {"/zendesk/users.json", "zendesk/users/resources/users.json"}}) {
            t = t.plusSeconds(60);
            put(landing, drop[1], resource(drop[0]), t);
        }
        for (Map.Entry<String, String> hostile : HOSTILE.entrySet()) {
            t = t.plusSeconds(60);
            put(landing, hostile.getKey(), hostile.getValue().getBytes(StandardCharsets.UTF_8), t);
        }

        List<String> logs = new ArrayList<>();
        Logger root = Logger.getLogger("org.measures311");
        Level before = root.getLevel();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                StringBuilder s = new StringBuilder(String.valueOf(r.getMessage()));
                if (r.getParameters() != null) {
                    for (Object p : r.getParameters()) {
                        s.append(' ').append(p);
                    }
                }
                for (Throwable e = r.getThrown(); e != null; e = e.getCause()) {
                    s.append(' ').append(e);
                }
                logs.add(s.toString());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        root.setLevel(Level.ALL);
        root.addHandler(capture);
        List<String> outputs = new ArrayList<>();
        try (Application app = new Application(Settings.defaults(), StoreFactory.embedded(landing, state), CLOCK)) {
            int quarantined = 0;
            for (LakeFile file : app.stores().landing().list("")) {
                var entry = app.ingestor().ingest(file.path());
                quarantined += entry.quarantinePath() != null ? 1 : 0;
                outputs.add(entry.toString());
            }
            assertThat(quarantined).as("the hostile files and the resources' bad tickets.csv").isGreaterThanOrEqualTo(4);
            app.recompute().recomputeAll();
            for (String path : List.of("/drops", "/measures/contacts_handled/values?grain=day", "/measures/csat/values?grain=month",
                    "/odata/MeasureValues", "/scorecard?asOf=2025-07-15", "/health")) {
                outputs.add(app.api().handle(ApiRequest.of("GET", URI.create("http://localhost:7071/api" + path),
                        Map.of(), new byte[0])).bodyText());
            }
        } finally {
            root.removeHandler(capture);
            root.setLevel(before);
        }
        assertThat(logs).as("captured log records").isNotEmpty();

        // Every file the product wrote (curated Arrow, ledger and control documents, measure rows, error reports),
        // read as bytes: the Arrow dictionaries and JSON are scanned as they are stored. The quarantined copies of
        // landing files are the landing files themselves and stay in the landing zone's trust boundary.
        List<Path> written;
        try (Stream<Path> walk = Files.walk(state)) {
            written = walk.filter(Files::isRegularFile)
                    .filter(p -> !p.startsWith(state.resolve("quarantine")) || p.getFileName().toString().equals("error-report.json"))
                    .toList();
        }
        assertThat(written).anyMatch(p -> p.toString().endsWith(".arrows")).anyMatch(p -> p.toString().endsWith("error-report.json"));
        for (Path p : written) {
            outputs.add(p + ": " + new String(Files.readAllBytes(p), StandardCharsets.UTF_8));
        }
        outputs.addAll(logs);
        for (String planted : PLANTED) {
            assertThat(outputs).as("outputs containing '" + planted + "'").noneMatch(o -> o.contains(planted));
        }
    }

    private static void put(Path landing, String path, byte[] bytes, Instant landedAt) throws IOException {
        Path file = landing.resolve(path);
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
        Files.setLastModifiedTime(file, FileTime.from(landedAt));
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = NoPersonalDataEndToEndTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }
}
