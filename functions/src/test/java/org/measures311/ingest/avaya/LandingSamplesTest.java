package org.measures311.ingest.avaya;

import org.measures311.facts.SkillLabel;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.measures311.ingest.ReaderRun;
import org.measures311.ingest.reference.SkillListReader;
import org.junit.jupiter.api.Test;

/** The demo landing zone's CMS exports (samples/landing, see samples/README.md) read cleanly. */
class LandingSamplesTest {
    private static final Path LANDING = Path.of("..", "samples", "landing");
    private static final Clock AUGUST_15 = Clock.fixed(Instant.parse("2025-08-15T00:00:00Z"), ZoneOffset.UTC);
    private final AvayaCmsReader reader = new AvayaCmsReader();

    private ReaderRun.Result read(String path) throws Exception {
        return ReaderRun.run(reader, path, Files.readAllBytes(LANDING.resolve(path)), AUGUST_15);
    }

    @Test
    void everySampleExportReadsWithoutRejectedRows() throws Exception {
        // 5 skills a day: June has 30 days, the comma export July 1-30, then one single-day report
        ReaderRun.Result june = read("avaya/2025-06/311_multi_day_multi_skill_2025-06.txt");
        ReaderRun.Result july = read("avaya/2025-07/cms_export_2025-07-01_2025-07-30.csv");
        ReaderRun.Result july31 = read("avaya/2025-08/311_daily_2025-07-31.txt");
        ReaderRun.Result reexport = read("avaya/2025-08/311_multi_day_multi_skill_2025-06-30_reexport.txt");
        assertThat(june.rows()).hasSize(150);
        assertThat(july.rows()).hasSize(150);
        assertThat(july31.rows()).hasSize(5);
        assertThat(reexport.rows()).hasSize(5);
        for (ReaderRun.Result r : new ReaderRun.Result[] {june, july, july31, reexport}) {
            assertThat(r.context().rowsRejected()).isZero();
        }
        assertThat(june.context().firstDate()).isEqualTo(LocalDate.of(2025, 6, 1));
        assertThat(july31.context().firstDate()).isEqualTo(LocalDate.of(2025, 7, 31));
        assertThat(july.rows()).anyMatch(r -> "Línea en Español".equals(r.get("skill_name")));   // cp1252 file

        // the re-export corrects 6/30 for skill 101 only: 12 more answered calls
        Map<String, Object> original = june.rows().stream()
                .filter(r -> r.get("date").equals(LocalDate.of(2025, 6, 30)) && r.get("skill_key").equals("n:101"))
                .findFirst().orElseThrow();
        Map<String, Object> corrected = reexport.rows().stream()
                .filter(r -> r.get("skill_key").equals("n:101")).findFirst().orElseThrow();
        assertThat((Long) corrected.get("acd_calls")).isEqualTo((Long) original.get("acd_calls") + 12);
    }

    @Test
    void theSampleSkillListHasTheFour311Skills() throws Exception {
        ReaderRun.Result skills = ReaderRun.run(new SkillListReader(), "reference/skills.csv",
                Files.readAllBytes(LANDING.resolve("reference/skills.csv")));
        assertThat(skills.rows()).extracting(r -> r.get("skill_number")).containsExactly(101, 102, 103, null);
        assertThat(skills.row(2)).containsEntry("valid_to", LocalDate.of(2025, 6, 30));
        assertThat(SkillLabel.parse("104 - Línea en Español").matches(SkillLabel.parse("Línea en Español"))).isTrue();
    }
}
