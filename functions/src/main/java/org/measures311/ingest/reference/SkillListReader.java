package org.measures311.ingest.reference;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import org.measures311.facts.FactBatchWriter;
import org.measures311.facts.FactTable;
import org.measures311.facts.FactTable.SkillList;
import org.measures311.ingest.DropContent;
import org.measures311.ingest.DropReader;
import org.measures311.ingest.MalformedDropException;
import org.measures311.ingest.ReadContext;
import org.measures311.facts.SkillLabel;

/**
 * Reads {@code reference/skills.csv}, the 311 skill list supervisors keep, into {@link FactTable#SKILL_LIST}:
 * column {@code skill} (a number, a name, or "number - name" as CMS writes it), optional {@code valid_from}
 * and {@code valid_to} (inclusive local dates, M/d/yyyy, M/d/yy or ISO). The listed label is stored as number
 * and name so that phone measures can match CMS rows with {@link SkillLabel#matches}.
 */
public final class SkillListReader implements DropReader {
    static final ReferenceHeader.Column SKILL = new ReferenceHeader.Column("skill", true);
    static final ReferenceHeader.Column VALID_FROM = new ReferenceHeader.Column("valid_from", false);
    static final ReferenceHeader.Column VALID_TO = new ReferenceHeader.Column("valid_to", false);
    private static final List<ReferenceHeader.Column> COLUMNS = List.of(SKILL, VALID_FROM, VALID_TO);

    public SkillListReader() {
    }

    @Override
    public FactTable table() {
        return FactTable.SKILL_LIST;
    }

    @Override
    public void read(DropContent content, ReadContext context, FactBatchWriter out) throws IOException, MalformedDropException {
        ReferenceRows.read(content, context, COLUMNS, (header, cells, line) -> {
            SkillLabel skill = SkillLabel.parse(header.cell(cells, SKILL));
            if (skill == null) {
                throw new ReferenceRows.RowRejected(header.nameOf(SKILL), "missing skill");
            }
            LocalDate validFrom = ReferenceRows.optionalDate(header, cells, VALID_FROM);
            LocalDate validTo = ReferenceRows.optionalDate(header, cells, VALID_TO);
            ReferenceRows.checkRange(header, VALID_TO, validFrom, validTo);
            if (skill.number() == null) {
                out.setNull(SkillList.SKILL_NUMBER);
            } else {
                out.setInt(SkillList.SKILL_NUMBER, skill.number());
            }
            out.setText(SkillList.SKILL_NAME, skill.name())
                    .setDate(SkillList.VALID_FROM, validFrom)
                    .setDate(SkillList.VALID_TO, validTo)
                    .setInt(SkillList.SOURCE_LINE, (int) Math.min(Integer.MAX_VALUE, line));
            out.endRow();
        });
    }
}
