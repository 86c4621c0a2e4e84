package org.measures311.ingest.zendesk;

import de.siegmar.fastcsv.reader.CloseableIterator;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.measures311.ingest.MalformedDropException;
import org.measures311.ingest.ReadContext;

/**
 * Comma-separated Zendesk tables (FastCSV, UTF-8, BOM tolerated, header row first). Header names are matched
 * trimmed and case-insensitively against the spec's dotted paths; a column whose name is the parent of wanted
 * paths ({@code user_fields}, {@code custom_fields}, {@code via}) is read as JSON text. Columns the spec does
 * not want are never looked at, and wanted cells reach their slots from FastCSV's char buffer through
 * {@link SlotCsvHandler} (ids as integers, repeated short values as the previous row's string).
 */
final class CsvRecordSource implements RecordSource {
    /** Per column: the spec node its JSON text is captured under, or null. */
    private final FieldSpec.Node[] jsonNodeOfColumn;
    private final String[] header;
    private final CsvReader<SlotCsvHandler> reader;
    private final CloseableIterator<SlotCsvHandler> records;
    private final SlotCsvHandler handler;
    private final ReadContext context;
    /** Physical lines before the first one this reader sees (non-zero when it reads a range of the file). */
    private final long lineOffset;
    private long lastLine;

    private CsvRecordSource(CsvReader<SlotCsvHandler> reader, CloseableIterator<SlotCsvHandler> records,
            SlotCsvHandler handler, String[] header, FieldSpec spec, ReadContext context, long lineOffset) {
        this.reader = reader;
        this.records = records;
        this.handler = handler;
        this.header = header;
        this.context = context;
        this.lineOffset = lineOffset;
        this.lastLine = lineOffset + 1;
        int[] slotOfColumn = new int[header.length];
        boolean[] jsonColumn = new boolean[header.length];
        this.jsonNodeOfColumn = new FieldSpec.Node[header.length];
        for (int i = 0; i < header.length; i++) {
            FieldSpec.Node node = header[i].isEmpty() ? null : spec.find(header[i]);
            slotOfColumn[i] = node == null ? -1 : node.slot;
            if (node != null && node.slot < 0 && node.hasStructure()) {
                jsonNodeOfColumn[i] = node;
                jsonColumn[i] = true;
            }
        }
        handler.route(slotOfColumn, jsonColumn, spec);
    }

    private static CsvReader<SlotCsvHandler> reader(SlotCsvHandler handler, InputStream in) {
        return CsvReader.builder()
                .detectBomHeader(true)
                .skipEmptyLines(true)
                // Rows with too few or too many cells are rejected one by one below, not by failing the file.
                .allowExtraFields(true)
                .allowMissingFields(true)
                // An unclosed quote swallows the rest of the file into one cell: the file is not valid CSV.
                .allowUnclosedQuote(false)
                .build(handler, in, StandardCharsets.UTF_8);
    }

    /**
     * The data rows of a byte range of a file whose header {@link #header()} was read by {@link #open}: the
     * range starts at a line start outside any quoted cell, {@code lineOffset} physical lines into the file.
     */
    static CsvRecordSource continuation(InputStream in, String[] header, FieldSpec spec, ReadContext context,
            long lineOffset) {
        SlotCsvHandler handler = new SlotCsvHandler(new SourceRecord(spec), lineOffset, false);
        CsvReader<SlotCsvHandler> reader = reader(handler, in);
        return new CsvRecordSource(reader, reader.iterator(), handler, header, spec, context, lineOffset);
    }

    /** The header's names as matched (trimmed, lower case), in column order. */
    String[] header() {
        return header.clone();
    }

    static CsvRecordSource open(InputStream in, ReadContext context, FieldSpec spec, List<List<String>> required)
            throws IOException, MalformedDropException {
        SlotCsvHandler handler = new SlotCsvHandler(new SourceRecord(spec), 0, true);
        CsvReader<SlotCsvHandler> reader = reader(handler, in);
        boolean opened = false;
        try {
            CloseableIterator<SlotCsvHandler> records = reader.iterator();
            if (!hasNext(records, context, 1)) {
                throw context.malformed(1, "", "empty file: expected a header row");
            }
            records.next();
            String[] header = handler.headerCells();
            long headerLine = handler.startingLineNumber();
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < header.length; i++) {
                header[i] = header[i].strip().toLowerCase(Locale.ROOT);
                if (!header[i].isEmpty() && !seen.add(header[i])) {
                    throw context.malformed(headerLine, header[i], "column appears twice in the header");
                }
            }
            List<String> missing = RecordSources.firstMissing(required, seen::contains);
            if (missing != null) {
                throw context.malformed(headerLine, missing.get(0),
                        "required column missing from the header (expected one of " + missing + ")");
            }
            CsvRecordSource source = new CsvRecordSource(reader, records, handler, header, spec, context, 0);
            opened = true;
            return source;
        } finally {
            if (!opened) {
                reader.close();
            }
        }
    }

    @Override
    public SourceRecord next() throws IOException, MalformedDropException {
        if (!hasNext(records, context, lastLine + 1)) {
            return null;
        }
        records.next();
        SourceRecord record = handler.record();
        lastLine = lineOffset + handler.startingLineNumber();
        int cells = handler.fieldCount();
        if (cells != header.length) {
            record.reset(lastLine);
            record.reportProblem("", "expected " + header.length + " cells as in the header, found " + cells);
            return record;
        }
        for (int i = 0; i < cells; i++) {
            if (jsonNodeOfColumn[i] != null) {
                JsonCapture.captureText(handler.jsonCell(i), header[i], jsonNodeOfColumn[i], record);
            }
        }
        return record;
    }

    /** FastCSV reports broken quoting as an unchecked exception from the iterator; it makes the file malformed. */
    private static boolean hasNext(CloseableIterator<SlotCsvHandler> records, ReadContext context, long line)
            throws IOException, MalformedDropException {
        try {
            return records.hasNext();
        } catch (CsvParseException e) {
            throw context.malformed(line, "", "not valid CSV: " + JsonCapture.firstLine(e.getMessage()));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
