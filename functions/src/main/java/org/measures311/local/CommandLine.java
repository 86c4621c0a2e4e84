package org.measures311.local;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The runner's command and its {@code --flag value} options; unknown flags are refused with the usage text. */
record CommandLine(String command, Map<String, String> options) {

    static final String USAGE = """
            Usage: ./measures311 <command> [options]

            Commands:
              serve      ingest the landing folder, compute measures, serve the API on http://localhost:7071/api/
                         and keep picking up new files
                         [--landing DIR] [--state DIR] [--port N] [--bind ADDRESS]
              run        ingest, compute, write every measure row as CSV, and exit
                         --landing DIR [--state DIR] [--out FILE]
              recompute  recompute the measures of a local date range in the state folder
                         --from YYYY-MM-DD --to YYYY-MM-DD [--state DIR]
              bench      our pipeline against DuckDB on a generated landing zone (docs/performance.md)
                         [--scale F] [--runs N] [--work DIR] [--keep] [--reuse] [--only FIGURES]

            Defaults: --landing samples/landing, --state .measures311, --port 7071, --bind 127.0.0.1.
            Settings (time zone, fiscal year start, ...) come from the environment; see README.md.
            """;

    private static final Map<String, Set<String>> FLAGS = Map.of(
            "serve", Set.of("landing", "state", "port", "bind"),
            "run", Set.of("landing", "state", "out"),
            "recompute", Set.of("from", "to", "state"));

    static CommandLine parse(List<String> args) {
        if (args.isEmpty() || args.get(0).equals("--help") || args.get(0).equals("-h") || args.get(0).equals("help")) {
            throw new UsageException(null);
        }
        String command = args.get(0);
        Set<String> allowed = FLAGS.get(command);
        if (allowed == null) {
            throw new UsageException("Unknown command '" + command + "'.");
        }
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.size(); i++) {
            String a = args.get(i);
            if (!a.startsWith("--")) {
                throw new UsageException("Unexpected argument '" + a + "'.");
            }
            String name = a.substring(2);
            String value = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            } else if (i + 1 < args.size()) {
                value = args.get(++i);
            }
            if (!allowed.contains(name)) {
                throw new UsageException("Unknown option --" + name + " for '" + command + "'.");
            }
            if (value == null || value.isBlank()) {
                throw new UsageException("Option --" + name + " needs a value.");
            }
            options.put(name, value);
        }
        return new CommandLine(command, Map.copyOf(options));
    }

    Optional<String> option(String name) {
        return Optional.ofNullable(options.get(name));
    }

    Path path(String name, String fallback) {
        return Path.of(options.getOrDefault(name, fallback));
    }

    String required(String name) {
        return option(name).orElseThrow(() -> new UsageException("'" + command + "' needs --" + name + "."));
    }

    int integer(String name, int fallback) {
        String v = options.get(name);
        if (v == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be a number, was '" + v + "'.");
        }
    }

    static final class UsageException extends RuntimeException {
        UsageException(String problem) {
            super(problem);
        }
    }
}
