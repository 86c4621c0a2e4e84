package org.measures311.api;

import com.fasterxml.jackson.core.JsonGenerator;
import de.siegmar.fastcsv.writer.CsvWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.measures311.measures.MeasureRow;

/**
 * How a {@link MeasureRow} goes out: the CSV contract columns first, in their order, then the API's extra
 * columns. Every column is always present (null in JSON, empty in CSV when it has no value), so Power BI sees
 * the same schema whether a page is full or empty. Numbers use '.' and plain notation, no thousands separators.
 */
final class MeasureRowFormat {
    /** The CSV contract of issue 2, unchanged. */
    static final List<String> CONTRACT_COLUMNS =
            List.of("measure", "grain", "period", "dimension", "member", "value", "numerator", "denominator");
    /** What the API adds after the contract columns. */
    static final List<String> EXTRA_COLUMNS = List.of("periodStart", "periodEnd", "target", "meetsTarget", "computedAt", "flags");

    private MeasureRowFormat() {
    }

    static void writeJson(JsonGenerator g, MeasureRow r) throws IOException {
        g.writeStartObject();
        Json.field(g, "measure", r.measure());
        Json.field(g, "grain", r.grain().code());
        Json.field(g, "period", r.period());
        Json.field(g, "dimension", r.dimension());
        Json.field(g, "member", r.member());
        Json.field(g, "value", r.value());
        Json.field(g, "numerator", r.numerator());
        Json.field(g, "denominator", r.denominator());
        Json.field(g, "periodStart", r.periodStart());
        Json.field(g, "periodEnd", r.periodEnd());
        Json.field(g, "target", r.target());
        Json.field(g, "meetsTarget", r.meetsTarget());
        Json.field(g, "computedAt", r.computedAt());
        // e.g. "all_skills_no_skill_list": the phone figures count every CMS skill because no 311 skill list landed.
        g.writeArrayFieldStart("flags");
        for (String flag : r.flags()) {
            g.writeString(flag);
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    /** The rows as CSV (RFC 4180, CRLF line ends, UTF-8 without BOM), header line always present. */
    static byte[] csv(List<MeasureRow> rows) {
        StringWriter out = new StringWriter(64 + rows.size() * 96);
        try (CsvWriter csv = CsvWriter.builder().build(out)) {
            String[] header = new String[CONTRACT_COLUMNS.size() + EXTRA_COLUMNS.size()];
            int i = 0;
            for (String c : CONTRACT_COLUMNS) {
                header[i++] = c;
            }
            for (String c : EXTRA_COLUMNS) {
                header[i++] = c;
            }
            csv.writeRecord(header);
            for (MeasureRow r : rows) {
                csv.writeRecord(r.measure(), r.grain().code(), r.period(), r.dimension(), r.member(),
                        plain(r.value()), plain(r.numerator()), plain(r.denominator()),
                        r.periodStart().toString(), r.periodEnd().toString(),
                        r.target() == null ? "" : plain(BigDecimal.valueOf(r.target())),
                        r.meetsTarget() == null ? "" : r.meetsTarget().toString(),
                        r.computedAt() == null ? "" : r.computedAt().toString(),
                        String.join(";", r.flags()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Plain decimal text without trailing zeros after the point: 90.0 -> 90, 0.250 -> 0.25, 1E+3 -> 1000. */
    static String plain(BigDecimal n) {
        if (n == null) {
            return "";
        }
        BigDecimal s = n.stripTrailingZeros();
        return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
    }
}
