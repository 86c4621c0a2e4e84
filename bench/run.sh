#!/usr/bin/env bash
# The benchmark: our pipeline against DuckDB on the same synthetic landing zone (docs/performance.md).
#   bench/run.sh [--scale F] [--runs N] [--work DIR] [--keep] [--reuse] [--only FIGURES]
# Builds the function app and the bench module (tests skipped) when missing or older than the sources, then runs
# org.measures311.bench.BenchMain. Progress goes to stderr, the result table to stdout.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="$root/bench/target/measures311-bench.jar"
lib="$root/bench/target/lib"

needs_build() {
  [ ! -f "$jar" ] || [ ! -d "$lib" ] && return 0
  [ -n "$(find "$root/functions/src/main" "$root/bench/src/main" "$root/functions/pom.xml" "$root/bench/pom.xml" \
      "$root/pom.xml" -newer "$jar" -print -quit 2>/dev/null)" ]
}

if needs_build; then
  echo "Building measures311 and the benchmark..." >&2
  (cd "$root" && mvn -B -q -o -DskipTests package -pl bench -am 2>/dev/null || mvn -B -q -DskipTests package -pl bench -am) >&2
fi

# The bench JVM holds the ingest under test, DuckDB's buffers and the API server; child JVMs (heap and cold-start
# probes) get their own limits. Default work folder: bench/target/bench-work.
has_work=false
for a in "$@"; do [ "$a" = "--work" ] && has_work=true; done
extra=()
$has_work || extra=(--work "$root/bench/target/bench-work")
exec java --add-opens=java.base/java.nio=ALL-UNNAMED -Xmx4g \
  -cp "$jar:$lib/*" org.measures311.bench.BenchMain "${extra[@]}" "$@"
