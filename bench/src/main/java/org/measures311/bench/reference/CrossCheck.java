package org.measures311.bench.reference;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Compares our measure rows with the reference's, row by row and figure by figure (value, numerator,
 * denominator, exactly). Every row either side has and the other lacks is a difference too.
 */
public final class CrossCheck {
    private CrossCheck() {
    }

    public record Result(int ours, int reference, int matching, List<String> differences) {
        public boolean passed() {
            return differences.isEmpty();
        }

        public String describe(int maxShown) {
            StringBuilder sb = new StringBuilder(String.format("cross-check: %d rows ours, %d rows DuckDB, %d equal, %d differences",
                    ours, reference, matching, differences.size()));
            differences.stream().limit(maxShown).forEach(d -> sb.append("\n  ").append(d));
            if (differences.size() > maxShown) {
                sb.append("\n  ... and ").append(differences.size() - maxShown).append(" more");
            }
            return sb.toString();
        }
    }

    public static Result compare(List<ReferenceRow> ours, List<ReferenceRow> reference) {
        Map<String, ReferenceRow> mine = index(ours, "ours");
        Map<String, ReferenceRow> theirs = index(reference, "DuckDB");
        List<String> differences = new ArrayList<>();
        int matching = 0;
        TreeSet<String> keys = new TreeSet<>(mine.keySet());
        keys.addAll(theirs.keySet());
        for (String key : keys) {
            ReferenceRow a = mine.get(key);
            ReferenceRow b = theirs.get(key);
            if (a == null) {
                differences.add("only DuckDB: " + b);
            } else if (b == null) {
                differences.add("only ours:   " + a);
            } else if (!a.sameFigures(b)) {
                differences.add("ours   " + a + "\n    DuckDB " + b);
            } else {
                matching++;
            }
        }
        return new Result(ours.size(), reference.size(), matching, differences);
    }

    private static Map<String, ReferenceRow> index(List<ReferenceRow> rows, String side) {
        Map<String, ReferenceRow> byKey = new TreeMap<>();
        for (ReferenceRow r : rows) {
            if (byKey.put(r.key(), r) != null) {
                throw new IllegalStateException(side + " has two rows for " + r.key());
            }
        }
        return byKey;
    }
}
