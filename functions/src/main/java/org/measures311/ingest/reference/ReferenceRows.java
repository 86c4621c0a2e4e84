package org.measures311.ingest.reference;

import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import org.measures311.ingest.DropContent;
import org.measures311.ingest.MalformedDropException;
import org.measures311.ingest.ReadContext;
import org.measures311.ingest.text.DelimitedText;
import org.measures311.ingest.text.TextValues;
import org.measures311.ingest.text.ValueException;

/**
 * The common walk of a reference file: detect encoding and delimiter, find the header (a few comment lines
 * above it are tolerated), then hand every non-blank row to the reader's row handler. A row handler rejects a
 * bad row by throwing {@link RowRejected}; the row is then counted and reported, and the file goes on.
 */
final class ReferenceRows {
    /** The header must appear within this many non-blank records. */
    static final int MAX_LEADING_RECORDS = 10;

    @FunctionalInterface
    interface RowHandler {
        void accept(ReferenceHeader header, List<String> cells, long line) throws RowRejected, IOException;
    }

    /** A bad cell: the column as the file spells it and what was wrong. */
    static final class RowRejected extends Exception {
        private final String column;

        RowRejected(String column, String message) {
            super(message, null, false, false);
            this.column = column;
        }
    }

    private ReferenceRows() {
    }

    static void read(DropContent content, ReadContext context, List<ReferenceHeader.Column> columns, RowHandler handler)
            throws IOException, MalformedDropException {
        DelimitedText text = DelimitedText.open(content, context);
        DelimitedText.HeaderRow found = text.findHeader(cells -> ReferenceHeader.score(columns, cells), MAX_LEADING_RECORDS);
        if (found == null) {
            throw context.malformed(0, "", "no header row naming the columns "
                    + columns.stream().map(ReferenceHeader.Column::name).toList()
                    + " in the first " + MAX_LEADING_RECORDS + " lines");
        }
        try (DelimitedText.Records records = text.records(found.delimiter())) {
            ReferenceHeader header = null;
            while (records.hasNext()) {
                CsvRecord record = records.next();
                long line = record.getStartingLineNumber();
                if (line < found.line()) {
                    continue;
                }
                if (header == null) {
                    header = ReferenceHeader.of(columns, record.getFields(), line, context);
                    continue;
                }
                if (record.getFields().stream().allMatch(TextValues::isBlank)) {
                    continue;
                }
                context.rowRead();
                try {
                    handler.accept(header, record.getFields(), line);
                } catch (RowRejected e) {
                    context.rowRejected(line, e.column, e.getMessage());
                }
            }
        }
    }

    /** An optional local date cell; null when blank. */
    static LocalDate optionalDate(ReferenceHeader header, List<String> cells, ReferenceHeader.Column column)
            throws RowRejected {
        String cell = header.cell(cells, column);
        if (TextValues.isBlank(cell)) {
            return null;
        }
        try {
            return TextValues.date(cell);
        } catch (ValueException e) {
            throw new RowRejected(header.nameOf(column), e.getMessage());
        }
    }

    /** valid_from and valid_to are inclusive; a range that ends before it starts is a typo, not an empty range. */
    static void checkRange(ReferenceHeader header, ReferenceHeader.Column to, LocalDate validFrom, LocalDate validTo)
            throws RowRejected {
        if (validFrom != null && validTo != null && validTo.isBefore(validFrom)) {
            throw new RowRejected(header.nameOf(to), "valid_to " + validTo + " is before valid_from " + validFrom);
        }
    }
}
