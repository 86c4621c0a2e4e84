package org.measures311.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.measures311.bench.generate.GeneratorSpec;
import org.measures311.bench.generate.LandingGenerator;
import org.measures311.bench.generate.LandingGenerator.GeneratedLanding;
import org.measures311.bench.ours.OurPipeline;
import org.measures311.bench.reference.CrossCheck;
import org.measures311.bench.reference.DuckDbReference;
import org.measures311.bench.reference.ReferenceRow;
import org.measures311.measures.ProgramCalendar;

/**
 * Every measure at every grain, derived twice by different methods from one small generated landing zone: our
 * pipeline (readers, compaction, measure engine) and SQL written from docs/measures.md run by DuckDB. They must
 * agree exactly, row for row.
 */
class CrossCheckTest {
    @TempDir
    Path work;

    @Test
    void ourMeasuresEqualDuckDbSqlOverTheSameLandingZone() throws Exception {
        GeneratedLanding landing = LandingGenerator.generate(GeneratorSpec.ofScale(0.002), work);

        List<ReferenceRow> ours;
        try (OurPipeline pipeline = new OurPipeline(landing.landing(), work.resolve("state"))) {
            for (Path file : landing.filesInLandingOrder()) {
                pipeline.ingest(landing.landingPath(file));
            }
            ours = OurPipeline.comparable(pipeline.computeAll());
        }
        DuckDbReference duckdb = new DuckDbReference(2);
        Path database = work.resolve("reference.duckdb");
        duckdb.ingestLanding(landing, database);
        List<ReferenceRow> reference = duckdb.measures(database,
                new ProgramCalendar(ZoneId.of("America/Los_Angeles"), 7));

        CrossCheck.Result result = CrossCheck.compare(ours, reference);
        assertThat(result.differences()).as(result.describe(20)).isEmpty();
        // The comparison is only worth something if it covered every measure family at every grain.
        assertThat(reference).extracting(ReferenceRow::measure).contains("contacts_handled", "channel_mix",
                "contacts_handled_growth", "acd_calls", "abandoned_calls", "calls_offered",
                "average_speed_of_answer", "service_level",
                "abandonment_rate", "average_handle_time", "online_response_within_24h", "chat_answered_within_60s",
                "issue_share", "csat");
        assertThat(reference).extracting(ReferenceRow::grain).contains("day", "month", "year", "fiscal_year");
        assertThat(result.matching()).isGreaterThan(5_000);
    }
}
