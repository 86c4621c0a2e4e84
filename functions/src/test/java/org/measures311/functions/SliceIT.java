package org.measures311.functions;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.azure.functions.HttpResponseMessage;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.measures311.config.Settings;
import org.measures311.ingest.DropStatus;
import org.measures311.testing.Emulators;

/**
 * The thin slice through every real part: an Avaya CMS export lands in the landing container on Azurite, the
 * blob-trigger function gets it as the host would hand it (an SDK BlobClient), parses it into Arrow batches,
 * the daily timer computes phone contacts handled per day into Cosmos (the wire server), and the HTTP function
 * returns them as JSON.
 */
class SliceIT {
    /** Two days, three skills; 210 is not on the 311 skill list. Tab-delimited with CMS's preamble and totals. */
    static final String CMS_EXPORT = String.join("\r\n",
            "311 Multi-Day Multi-Skill",
            "Split/Skill: 101,102,210",
            "Date: 07/01/2025 - 07/02/2025",
            "Time Zone: America/Los_Angeles",
            "",
            "Date\tSplit/Skill\tACD Calls\tAban Calls\tAvg Speed Ans",
            "7/1/2025\t101 - General\t120\t10\t0:45",
            "7/1/2025\t102 - Water\t80\t5\t1:05",
            "7/1/2025\t210 - Internal\t50\t2\t0:20",
            "7/2/2025\t101 - General\t100\t8\t0:30",
            "7/2/2025\t102 - Water\t60\t0\t0:50",
            "Totals\t\t410\t25\t",
            "");
    static final String SKILLS = "skill\n101 - General\n102\n";

    private final ObjectMapper json = new ObjectMapper();
    private BlobContainerClient landing;

    @BeforeEach
    void pointTheFunctionAppAtTheEmulators() {
        Map<String, String> env = Emulators.appSettings("slice");
        FunctionApp.useEnvironment(() -> env);
        BlobServiceClient service = new BlobServiceClientBuilder()
                .connectionString(Emulators.azuriteConnectionString()).buildClient();
        landing = service.createBlobContainerIfNotExists(env.get(Settings.LANDING_CONTAINER));
    }

    @AfterEach
    void closeTheApp() {
        FunctionApp.reset();
    }

    @Test
    void anAvayaExportBecomesPhoneContactsHandledPerDayServedOverHttp() throws Exception {
        land("reference/skills.csv", SKILLS);
        land("avaya/2025/07/multi_day_multi_skill.txt", CMS_EXPORT);

        for (String name : List.of("reference/skills.csv", "avaya/2025/07/multi_day_multi_skill.txt")) {
            new LandingBlobTrigger().run(landing.getBlobClient(name), name, HostDoubles.context("ingestLandingBlob"));
        }
        assertThat(FunctionApp.get().ledger().listAll())
                .extracting(e -> e.status())
                .containsOnly(DropStatus.INGESTED)
                .hasSize(2);

        new DailyMeasuresTimer().run("{}", HostDoubles.context("computeDailyMeasures"));

        HttpResponseMessage response = new MeasuresHttp().values(
                HostDoubles.get("http://localhost:7071/api/measures/contacts_handled/values?grain=day&member=phone"),
                HostDoubles.context("values"));
        assertThat(response.getStatus().value()).isEqualTo(200);
        JsonNode rows = json.readTree((byte[]) response.getBody()).path("rows");
        // By hand: 7/1 = (120 - 10) + (80 - 5) = 185; 7/2 = (100 - 8) + (60 - 0) = 152; skill 210 is not listed.
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).path("period").asText()).isEqualTo("2025-07-01");
        assertThat(rows.get(0).path("value").decimalValue()).isEqualByComparingTo("185");
        assertThat(rows.get(1).path("period").asText()).isEqualTo("2025-07-02");
        assertThat(rows.get(1).path("value").decimalValue()).isEqualByComparingTo("152");
        assertThat(rows.get(0).path("member").asText()).isEqualTo("phone");
    }

    @Test
    void theSameBlobDeliveredTwiceChangesNothing() throws Exception {
        land("avaya/2025/07/multi_day_multi_skill.txt", CMS_EXPORT);
        String name = "avaya/2025/07/multi_day_multi_skill.txt";
        new LandingBlobTrigger().run(landing.getBlobClient(name), name, HostDoubles.context("ingestLandingBlob"));
        new LandingBlobTrigger().run(landing.getBlobClient(name), name, HostDoubles.context("ingestLandingBlob"));
        assertThat(FunctionApp.get().ledger().listAll()).hasSize(1);
    }

    private void land(String name, String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        landing.getBlobClient(name).upload(new java.io.ByteArrayInputStream(bytes), bytes.length, true);
    }
}
