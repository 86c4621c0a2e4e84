package org.measures311.ingest.avaya;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.measures311.ingest.MalformedDropException;
import org.measures311.ingest.ReadContext;

/**
 * The header row of a CMS export: which cell holds which known column, and the column names as the file spells
 * them (for error messages). Unknown columns are ignored; a known column named twice is ambiguous.
 */
final class CmsHeader {
    /** A record is taken for the header when it names at least this many distinct known columns. */
    static final int MIN_RECOGNISED = 2;

    private final Map<CmsColumn, Integer> index;
    private final List<String> cells;
    private final long line;

    private CmsHeader(Map<CmsColumn, Integer> index, List<String> cells, long line) {
        this.index = index;
        this.cells = cells;
        this.line = line;
    }

    /** How strongly a record looks like the header: the number of distinct known columns it names, or 0. */
    static int score(List<String> cells) {
        Set<CmsColumn> seen = new HashSet<>();
        for (String cell : cells) {
            CmsColumn column = CmsColumn.ofHeader(cell);
            if (column != null) {
                seen.add(column);
            }
        }
        return seen.size() >= MIN_RECOGNISED ? seen.size() : 0;
    }

    /**
     * Maps the header's cells; a required column that is missing or named twice makes the file unreadable (a
     * duplicated ACD Calls column would leave it to chance which count is the phone measure). An optional
     * column named twice (say "Acceptable" and "Calls Ans within SL", which CMS versions use for the same
     * count) keeps its first cell. The date is checked by the reader, which may find it in the preamble.
     */
    static CmsHeader of(List<String> cells, long line, ReadContext context) throws MalformedDropException {
        Map<CmsColumn, Integer> index = new EnumMap<>(CmsColumn.class);
        for (int i = 0; i < cells.size(); i++) {
            CmsColumn column = CmsColumn.ofHeader(cells.get(i));
            if (column == null) {
                continue;
            }
            Integer earlier = index.putIfAbsent(column, i);
            if (earlier != null && column.required()) {
                throw context.malformed(line, cells.get(i), "column " + column.label() + " appears twice in the header"
                        + " (cells " + (earlier + 1) + " and " + (i + 1) + ")");
            }
        }
        for (CmsColumn column : CmsColumn.values()) {
            if (column.required() && !index.containsKey(column)) {
                throw context.malformed(line, column.label(), "required column " + column.label()
                        + " is missing from the header");
            }
        }
        return new CmsHeader(index, List.copyOf(cells), line);
    }

    boolean has(CmsColumn column) {
        return index.containsKey(column);
    }

    /** The cell index of a column, or -1. */
    int indexOf(CmsColumn column) {
        Integer i = index.get(column);
        return i == null ? -1 : i;
    }

    /** The column's name as the file spells it (falls back to the usual CMS name). */
    String nameOf(CmsColumn column) {
        Integer i = index.get(column);
        return i == null ? column.label() : cells.get(i).strip();
    }

    int width() {
        return cells.size();
    }

    long line() {
        return line;
    }
}
