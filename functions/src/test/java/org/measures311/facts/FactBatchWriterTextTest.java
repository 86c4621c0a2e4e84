package org.measures311.facts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VarCharVector;
import org.junit.jupiter.api.Test;

/**
 * Text cells: the writer encodes a repeated String once (compared by identity), so these check that a
 * repeated value, an equal but different String, a null between repeats, and values across batches and parts
 * all come back as set.
 */
class FactBatchWriterTextTest {

    @Test
    void repeatedEqualAndChangingTextsComeBackAsSet() throws Exception {
        String comment = "Comment";
        String sameTextOtherString = new String("Comment".toCharArray());
        String accented = "Révision";
        List<String> set = new ArrayList<>(List.of(comment, comment, sameTextOtherString, accented));
        set.add(null);
        set.addAll(List.of(accented, comment, "", comment));
        ByteArrayOutputStream arrow = new ByteArrayOutputStream();
        List<String> read = new ArrayList<>();
        try (BufferAllocator allocator = new RootAllocator()) {
            try (FactBatchWriter out = new FactBatchWriter(FactTable.SKILL_LIST, allocator, arrow, 3)) {
                int line = 1;
                for (String text : set.subList(0, 5)) {
                    out.setText(FactTable.SkillList.SKILL_NAME, text).setInt(FactTable.SkillList.SOURCE_LINE, line++);
                    out.endRow();
                }
                FactBatchWriter part = out.newPart();
                for (String text : set.subList(5, set.size())) {
                    part.setText(FactTable.SkillList.SKILL_NAME, text).setInt(FactTable.SkillList.SOURCE_LINE, line++);
                    part.endRow();
                }
                out.append(part);
                out.setText(FactTable.SkillList.SKILL_NAME, comment).setInt(FactTable.SkillList.SOURCE_LINE, line);
                out.endRow();
            }
            FactBatches.forEach(FactTable.SKILL_LIST, new ByteArrayInputStream(arrow.toByteArray()), allocator, batch -> {
                VarCharVector names = (VarCharVector) batch.getVector(FactTable.SkillList.SKILL_NAME);
                for (int i = 0; i < batch.getRowCount(); i++) {
                    read.add(names.isNull(i) ? null : new String(names.get(i), java.nio.charset.StandardCharsets.UTF_8));
                }
            });
        }
        List<String> expected = new ArrayList<>(set);
        expected.add("Comment");
        assertThat(read).isEqualTo(expected);
    }
}
