package org.measures311.ingest.avaya;

import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.measures311.facts.FactBatchWriter;
import org.measures311.facts.FactTable;
import org.measures311.ingest.DropContent;
import org.measures311.ingest.DropReader;
import org.measures311.ingest.MalformedDropException;
import org.measures311.ingest.ReadContext;
import org.measures311.ingest.text.DelimitedText;
import org.measures311.ingest.text.TextValues;
import org.measures311.ingest.text.ValueException;

/**
 * Reads an Avaya CMS Supervisor historical report export ("311 Multi-Day Multi-Skill": one row per day per
 * skill) into {@link FactTable#PHONE_SKILL_DAYS}, accepting what CMS and the people who re-save its exports
 * really write:
 * <ul>
 *   <li>tab-, comma- or semicolon-delimited, optionally quoted; UTF-8 with or without BOM, UTF-16 with BOM,
 *       or Windows-1252; CRLF or LF ({@link DelimitedText});</li>
 *   <li>a preamble (report title, {@code Split/Skill:}, {@code Date:}, {@code Time Zone:} lines, blank lines)
 *       before the header row, which is found by its column names ({@link CmsColumn}); a single-day report
 *       without a Date column takes its date from the {@code Date:} line;</li>
 *   <li>Totals/Summary rows, blank rows and footer lines are skipped ({@link CmsRowReader}).</li>
 * </ul>
 * Memory is constant in the file size: one encoding pass over the bytes, a few passes over the (short)
 * preamble to find the delimiter, then one streaming pass over the records.
 */
public final class AvayaCmsReader implements DropReader {
    /** The header must appear within this many non-blank records; CMS preambles are a handful of lines. */
    public static final int MAX_PREAMBLE_RECORDS = 50;

    /** "Date: 6/1/2025", "Date:\t06/01/25", "Report Date: 2025-06-01"; not "Dates: 6/1/2025-6/30/2025". */
    private static final Pattern DATE_LINE = Pattern.compile("(?i)\\s*(?:report\\s*)?date\\s*:\\s*(.*)", Pattern.DOTALL);

    @Override
    public FactTable table() {
        return FactTable.PHONE_SKILL_DAYS;
    }

    @Override
    public void read(DropContent content, ReadContext context, FactBatchWriter out) throws IOException, MalformedDropException {
        DelimitedText text = DelimitedText.open(content, context);
        DelimitedText.HeaderRow found = text.findHeader(CmsHeader::score, MAX_PREAMBLE_RECORDS);
        if (found == null) {
            throw context.malformed(0, "", "no CMS report header (a row naming Split/Skill, ACD Calls, Aban Calls ...)"
                    + " in the first " + MAX_PREAMBLE_RECORDS + " lines");
        }
        try (DelimitedText.Records records = text.records(found.delimiter())) {
            LocalDate preambleDate = null;
            MalformedDropException badDateLine = null;
            CmsRowReader rows = null;
            while (records.hasNext()) {
                CsvRecord record = records.next();
                long line = record.getStartingLineNumber();
                if (rows != null) {
                    rows.accept(record.getFields(), line);
                } else if (line < found.line()) {
                    try {
                        preambleDate = dateLine(record.getFields(), found.delimiter(), preambleDate);
                    } catch (ValueException e) {
                        badDateLine = context.malformed(line, "Date:", e.getMessage());
                    }
                } else {
                    CmsHeader header = CmsHeader.of(record.getFields(), line, context);
                    if (!header.has(CmsColumn.DATE) && preambleDate == null) {
                        if (badDateLine != null) {
                            throw badDateLine;
                        }
                        throw context.malformed(line, CmsColumn.DATE.label(), "required column Date is missing from"
                                + " the header and no 'Date:' line precedes it");
                    }
                    rows = new CmsRowReader(header, preambleDate, context, out);
                }
            }
        }
    }

    /**
     * The report date from a preamble {@code Date:} line, or {@code earlier} when the record is not one. A
     * Date: line without a date only matters (and fails the file) when the header has no Date column.
     */
    private static LocalDate dateLine(List<String> cells, char delimiter, LocalDate earlier) throws ValueException {
        String text = String.join(String.valueOf(delimiter), cells);
        Matcher m = DATE_LINE.matcher(text);
        if (!m.matches()) {
            return earlier;
        }
        String value = m.group(1).replace(delimiter, ' ').strip();
        String firstToken = value.split("\\s+", 2)[0];
        for (String candidate : List.of(value, firstToken)) {
            try {
                return TextValues.date(candidate);
            } catch (ValueException e) {
                // try the next reading
            }
        }
        throw new ValueException("preamble Date: line does not hold a date (M/d/yyyy, M/d/yy or yyyy-MM-dd): "
                + TextValues.quoteCell(value));
    }
}
