package org.measures311.local;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import org.measures311.measures.MeasureRow;

/**
 * The CSV contract of every measure row: {@code measure,grain,period,dimension,member,value,numerator,denominator},
 * '.' decimals, no thousands separators, empty dimension/member/denominator where there is none. The header is
 * part of the product's interface: keep it stable.
 */
public final class MeasureRowsCsv implements AutoCloseable {
    public static final String[] HEADER = {"measure", "grain", "period", "dimension", "member", "value", "numerator", "denominator"};

    private final CsvWriter csv;

    public MeasureRowsCsv(Writer out) {
        this.csv = CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(out);
        csv.writeRecord(HEADER);
    }

    public void write(MeasureRow row) {
        csv.writeRecord(row.measure(), row.grain().code(), row.period(), row.dimension(), row.member(),
                plain(row.value()), plain(row.numerator()), plain(row.denominator()));
    }

    static String plain(BigDecimal d) {
        return d == null ? "" : d.toPlainString();
    }

    @Override
    public void close() throws IOException {
        csv.close();
    }
}
