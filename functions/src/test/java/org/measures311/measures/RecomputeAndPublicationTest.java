package org.measures311.measures;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.measures311.app.Application;
import org.measures311.app.StoreFactory;
import org.measures311.config.Settings;
import org.measures311.store.LakeFile;

/**
 * The timers' services end to end on the embedded stores: the daily recompute is idempotent (a second run writes
 * nothing), and the annual publication is immutable (a later correction creates a revision listing the change).
 */
class RecomputeAndPublicationTest {
    private static final Instant NOW = Instant.parse("2025-08-02T12:00:00Z");

    @TempDir
    Path dir;
    private Path landing;
    private Application app;

    @BeforeEach
    void start() throws Exception {
        landing = dir.resolve("landing");
        Files.createDirectories(landing.resolve("avaya"));
        Files.createDirectories(landing.resolve("reference"));
        land("reference/skills.csv", "skill\n101\n", 1);
        // FY2024 ends 2024-06-30; 2024-07-01 opens FY2025 and calendar 2024 holds both days.
        land("avaya/cms_2024.csv", """
                Date,Split/Skill,ACD Calls,Aban Calls
                6/30/2024,101,40,5
                7/1/2024,101,50,10
                """, 2);
        app = new Application(Settings.defaults(), StoreFactory.embedded(landing, dir.resolve("state")),
                Clock.fixed(NOW, ZoneOffset.UTC));
        ingestAll();
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void theDailyRecomputeRunTwiceWritesIdenticalRowsAndNothingTheSecondTime() throws Exception {
        RecomputeSummary first = app.recompute().recomputePending();
        assertThat(first.rowsWritten()).isPositive();
        List<MeasureRow> before = allRows();

        RecomputeSummary again = app.recompute().recomputeAll();
        assertThat(again.rowsComputed()).isEqualTo(first.rowsComputed());
        assertThat(again.rowsWritten()).isZero();
        assertThat(again.rowsDeleted()).isZero();
        assertThat(allRows()).isEqualTo(before);
        // The daily run looks back over a short overlap before its watermark (so a drop saved while it ran is
        // not missed): it may recompute again, but never writes a row whose figures did not change.
        assertThat(app.recompute().recomputePending().rowsWritten()).isZero();
        assertThat(allRows()).isEqualTo(before);
    }

    @Test
    void aPublishedYearIsNeverRewrittenACorrectionBecomesARevision() throws Exception {
        app.recompute().recomputePending();
        PublicationSummary first = app.publisher().publishClosedYears();
        assertThat(first.published()).containsExactlyInAnyOrder("year|2024", "fiscal_year|FY2024", "fiscal_year|FY2025");
        assertThat(app.publisher().publishClosedYears().unchanged()).hasSize(3);

        // A CMS re-export of 7/1/2024, landed later, corrects that day: 50 - 10 = 40 becomes 62 - 10 = 52.
        land("avaya/cms_2024-07-01_reexport.csv", "Date,Split/Skill,ACD Calls,Aban Calls\n7/1/2024,101,62,10\n", 3);
        ingestAll();
        app.recompute().recomputePending();
        PublicationSummary second = app.publisher().publishClosedYears();
        assertThat(second.revised()).containsExactlyInAnyOrder("year|2024", "fiscal_year|FY2025");
        assertThat(second.unchanged()).containsExactly("fiscal_year|FY2024");

        List<ObjectNode> revisions = app.publisher().revisions(Grain.YEAR, "2024");
        assertThat(revisions).extracting(r -> r.path("revision").asInt()).containsExactly(1, 2);
        // Revision 1 keeps what was published: phone = (40 - 5) + (50 - 10) = 75.
        assertThat(figure(revisions.get(0), "contacts_handled|phone")).isEqualTo("75");
        assertThat(figure(revisions.get(1), "contacts_handled|phone")).isEqualTo("87");
        JsonNode change = findChange(revisions.get(1), "contacts_handled|phone");
        assertThat(change.path("before").asText()).isEqualTo("75");
        assertThat(change.path("after").asText()).isEqualTo("87");
    }

    private static String figure(ObjectNode publication, String key) {
        for (JsonNode f : publication.path("figures")) {
            if ((f.path("measure").asText() + "|" + f.path("member").asText()).equals(key)) {
                return f.path("value").asText();
            }
        }
        throw new AssertionError("no figure " + key + " in " + publication);
    }

    private static JsonNode findChange(ObjectNode publication, String key) {
        for (JsonNode c : publication.path("changes")) {
            if (c.path("figure").asText().equals(key)) {
                return c;
            }
        }
        throw new AssertionError("no change " + key + " in " + publication.path("changes"));
    }

    private List<MeasureRow> allRows() {
        List<MeasureRow> rows = new ArrayList<>();
        for (MeasureDefinition m : app.catalog().all()) {
            for (Grain g : m.grains()) {
                rows.addAll(app.measureRows().read(m.id(), g));
            }
        }
        return rows;
    }

    private void ingestAll() throws Exception {
        for (LakeFile f : app.stores().landing().list("")) {
            app.ingestor().ingest(f);
        }
    }

    /** Writes a landing file with a distinct modification time, which is its landing order locally. */
    private void land(String path, String content, int minute) throws Exception {
        Path file = landing.resolve(path);
        Files.writeString(file, content);
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2025-08-01T10:00:00Z").plusSeconds(60L * minute)));
    }
}
