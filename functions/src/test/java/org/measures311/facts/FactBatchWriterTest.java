package org.measures311.facts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Rows written, read back from the IPC stream cell by cell (nulls, repeated text, batch edges, parts). */
class FactBatchWriterTest {
    private final BufferAllocator allocator = new RootAllocator();

    @AfterEach
    void allMemoryReleased() {
        assertThat(allocator.getAllocatedMemory()).isZero();
        allocator.close();
    }

    @Test
    void cellsNullsAndRepeatedTextReadBackAcrossBatchEdges() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String comment = "Comment";
        try (FactBatchWriter writer = new FactBatchWriter(FactTable.TICKETS, allocator, out, 3)) {
            for (int i = 0; i < 8; i++) {
                writer.setLong(FactTable.Tickets.TICKET_ID, 100 + i).setEpochMillis(FactTable.Tickets.CREATED_AT, i * 1000L);
                if (i % 3 != 0) {
                    writer.setEpochMillis(FactTable.Tickets.UPDATED_AT, i * 2000L);
                }
                // The same instance on most rows, an equal new string on row 4, other text on row 5, null on row 6.
                writer.setText(FactTable.Tickets.STATUS, i == 4 ? new String("Comment") : i == 5 ? "Audit \u00e9" : i == 6 ? null : comment);
                writer.setText(FactTable.Tickets.CATEGORY, "c" + i);
                if (i == 7) {
                    writer.setNull(FactTable.Tickets.CATEGORY); // set, then cleared again in the same row
                    writer.setEpochMillis(FactTable.Tickets.UPDATED_AT, 1L).setNull(FactTable.Tickets.UPDATED_AT);
                }
                writer.setInt(FactTable.Tickets.SOURCE_LINE, i + 2);
                writer.endRow();
            }
            assertThat(writer.rowsWritten()).isEqualTo(8);
        }

        List<List<Object>> rows = readBack(out.toByteArray());
        assertThat(rows).hasSize(8);
        assertThat(column(rows, 0)).containsExactly(100L, 101L, 102L, 103L, 104L, 105L, 106L, 107L);
        assertThat(column(rows, 2)).containsExactly(null, 2000L, 4000L, null, 8000L, 10000L, null, null);
        assertThat(column(rows, 3)).containsExactly("Comment", "Comment", "Comment", "Comment", "Comment", "Audit \u00e9",
                null, "Comment");
        assertThat(column(rows, 6)).containsExactly("c0", "c1", "c2", "c3", "c4", "c5", "c6", null);
        assertThat(column(rows, 8)).containsExactly(2, 3, 4, 5, 6, 7, 8, 9);
    }

    @Test
    void partsAppendInOrderAndBooleansAndNullsSurvive() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (FactBatchWriter writer = new FactBatchWriter(FactTable.TICKET_EVENTS, allocator, out, 4)) {
            FactBatchWriter first = writer.newPart();
            FactBatchWriter second = writer.newPart();
            for (int i = 0; i < 6; i++) {
                FactBatchWriter part = i < 5 ? first : second;
                part.setLong(FactTable.TicketEvents.EVENT_ID, i).setLong(FactTable.TicketEvents.TICKET_ID, 7)
                        .setEpochMillis(FactTable.TicketEvents.CREATED_AT, i);
                if (i != 2) {
                    part.setLong(FactTable.TicketEvents.AUTHOR_ID, 50 + i);
                }
                part.setText(FactTable.TicketEvents.EVENT_TYPE, "Comment").setBool(FactTable.TicketEvents.IS_PUBLIC, i % 2 == 0)
                        .setInt(FactTable.TicketEvents.SOURCE_LINE, i + 2);
                part.endRow();
            }
            writer.append(first);
            writer.append(second);
        }

        List<List<Object>> rows = readBack(out.toByteArray());
        assertThat(column(rows, 0)).containsExactly(0L, 1L, 2L, 3L, 4L, 5L);
        assertThat(column(rows, 3)).containsExactly(50L, 51L, null, 53L, 54L, 55L);
        assertThat(column(rows, 5)).containsExactly(true, false, true, false, true, false);
    }

    @Test
    void falseAfterTrueInTheSameRowOfTheNextBatchReadsFalse() throws IOException {
        // setBool leaves the data bit of a false value as the batch's fresh vectors have it: this checks that a
        // reset batch (stream writer) and a re-allocated one (after a part is appended) start from zero bits.
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean[] flags = {true, true, false, false, true, false, false, true};
        try (FactBatchWriter writer = new FactBatchWriter(FactTable.TICKET_EVENTS, allocator, out, 2)) {
            for (int i = 0; i < 4; i++) {
                eventRow(writer, i, flags[i]);
            }
            FactBatchWriter part = writer.newPart();
            eventRow(part, 4, flags[4]);
            writer.append(part);
            for (int i = 5; i < 8; i++) {
                eventRow(writer, i, flags[i]);
            }
        }
        List<List<Object>> rows = readBack(out.toByteArray());
        assertThat(column(rows, 0)).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L);
        assertThat(column(rows, 5)).containsExactly(true, true, false, false, true, false, false, true);
    }

    private static void eventRow(FactBatchWriter writer, long id, boolean isPublic) throws IOException {
        writer.setLong(FactTable.TicketEvents.EVENT_ID, id).setLong(FactTable.TicketEvents.TICKET_ID, 7)
                .setEpochMillis(FactTable.TicketEvents.CREATED_AT, id).setText(FactTable.TicketEvents.EVENT_TYPE, "Comment")
                .setBool(FactTable.TicketEvents.IS_PUBLIC, isPublic).setInt(FactTable.TicketEvents.SOURCE_LINE, (int) id + 2);
        writer.endRow();
    }

    private static List<Object> column(List<List<Object>> rows, int column) {
        List<Object> values = new ArrayList<>();
        for (List<Object> row : rows) {
            values.add(row.get(column));
        }
        return values;
    }

    private List<List<Object>> readBack(byte[] stream) throws IOException {
        List<List<Object>> rows = new ArrayList<>();
        try (ArrowStreamReader reader = new ArrowStreamReader(new ByteArrayInputStream(stream), allocator)) {
            VectorSchemaRoot root = reader.getVectorSchemaRoot();
            while (reader.loadNextBatch()) {
                for (int r = 0; r < root.getRowCount(); r++) {
                    List<Object> row = new ArrayList<>();
                    for (FieldVector v : root.getFieldVectors()) {
                        Object value = v.getObject(r);
                        if (value instanceof org.apache.arrow.vector.util.Text text) {
                            value = text.toString();
                        } else if (value instanceof java.time.LocalDateTime) {
                            value = ((org.apache.arrow.vector.TimeStampVector) v).get(r);
                        }
                        row.add(value);
                    }
                    rows.add(Arrays.asList(row.toArray()));
                }
            }
        }
        return rows;
    }
}
