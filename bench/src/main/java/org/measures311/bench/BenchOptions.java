package org.measures311.bench;

import java.nio.file.Path;
import java.util.List;

/** {@code bench [--scale F] [--runs N] [--work DIR] [--keep]}: validated, unknown options refused. */
record BenchOptions(double scale, int runs, Path work, boolean keep) {
    static final String USAGE = """
            usage: bench [--scale F] [--runs N] [--work DIR] [--keep]
              --scale F   size of the synthetic landing zone; 1 = 1 year, 1M tickets, ~14M events (~1 GB CSV),
                          50k users, 40 skills (default 1; 0.01 for a quick run)
              --runs N    timed runs per figure, the median is reported (default 3)
              --work DIR  where the landing zone, curated zones and databases go (default target/bench-work)
              --keep      keep DIR afterwards (default: delete what the run generated)
            """;

    BenchOptions {
        if (!(scale > 0) || scale > 10) {
            throw new IllegalArgumentException("--scale must be in (0, 10]");
        }
        if (runs < 1 || runs > 50) {
            throw new IllegalArgumentException("--runs must be 1..50");
        }
    }

    static BenchOptions parse(List<String> args) {
        double scale = 1;
        int runs = 3;
        Path work = Path.of("target", "bench-work");
        boolean keep = false;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--scale" -> scale = Double.parseDouble(value(args, ++i, a));
                case "--runs" -> runs = Integer.parseInt(value(args, ++i, a));
                case "--work" -> work = Path.of(value(args, ++i, a));
                case "--keep" -> keep = true;
                default -> throw new IllegalArgumentException("unknown option " + a);
            }
        }
        return new BenchOptions(scale, runs, work, keep);
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.get(i);
    }
}
