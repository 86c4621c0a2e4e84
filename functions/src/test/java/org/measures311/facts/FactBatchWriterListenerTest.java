package org.measures311.facts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;
import org.measures311.facts.FactTable.SkillList;

/** The batch listener hears every batch that goes into the stream, with its row count, and nothing else. */
class FactBatchWriterListenerTest {

    @Test
    void eachBatchWrittenToTheStreamIsReportedWithItsRows() throws Exception {
        List<Integer> heard = new ArrayList<>();
        try (BufferAllocator allocator = new RootAllocator()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (FactBatchWriter writer = new FactBatchWriter(FactTable.SKILL_LIST, allocator, out, 2).onBatchWritten(heard::add)) {
                for (int line = 1; line <= 5; line++) {
                    writer.setInt(SkillList.SKILL_NUMBER, 100 + line).setInt(SkillList.SOURCE_LINE, line).endRow();
                    if (line == 2) {
                        assertThat(heard).as("a full batch is written at once").containsExactly(2);
                    }
                }
                assertThat(heard).as("the last partial batch waits for close").containsExactly(2, 2);
            }
            assertThat(heard).containsExactly(2, 2, 1);
        }
    }

    @Test
    void batchesOfAnAppendedPartAreReportedWhenTheyEnterTheStreamNotWhileThePartFills() throws Exception {
        List<Integer> heard = new ArrayList<>();
        try (BufferAllocator allocator = new RootAllocator()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (FactBatchWriter writer = new FactBatchWriter(FactTable.SKILL_LIST, allocator, out, 2).onBatchWritten(heard::add)) {
                FactBatchWriter part = writer.newPart();
                for (int line = 1; line <= 3; line++) {
                    part.setInt(SkillList.SKILL_NUMBER, 200 + line).setInt(SkillList.SOURCE_LINE, line).endRow();
                }
                assertThat(heard).as("a part's batches are not in the stream yet").isEmpty();
                writer.setInt(SkillList.SKILL_NUMBER, 300).setInt(SkillList.SOURCE_LINE, 4).endRow();
                writer.append(part);
                assertThat(heard).as("this writer's pending row first, then the part's two batches").containsExactly(1, 2, 1);
            }
            assertThat(heard).as("nothing left at close").containsExactly(1, 2, 1);
        }
    }
}
