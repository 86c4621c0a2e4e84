package org.measures311.bench;

import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.measures311.bench.ours.OurPipeline;
import org.measures311.ingest.LedgerEntry;

/**
 * Run in a new JVM by the benchmark: the function code path for one small drop (composition root over embedded
 * stores, DropIngestor, reader, one Arrow batch written to the curated zone, ledger entry), then one line
 * {@code first-batch rows=..}. The parent times process start to that line: JVM start, class loading and the
 * first parsed (and written) batch.
 *
 * <p>Arguments: landing folder, landing path of the file, state folder.
 */
public final class ColdStartProbe {
    private ColdStartProbe() {
    }

    public static void main(String[] args) throws Exception {
        Logger.getLogger("").setLevel(Level.WARNING);
        try (OurPipeline pipeline = new OurPipeline(Path.of(args[0]), Path.of(args[2]))) {
            LedgerEntry entry = pipeline.ingest(args[1]);
            System.out.println("first-batch rows=" + entry.rowsAccepted());
            System.out.flush();
        }
    }
}
