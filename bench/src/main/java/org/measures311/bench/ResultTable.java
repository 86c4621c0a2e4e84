package org.measures311.bench;

import java.util.ArrayList;
import java.util.List;

/** The benchmark's one table, printed as Markdown so it pastes into docs/performance.md as is. */
final class ResultTable {
    record Row(String figure, String ours, String duckdb, String ratio, String goal, String met) {
    }

    private final List<Row> rows = new ArrayList<>();

    void add(String figure, String ours, String duckdb, String ratio, String goal, String met) {
        rows.add(new Row(figure, ours, duckdb, ratio, goal, met));
    }

    static String met(boolean met) {
        return met ? "yes" : "**no**";
    }

    String markdown() {
        StringBuilder sb = new StringBuilder();
        sb.append("| figure | ours | DuckDB | ratio | goal | met |\n");
        sb.append("| --- | --- | --- | --- | --- | --- |\n");
        for (Row r : rows) {
            sb.append("| ").append(r.figure()).append(" | ").append(r.ours()).append(" | ").append(r.duckdb())
                    .append(" | ").append(r.ratio()).append(" | ").append(r.goal()).append(" | ").append(r.met())
                    .append(" |\n");
        }
        return sb.toString();
    }
}
