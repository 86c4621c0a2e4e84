package org.measures311.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.measures311.app.Application;
import org.measures311.store.Lake;
import org.measures311.store.LakeFile;

/**
 * A landing folder with good drops and bad ones, for the fault tests: the good drops, every corpus file the product
 * takes, the duplicate and the ignored ones, and a few it quarantines, each at its fixed landing time. Runs over
 * the same folder see the same drop ids, so their stored states compare line by line.
 */
final class MixedLanding {
    private static final List<String> SOME_QUARANTINED = List.of("avaya-truncated-last-line.txt", "avaya-binary-garbage.txt",
            "tickets-truncated.json", "tickets-csv-named-parquet.parquet", "tickets-corrupt-gzip.jsonl.gz");

    private MixedLanding() {
    }

    static List<CorpusCase> corpusDrops() {
        return CorpusCase.load().stream().filter(c -> !c.file().startsWith(CorpusCase.GENERATED))
                .filter(c -> !c.status().equals("quarantined") || SOME_QUARANTINED.contains(c.file())).toList();
    }

    static void landEverything(Path landing) {
        GoodDrops.all().forEach(d -> put(landing, d.landingPath(), d.bytes(), d.landedAt()));
        List<CorpusCase> cases = CorpusCase.load();
        List<CorpusCase> chosen = corpusDrops();
        for (int i = 0; i < cases.size(); i++) {
            if (chosen.contains(cases.get(i))) {
                put(landing, cases.get(i).landingPath(), cases.get(i).bytes(), BadInputCorpusTest.landingTimeOf(i));
            }
        }
    }

    static void put(Path landing, String path, byte[] bytes, Instant landedAt) {
        try {
            Path file = landing.resolve(path);
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
            Files.setLastModifiedTime(file, FileTime.from(landedAt));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Delivers every landing file as the Functions host would: a delivery that throws is delivered again, up to the
     * host's five attempts. Returns how many deliveries failed (and were retried).
     */
    static int deliverLikeTheHost(Application app) throws Exception {
        int failed = 0;
        for (LakeFile file : app.stores().landing().list("")) {
            for (int delivery = 1; ; delivery++) {
                try {
                    app.ingestor().ingest(file.path());
                    break;
                } catch (Exception e) {
                    failed++;
                    if (delivery == 5) {
                        throw e;
                    }
                }
            }
        }
        return failed;
    }

    /** Every file of a lake with its size: what a crash could leave half-written or twice. */
    static List<String> files(Lake lake) throws IOException {
        List<String> files = new ArrayList<>();
        for (LakeFile f : lake.list("")) {
            files.add(f.path() + " " + f.size());
        }
        return files;
    }
}
