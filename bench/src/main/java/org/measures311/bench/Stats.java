package org.measures311.bench;

import java.util.Arrays;
import java.util.List;

/** Medians and percentiles of measured samples. */
final class Stats {
    private Stats() {
    }

    static double median(List<Double> samples) {
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("no samples");
        }
        double[] s = samples.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    /** Nearest-rank percentile (p in 0..100) of sorted-on-demand samples. */
    static long percentile(long[] samples, double p) {
        if (samples.length == 0) {
            throw new IllegalArgumentException("no samples");
        }
        long[] s = samples.clone();
        Arrays.sort(s);
        int rank = (int) Math.ceil(p / 100.0 * s.length);
        return s[Math.max(0, Math.min(s.length - 1, rank - 1))];
    }

    static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
