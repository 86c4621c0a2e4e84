package org.measures311.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import org.measures311.bench.ours.OurPipeline;
import org.measures311.ingest.LedgerEntry;

/**
 * Run in a child JVM: ingests one landing file through the function code path (DropIngestor over embedded
 * stores) and prints one line {@code probe ok rows=.. millis=.. heapAfterGcPeakMb=.. heapUsedPeakMb=.. rssPeakMb=..}.
 * The parent chooses the heap limit (-Xmx256m), so a pass is itself the result; the figures say how much of it
 * the ingest held. "Heap after GC" is the live heap (what the ingest retains); "used" also counts garbage not
 * yet collected, which a collector lets grow towards the limit.
 *
 * <p>Arguments: landing folder, landing path of the file, state folder.
 */
public final class HeapProbe {
    private HeapProbe() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: HeapProbe LANDING_DIR LANDING_PATH STATE_DIR");
            System.exit(2);
        }
        Logger.getLogger("").setLevel(Level.WARNING);
        AtomicLong peakAfterGc = new AtomicLong();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc).addNotificationListener((notification, handback) -> {
                if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                    GarbageCollectionNotificationInfo info =
                            GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                    long after = info.getGcInfo().getMemoryUsageAfterGc().values().stream()
                            .mapToLong(MemoryUsage::getUsed).sum();
                    peakAfterGc.accumulateAndGet(after, Math::max);
                }
            }, null, null);
        }
        AtomicLong peakUsed = new AtomicLong();
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peakUsed.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
        long started = System.nanoTime();
        LedgerEntry entry;
        try (OurPipeline pipeline = new OurPipeline(Path.of(args[0]), Path.of(args[2]))) {
            entry = pipeline.ingest(args[1]);
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        sampler.interrupt();
        sampler.join();
        // An ingest that never filled the young generation has no GC: its live heap is at most what is used now.
        long liveMb = (peakAfterGc.get() == 0 ? ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed()
                : peakAfterGc.get()) >> 20;
        System.out.printf("probe ok rows=%d millis=%d heapAfterGcPeakMb=%d heapUsedPeakMb=%d rssPeakMb=%d gcs=%s%n",
                entry.rowsAccepted(), millis, liveMb, peakUsed.get() >> 20, rssPeakMb(), peakAfterGc.get() > 0);
    }

    /** VmHWM: the process's peak resident set (heap, Arrow's off-heap buffers, code, everything). */
    static long rssPeakMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (Exception e) {
            return -1;
        }
        return -1;
    }
}
