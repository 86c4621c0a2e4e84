package org.measures311.ingest.text;

import de.siegmar.fastcsv.reader.CloseableIterator;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.ToIntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.measures311.ingest.DropContent;
import org.measures311.ingest.MalformedDropException;
import org.measures311.ingest.ReadContext;

/**
 * Delimited text through FastCSV, for files whose delimiter is not known in advance and whose header row may
 * follow a ragged preamble (report exports, spreadsheets saved by hand). Records are read with any number of
 * fields ({@link FieldMismatchStrategy#IGNORE}), so a one-cell title line and a twenty-cell data row are both
 * records; the caller recognises its header among the first records by its column names.
 *
 * <p>Why the limits: a field longer than {@link #MAX_FIELD_CHARS} (a runaway quote, a binary blob, a 10 MB
 * single line) fails fast instead of growing a buffer, and an unterminated quote is an error rather than
 * silently swallowing the rest of the file into one cell.
 */
public final class DelimitedText {
    /** Tab first: CMS's own export default; comma and semicolon (Excel in comma-decimal locales) after. */
    public static final List<Character> DELIMITERS = List.of('\t', ',', ';');
    /** No report field comes near this; FastCSV's own default (16M chars) would let one line eat 32 MB. */
    public static final int MAX_FIELD_CHARS = 64 * 1024;

    private static final Pattern PARSER_LINE = Pattern.compile("starting at line (\\d+)");

    private final DropContent content;
    private final TextEncoding encoding;
    private final ReadContext context;

    public DelimitedText(DropContent content, TextEncoding encoding, ReadContext context) {
        this.content = content;
        this.encoding = encoding;
        this.context = context;
    }

    /** Detects the encoding of the content; binary content is a malformed drop. */
    public static DelimitedText open(DropContent content, ReadContext context) throws IOException, MalformedDropException {
        try {
            return new DelimitedText(content, TextEncoding.detect(content), context);
        } catch (TextEncoding.BinaryContentException e) {
            throw context.malformed(0, "", e.getMessage());
        }
    }

    public TextEncoding encoding() {
        return encoding;
    }

    /** Where a header was found: its delimiter, its physical line and its cells, and how well it scored. */
    public record HeaderRow(char delimiter, long line, List<String> cells, int score) {
    }

    /**
     * Tries every delimiter on the first {@code maxRecords} records and returns the header row that scores
     * highest ({@code scorer} answers 0 for "not a header"); ties go to the earlier delimiter. Null when no
     * record scores above zero under any delimiter; when none does and a delimiter met a tokenising error (a
     * runaway quote, an over-long field), that error.
     */
    public HeaderRow findHeader(ToIntFunction<List<String>> scorer, int maxRecords) throws IOException, MalformedDropException {
        HeaderRow best = null;
        MalformedDropException firstError = null;
        for (char delimiter : DELIMITERS) {
            try (Records records = records(delimiter)) {
                for (int i = 0; i < maxRecords && records.hasNext(); i++) {
                    CsvRecord record = records.next();
                    int score = scorer.applyAsInt(record.getFields());
                    if (score > 0) {
                        if (best == null || score > best.score()) {
                            best = new HeaderRow(delimiter, record.getStartingLineNumber(), record.getFields(), score);
                        }
                        break;
                    }
                }
            } catch (MalformedDropException e) {
                // a parse error under a wrong delimiter says nothing unless no delimiter finds a header at all
                firstError = firstError == null ? e : firstError;
            }
        }
        if (best == null && firstError != null) {
            throw firstError;
        }
        return best;
    }

    /** Opens the records of the whole content with one delimiter; blank lines are skipped. */
    public Records records(char delimiter) throws IOException {
        InputStream in = content.open();
        try {
            in.skipNBytes(encoding.bomLength());
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
        CsvReader<CsvRecord> reader = CsvReader.builder()
                .fieldSeparator(delimiter)
                .quoteCharacter('"')
                .skipEmptyLines(true)
                .extraFieldStrategy(FieldMismatchStrategy.IGNORE)
                .missingFieldStrategy(FieldMismatchStrategy.IGNORE)
                .allowUnclosedQuote(false)
                .maxBufferSize(MAX_FIELD_CHARS)
                .ofCsvRecord(new InputStreamReader(in, encoding.charset()));
        return new Records(reader, context);
    }

    /**
     * An iterator of records that turns the tokenizer's failures into a malformed drop located at the line the
     * failing record starts on.
     */
    public static final class Records implements AutoCloseable {
        private final CsvReader<CsvRecord> reader;
        private final CloseableIterator<CsvRecord> iterator;
        private final ReadContext context;
        private long lastLine;

        Records(CsvReader<CsvRecord> reader, ReadContext context) {
            this.reader = reader;
            this.iterator = reader.iterator();
            this.context = context;
        }

        public boolean hasNext() throws IOException, MalformedDropException {
            try {
                return iterator.hasNext();
            } catch (CsvParseException e) {
                throw located(e);
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }

        public CsvRecord next() throws IOException, MalformedDropException {
            try {
                CsvRecord record = iterator.next();
                lastLine = record.getStartingLineNumber();
                return record;
            } catch (CsvParseException e) {
                throw located(e);
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }

        private MalformedDropException located(CsvParseException e) {
            Matcher m = PARSER_LINE.matcher(String.valueOf(e.getMessage()));
            long line = m.find() ? Long.parseLong(m.group(1)) : lastLine + 1;
            return context.malformed(line, "", "cannot tokenise delimited text: " + e.getMessage());
        }

        @Override
        public void close() throws IOException {
            reader.close();
        }
    }
}
