package org.measures311.bench;

import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.measures311.bench.ours.OurPipeline;
import org.measures311.ingest.LedgerEntry;

/**
 * Run in a new JVM by the benchmark: the function code path for one small drop (composition root over embedded
 * stores, DropIngestor, reader, Arrow batch, curated write, ledger entry). It prints {@code first-batch rows=..}
 * when the ingestor reports the first parsed batch written to the drop's Arrow stream, and
 * {@code ingested rows=..} after the whole ingest (curated write and ledger entry included). The parent times
 * process start to each line: the first is the figure, the second is reported beside it.
 *
 * <p>Arguments: landing folder, landing path of the file, state folder.
 */
public final class ColdStartProbe {
    static final String FIRST_BATCH = "first-batch";
    static final String INGESTED = "ingested";

    private ColdStartProbe() {
    }

    public static void main(String[] args) throws Exception {
        Logger.getLogger("").setLevel(Level.WARNING);
        boolean[] reported = new boolean[1];
        try (OurPipeline pipeline = new OurPipeline(Path.of(args[0]), Path.of(args[2]))) {
            LedgerEntry entry = pipeline.ingest(args[1], rows -> {
                if (!reported[0]) {
                    reported[0] = true;
                    System.out.println(FIRST_BATCH + " rows=" + rows);
                    System.out.flush();
                }
            });
            System.out.println(INGESTED + " rows=" + entry.rowsAccepted());
            System.out.flush();
        }
    }
}
