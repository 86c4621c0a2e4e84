package org.measures311.bench;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code bench [--scale F] [--runs N] [--work DIR] [--keep] [--reuse] [--only FIGURES]}: validated, unknown
 * options refused.
 */
record BenchOptions(double scale, int runs, Path work, boolean keep, boolean reuse, Set<String> only) {
    /** The figures of the table, in its order; {@code --only} picks some of them. */
    static final List<String> FIGURES = List.of("csv", "jsonl", "parquet", "heap", "measures", "api", "cold", "ceiling");

    static final String USAGE = """
            usage: bench [--scale F] [--runs N] [--work DIR] [--keep] [--reuse] [--only FIGURES]
              --scale F   size of the synthetic landing zone; 1 = 1 year, 1M tickets, ~14M events (~1 GB CSV),
                          50k users, 40 skills (default 1; 0.01 for a quick run)
              --runs N    timed runs per figure, the median is reported (default 3)
              --work DIR  where the landing zone, curated zones and databases go (default target/bench-work)
              --keep      keep DIR afterwards (default: delete what the run generated)
              --reuse     use the landing zone a kept earlier run generated in DIR at the same scale (implies --keep)
              --only F,.. measure only these figures: csv, jsonl, parquet, heap, measures (recompute and
                          cross-check), api (runs measures first), cold, ceiling (default: all)
            """;

    BenchOptions {
        only = Set.copyOf(only);
        if (!FIGURES.containsAll(only)) {
            throw new IllegalArgumentException("--only takes " + String.join(", ", FIGURES));
        }
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
        boolean reuse = false;
        Set<String> only = new LinkedHashSet<>(FIGURES);
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--scale" -> scale = Double.parseDouble(value(args, ++i, a));
                case "--runs" -> runs = Integer.parseInt(value(args, ++i, a));
                case "--work" -> work = Path.of(value(args, ++i, a));
                case "--keep" -> keep = true;
                case "--reuse" -> reuse = true;
                case "--only" -> only = new LinkedHashSet<>(List.of(value(args, ++i, a).split(",")));
                default -> throw new IllegalArgumentException("unknown option " + a);
            }
        }
        return new BenchOptions(scale, runs, work, keep || reuse, reuse, only);
    }

    /** Whether the run measures this figure ({@code api} needs the rows of {@code measures}). */
    boolean measures(String figure) {
        return only.contains(figure) || (figure.equals("measures") && only.contains("api"));
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.get(i);
    }
}
