package org.measures311.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.measures311.facts.CuratedDrop;
import org.measures311.facts.FactBatchWriter;
import org.measures311.facts.FactTable;
import org.measures311.facts.FactTable.PhoneSkillDays;
import org.measures311.facts.FactTable.SkillList;
import org.measures311.facts.FactTable.Targets;
import org.measures311.facts.FactTable.TicketEvents;
import org.measures311.facts.FactTable.Tickets;
import org.measures311.facts.FactTable.Users;
import org.measures311.store.Lake;

/**
 * Test fixture: writes hand-made curated drops (Arrow IPC streams, through the product's {@link FactBatchWriter})
 * into a lake, one row per call, as an ingest reader would have written them.
 */
public final class CuratedDropWriter implements AutoCloseable {
    @FunctionalInterface
    public interface Rows {
        void write(Drop drop) throws IOException;
    }

    private final Lake lake;
    private final BufferAllocator allocator = new RootAllocator();

    public CuratedDropWriter(Lake lake) {
        this.lake = lake;
    }

    public CuratedDrop drop(String dropId, FactTable table, String landedAt, Rows rows) throws IOException {
        String path = CuratedDrop.curatedPathFor(table, dropId);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (FactBatchWriter w = new FactBatchWriter(table, allocator, out, 2)) {
            rows.write(new Drop(w));
        }
        lake.write(path, out.toByteArray());
        return new CuratedDrop(dropId, table, path, "landing/" + table.tableName() + "/" + dropId + ".csv",
                Instant.parse(landedAt));
    }

    @Override
    public void close() {
        allocator.close();
    }

    /** Row appenders for each curated table (nullable columns take null). */
    public static final class Drop {
        private final FactBatchWriter w;
        private int line = 1;

        Drop(FactBatchWriter w) {
            this.w = w;
        }

        public Drop phone(String date, String skillKey, Integer number, String name, long acd, long aban, Long offered,
                          Double answerSeconds, Double talkSeconds, Double acwSeconds, Long withinServiceLevel)
                throws IOException {
            w.setDate(PhoneSkillDays.DATE_COL, LocalDate.parse(date)).setText(PhoneSkillDays.SKILL_KEY, skillKey);
            optionalInt(PhoneSkillDays.SKILL_NUMBER, number);
            w.setText(PhoneSkillDays.SKILL_NAME, name).setLong(PhoneSkillDays.ACD_CALLS, acd)
                    .setLong(PhoneSkillDays.ABAN_CALLS, aban);
            optionalLong(PhoneSkillDays.CALLS_OFFERED, offered);
            optionalDouble(PhoneSkillDays.ANSWER_SECONDS, answerSeconds);
            optionalDouble(PhoneSkillDays.TALK_SECONDS, talkSeconds);
            optionalDouble(PhoneSkillDays.ACW_SECONDS, acwSeconds);
            w.setNull(PhoneSkillDays.HOLD_SECONDS);
            optionalLong(PhoneSkillDays.ANSWERED_WITHIN_SL, withinServiceLevel);
            w.setNull(PhoneSkillDays.ABANDON_SECONDS).setNull(PhoneSkillDays.FLOW_IN).setNull(PhoneSkillDays.FLOW_OUT)
                    .setNull(PhoneSkillDays.MAX_DELAY_SECONDS).setInt(PhoneSkillDays.SOURCE_LINE, line++);
            w.endRow();
            return this;
        }

        public Drop ticket(long id, String createdAt, String updatedAt, String contactType, String category,
                           String satisfaction) throws IOException {
            w.setLong(Tickets.TICKET_ID, id).setEpochMillis(Tickets.CREATED_AT, millis(createdAt));
            optionalTimestamp(Tickets.UPDATED_AT, updatedAt);
            w.setText(Tickets.STATUS, "solved").setText(Tickets.VIA_CHANNEL, "web")
                    .setText(Tickets.CONTACT_TYPE, contactType).setText(Tickets.CATEGORY, category)
                    .setText(Tickets.SATISFACTION, satisfaction).setInt(Tickets.SOURCE_LINE, line++);
            w.endRow();
            return this;
        }

        public Drop event(long id, long ticketId, String createdAt, Long authorId, boolean isPublic) throws IOException {
            w.setLong(TicketEvents.EVENT_ID, id).setLong(TicketEvents.TICKET_ID, ticketId)
                    .setEpochMillis(TicketEvents.CREATED_AT, millis(createdAt));
            optionalLong(TicketEvents.AUTHOR_ID, authorId);
            w.setText(TicketEvents.EVENT_TYPE, "Comment").setBool(TicketEvents.IS_PUBLIC, isPublic)
                    .setInt(TicketEvents.SOURCE_LINE, line++);
            w.endRow();
            return this;
        }

        public Drop user(long id, String updatedAt, boolean csr) throws IOException {
            w.setLong(Users.USER_ID, id).setText(Users.ROLE, "agent");
            optionalTimestamp(Users.UPDATED_AT, updatedAt);
            w.setBool(Users.IS_CSR, csr).setInt(Users.SOURCE_LINE, line++);
            w.endRow();
            return this;
        }

        public Drop skill(Integer number, String name, String validFrom, String validTo) throws IOException {
            optionalInt(SkillList.SKILL_NUMBER, number);
            w.setText(SkillList.SKILL_NAME, name)
                    .setDate(SkillList.VALID_FROM, validFrom == null ? null : LocalDate.parse(validFrom))
                    .setDate(SkillList.VALID_TO, validTo == null ? null : LocalDate.parse(validTo))
                    .setInt(SkillList.SOURCE_LINE, line++);
            w.endRow();
            return this;
        }

        public Drop target(String measure, double target, String direction, String validFrom, String validTo)
                throws IOException {
            w.setText(Targets.MEASURE, measure).setDouble(Targets.TARGET, target).setText(Targets.DIRECTION, direction)
                    .setDate(Targets.VALID_FROM, validFrom == null ? null : LocalDate.parse(validFrom))
                    .setDate(Targets.VALID_TO, validTo == null ? null : LocalDate.parse(validTo))
                    .setInt(Targets.SOURCE_LINE, line++);
            w.endRow();
            return this;
        }

        private static long millis(String instant) {
            return Instant.parse(instant).toEpochMilli();
        }

        private void optionalInt(int column, Integer v) {
            if (v == null) {
                w.setNull(column);
            } else {
                w.setInt(column, v);
            }
        }

        private void optionalLong(int column, Long v) {
            if (v == null) {
                w.setNull(column);
            } else {
                w.setLong(column, v);
            }
        }

        private void optionalDouble(int column, Double v) {
            if (v == null) {
                w.setNull(column);
            } else {
                w.setDouble(column, v);
            }
        }

        private void optionalTimestamp(int column, String instant) {
            if (instant == null) {
                w.setNull(column);
            } else {
                w.setEpochMillis(column, millis(instant));
            }
        }
    }
}
