package org.measures311.ingest.reference;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.measures311.facts.FactBatchWriter;
import org.measures311.facts.FactTable;
import org.measures311.facts.FactTable.Targets;
import org.measures311.ingest.DropContent;
import org.measures311.ingest.DropReader;
import org.measures311.ingest.MalformedDropException;
import org.measures311.ingest.ReadContext;
import org.measures311.ingest.text.TextValues;
import org.measures311.ingest.text.ValueException;

/**
 * Reads {@code reference/targets.csv} into {@link FactTable#TARGETS}: columns {@code measure} (a measure id,
 * stored lower case), {@code target} (a number), optional {@code direction} ({@code higher_is_better},
 * {@code lower_is_better} or {@code none}; spaces and hyphens count as '_'), {@code valid_from} and
 * {@code valid_to} (inclusive local dates). Whether the measure id exists is the measures layer's call: ingest
 * keeps what the file says.
 */
public final class TargetsReader implements DropReader {
    static final ReferenceHeader.Column MEASURE = new ReferenceHeader.Column("measure", true);
    static final ReferenceHeader.Column TARGET = new ReferenceHeader.Column("target", true);
    static final ReferenceHeader.Column DIRECTION = new ReferenceHeader.Column("direction", false);
    static final ReferenceHeader.Column VALID_FROM = new ReferenceHeader.Column("valid_from", false);
    static final ReferenceHeader.Column VALID_TO = new ReferenceHeader.Column("valid_to", false);
    private static final List<ReferenceHeader.Column> COLUMNS = List.of(MEASURE, TARGET, DIRECTION, VALID_FROM, VALID_TO);
    private static final Set<String> DIRECTIONS = Set.of("higher_is_better", "lower_is_better", "none");

    public TargetsReader() {
    }

    @Override
    public FactTable table() {
        return FactTable.TARGETS;
    }

    @Override
    public void read(DropContent content, ReadContext context, FactBatchWriter out) throws IOException, MalformedDropException {
        ReferenceRows.read(content, context, COLUMNS, (header, cells, line) -> {
            String measure = TextValues.clean(header.cell(cells, MEASURE)).toLowerCase(Locale.ROOT);
            if (measure.isEmpty()) {
                throw new ReferenceRows.RowRejected(header.nameOf(MEASURE), "missing measure id");
            }
            double target = target(header, cells);
            String direction = direction(header, cells);
            LocalDate validFrom = ReferenceRows.optionalDate(header, cells, VALID_FROM);
            LocalDate validTo = ReferenceRows.optionalDate(header, cells, VALID_TO);
            ReferenceRows.checkRange(header, VALID_TO, validFrom, validTo);
            out.setText(Targets.MEASURE, measure)
                    .setDouble(Targets.TARGET, target)
                    .setText(Targets.DIRECTION, direction)
                    .setDate(Targets.VALID_FROM, validFrom)
                    .setDate(Targets.VALID_TO, validTo)
                    .setInt(Targets.SOURCE_LINE, (int) Math.min(Integer.MAX_VALUE, line));
            out.endRow();
        });
    }

    /** A number; a trailing '%' is allowed (a percent measure's target is written as its 0..100 value). */
    private static double target(ReferenceHeader header, List<String> cells) throws ReferenceRows.RowRejected {
        String cell = TextValues.clean(header.cell(cells, TARGET));
        if (cell.isEmpty()) {
            throw new ReferenceRows.RowRejected(header.nameOf(TARGET), "missing target");
        }
        try {
            return TextValues.decimal(cell.endsWith("%") ? cell.substring(0, cell.length() - 1).strip() : cell).doubleValue();
        } catch (ValueException e) {
            throw new ReferenceRows.RowRejected(header.nameOf(TARGET), e.getMessage());
        }
    }

    private static String direction(ReferenceHeader header, List<String> cells) throws ReferenceRows.RowRejected {
        String cell = TextValues.clean(header.cell(cells, DIRECTION));
        if (cell.isEmpty()) {
            return null;
        }
        String code = cell.toLowerCase(Locale.ROOT).replaceAll("[\\s-]+", "_");
        if (!DIRECTIONS.contains(code)) {
            throw new ReferenceRows.RowRejected(header.nameOf(DIRECTION),
                    "expected higher_is_better, lower_is_better or none, was '" + TextValues.shorten(cell) + "'");
        }
        return code;
    }
}
