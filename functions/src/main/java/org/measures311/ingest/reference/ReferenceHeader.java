package org.measures311.ingest.reference;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.measures311.ingest.MalformedDropException;
import org.measures311.ingest.ReadContext;
import org.measures311.ingest.text.TextValues;

/**
 * The header of a small hand-kept reference CSV: which cell holds which named column. Names compare case- and
 * whitespace-insensitively, and '_' is optional ("valid_from", "Valid From", "validfrom" are one column), since
 * these files are kept in spreadsheets by supervisors.
 */
final class ReferenceHeader {
    /** A column of a reference file: its documented name and whether every file must have it. */
    record Column(String name, boolean required) {
        String key() {
            return keyOf(name);
        }
    }

    private final Map<String, Integer> index;
    private final List<String> cells;

    private ReferenceHeader(Map<String, Integer> index, List<String> cells) {
        this.index = index;
        this.cells = cells;
    }

    static String keyOf(String cell) {
        return TextValues.headerKey(cell).replace("_", "");
    }

    /** How many of the columns a record names (0 when none: not a header). */
    static int score(List<Column> columns, List<String> cells) {
        int score = 0;
        for (Column column : columns) {
            if (cells.stream().anyMatch(c -> keyOf(c).equals(column.key()))) {
                score++;
            }
        }
        return score;
    }

    static ReferenceHeader of(List<Column> columns, List<String> cells, long line, ReadContext context)
            throws MalformedDropException {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < cells.size(); i++) {
            String key = keyOf(cells.get(i));
            for (Column column : columns) {
                if (column.key().equals(key) && index.putIfAbsent(column.name(), i) != null) {
                    throw context.malformed(line, cells.get(i), "column " + column.name() + " appears twice in the header");
                }
            }
        }
        for (Column column : columns) {
            if (column.required() && !index.containsKey(column.name())) {
                throw context.malformed(line, column.name(), "required column " + column.name() + " is missing from the header");
            }
        }
        return new ReferenceHeader(index, List.copyOf(cells));
    }

    /** The cell of a column in a row; null when the file has no such column or the row stops short of it. */
    String cell(List<String> row, Column column) {
        Integer i = index.get(column.name());
        return i == null || i >= row.size() ? null : row.get(i);
    }

    /** The column's name as the file spells it, for row errors. */
    String nameOf(Column column) {
        Integer i = index.get(column.name());
        return i == null ? column.name() : cells.get(i).strip();
    }
}
