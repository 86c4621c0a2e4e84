package org.measures311.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.measures311.app.Application;
import org.measures311.ingest.LedgerEntry;
import org.measures311.measures.Grain;
import org.measures311.measures.MeasureRow;
import org.measures311.store.LakeFile;

/**
 * Concurrency scenarios, run on any document store: the same blob delivered twice at the same moment (Event Grid
 * delivers at least once), and different drops for the same day processed at the same moment with two daily jobs
 * racing. The final state must be the serial one.
 */
final class ConcurrentDeliveries {
    private ConcurrentDeliveries() {
    }

    /** Two CMS exports and two ticket files for 2025-07-20, the later export correcting skill 101. */
    static void landSameDayDrops(Path landing) {
        put(landing, "avaya/2025-07/day-20-first.txt", "Date\tSplit/Skill\tACD Calls\tAban Calls\n"
                + "7/20/2025\t101 - General\t50\t5\n7/20/2025\t102 - Water\t30\t3\n", "2025-08-05T10:00:00Z");
        put(landing, "avaya/2025-07/day-20-correction.txt", "Date\tSplit/Skill\tACD Calls\tAban Calls\n"
                + "7/20/2025\t101 - General\t55\t5\n7/20/2025\t103 - Parking\t10\t1\n", "2025-08-05T11:00:00Z");
        put(landing, "zendesk/tickets/2025-07/a.csv", "id,created_at,updated_at,status,via_channel,contact_type,category\n"
                + "7501,2025-07-20T17:00:00Z,2025-07-20T18:00:00Z,open,email,Email,Water\n", "2025-08-05T12:00:00Z");
        put(landing, "zendesk/tickets/2025-07/b.csv", "id,created_at,updated_at,status,via_channel,contact_type,category\n"
                + "7501,2025-07-20T17:00:00Z,2025-07-20T19:00:00Z,solved,email,Email,Water\n"
                + "7502,2025-07-20T18:00:00Z,2025-07-20T18:30:00Z,open,web,Web form,Trash\n", "2025-08-05T13:00:00Z");
    }

    private static void put(Path landing, String path, String text, String landedAt) {
        MixedLanding.put(landing, path, text.getBytes(StandardCharsets.UTF_8), Instant.parse(landedAt));
    }

    /** Phone contacts handled on 2025-07-20, all skills (no skill list): (55 - 5) + (30 - 3) + (10 - 1) = 86. */
    static final BigDecimal PHONE_HANDLED_JULY_20 = new BigDecimal("86");

    static BigDecimal phoneHandled(Application app, String day) {
        return app.measureRows().read("contacts_handled", Grain.DAY).stream()
                .filter(r -> r.period().equals(day) && r.member().equals("phone"))
                .map(MeasureRow::value).findFirst().orElseThrow();
    }

    /** One delivery after another, then the daily job: the reference. */
    static StoredState serially(Application app) throws Exception {
        for (LakeFile file : app.stores().landing().list("")) {
            app.ingestor().ingest(file.path());
        }
        app.recompute().recomputeAll();
        return StoredState.of(app);
    }

    /** Every blob delivered twice, all deliveries started at once; then two daily jobs at once. */
    static StoredState everythingTwiceAtOnce(Application app) throws Exception {
        List<LakeFile> files = app.stores().landing().list("");
        int deliveries = files.size() * 2;
        ExecutorService pool = Executors.newFixedThreadPool(deliveries);
        try {
            CyclicBarrier start = new CyclicBarrier(deliveries);
            List<Future<LedgerEntry>> results = new ArrayList<>();
            for (LakeFile file : files) {
                for (int copy = 0; copy < 2; copy++) {
                    results.add(pool.submit(() -> {
                        start.await(30, TimeUnit.SECONDS);
                        return app.ingestor().ingest(file.path());
                    }));
                }
            }
            for (int i = 0; i < results.size(); i += 2) {
                LedgerEntry first = results.get(i).get(60, TimeUnit.SECONDS);
                LedgerEntry second = results.get(i + 1).get(60, TimeUnit.SECONDS);
                assertThat(second.dropId()).isEqualTo(first.dropId());
                assertThat(second.status()).isEqualTo(first.status());
                assertThat(second.rowsAccepted()).isEqualTo(first.rowsAccepted());
            }
            CyclicBarrier jobs = new CyclicBarrier(2);
            List<Future<Object>> recomputes = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                Callable<Object> job = () -> {
                    jobs.await(30, TimeUnit.SECONDS);
                    return app.recompute().recomputeAll();
                };
                recomputes.add(pool.submit(job));
            }
            for (Future<Object> r : recomputes) {
                r.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        return StoredState.of(app);
    }

    /** Runs the serial reference and {@code rounds} concurrent runs over fresh stores; all must agree. */
    static void assertConcurrentEqualsSerial(Function<String, Application> freshApp, int rounds) throws Exception {
        StoredState serial;
        try (Application app = freshApp.apply("serial")) {
            serial = serially(app);
            assertThat(phoneHandled(app, "2025-07-20")).isEqualByComparingTo(PHONE_HANDLED_JULY_20);
        }
        for (int round = 0; round < rounds; round++) {
            try (Application app = freshApp.apply("concurrent-" + round)) {
                StoredState concurrent = everythingTwiceAtOnce(app);
                assertThat(concurrent.ledger()).as("round %d ledger", round).containsExactlyElementsOf(serial.ledger());
                assertThat(concurrent.curatedFacts()).as("round %d facts", round).isEqualTo(serial.curatedFacts());
                assertThat(concurrent.measureRows()).as("round %d measure rows", round)
                        .containsExactlyElementsOf(serial.measureRows());
            }
        }
    }
}
