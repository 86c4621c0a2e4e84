package org.measures311.facts;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.TimeStampMilliTZVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.measures311.facts.FactTable.PhoneSkillDays;
import org.measures311.facts.FactTable.SkillList;
import org.measures311.facts.FactTable.Targets;
import org.measures311.facts.FactTable.TicketEvents;
import org.measures311.facts.FactTable.Tickets;
import org.measures311.facts.FactTable.Users;
import org.measures311.store.Lake;

/**
 * Compacts the curated drops of every table into the current state ({@link FactsSnapshot}). Drops are applied
 * in landing order ({@link CuratedDrop#LANDING_ORDER}), whatever order they are given in, so the result depends
 * only on the set of drops:
 * <ul>
 *   <li>phone: a later drop's row for the same (date, skill key) replaces the earlier one (CMS re-exports are
 *       corrections); within one drop the last row for a (date, skill key) wins;</li>
 *   <li>tickets and users: the latest {@code updated_at} per id wins, ties to the later-landed drop, a missing
 *       {@code updated_at} losing to any;</li>
 *   <li>ticket events: deduplicated by event id, the later-landed record winning; users and tickets are
 *       compacted first so events are resolved to their slots as they are read;</li>
 *   <li>skill list and targets: the newest landed drop replaces older ones as a whole.</li>
 * </ul>
 */
public final class CurrentStateBuilder {
    /** Tables whose rows depend on others are compacted after them: events need tickets and users. */
    private static final List<FactTable> TABLE_ORDER = List.of(FactTable.PHONE_SKILL_DAYS, FactTable.USERS,
            FactTable.TICKETS, FactTable.TICKET_EVENTS, FactTable.SKILL_LIST, FactTable.TARGETS);

    /** Event compaction pays for its threads from about one curated batch of rows. */
    private static final long PARALLEL_EVENT_ROWS = FactBatchWriter.DEFAULT_BATCH_ROWS;
    /*
     * The fewest bytes one row takes in a curated file (its fixed-width columns and one offset per text column):
     * a file's size over this bounds its rows from above, which sizes the tables before reading.
     */
    private static final int MIN_EVENT_ROW_BYTES = 4 * Long.BYTES + 2 * Integer.BYTES;
    private static final int MIN_TICKET_ROW_BYTES = 3 * Long.BYTES + 6 * Integer.BYTES;
    private static final int MIN_USER_ROW_BYTES = 2 * Long.BYTES + 2 * Integer.BYTES;
    /** Tables are presized up to this many rows; a larger bound is probably loose, and they grow as needed. */
    private static final long MAX_PRESIZED_ROWS = 1L << 27;

    private final Lake curated;
    private final int eventThreads;
    private final long parallelFromRows;

    public CurrentStateBuilder(Lake curated) {
        this(curated, Math.min(4, Runtime.getRuntime().availableProcessors()), PARALLEL_EVENT_ROWS);
    }

    /**
     * @param eventThreads     threads that compact ticket events
     * @param parallelFromRows fewer expected event rows than this are compacted on the calling thread (tests
     *                         pass 0 to run the threads on small data)
     */
    CurrentStateBuilder(Lake curated, int eventThreads, long parallelFromRows) {
        this.curated = curated;
        this.eventThreads = eventThreads;
        this.parallelFromRows = parallelFromRows;
    }

    public FactsSnapshot build(Collection<CuratedDrop> curatedDrops) throws IOException {
        List<CuratedDrop> drops = new ArrayList<>(curatedDrops);
        drops.sort(CuratedDrop.LANDING_ORDER);
        Map<PhoneKey, PhoneSkillDay> phone = new LinkedHashMap<>();
        UserFacts.Builder users = new UserFacts.Builder(rowBound(drops, FactTable.USERS, MIN_USER_ROW_BYTES));
        TicketFacts.Builder tickets = new TicketFacts.Builder(rowBound(drops, FactTable.TICKETS, MIN_TICKET_ROW_BYTES));
        TicketEventFacts events = null;
        List<ListedSkill> skills = null;
        int skillListDrop = -1;
        List<TargetFact> targets = List.of();
        int targetsDrop = -1;
        try (BufferAllocator allocator = new RootAllocator()) {
            for (FactTable table : TABLE_ORDER) {
                if (table == FactTable.TICKET_EVENTS) {
                    events = compactEvents(drops, allocator, tickets, users);
                    continue;
                }
                for (int d = 0; d < drops.size(); d++) {
                    CuratedDrop drop = drops.get(d);
                    if (drop.table() != table) {
                        continue;
                    }
                    int dropNumber = d;
                    switch (table) {
                        case PHONE_SKILL_DAYS -> read(drop, allocator, b -> readPhone(b, dropNumber, phone));
                        case USERS -> read(drop, allocator, b -> readUsers(b, dropNumber, users));
                        case TICKETS -> read(drop, allocator, b -> readTickets(b, dropNumber, tickets));
                        case TICKET_EVENTS -> throw new IllegalStateException("events are compacted apart");
                        case SKILL_LIST -> {
                            // A newer list replaces the older one as a whole: the last one read stays.
                            List<ListedSkill> list = new ArrayList<>();
                            read(drop, allocator, b -> readSkillList(b, list));
                            skills = list;
                            skillListDrop = dropNumber;
                        }
                        case TARGETS -> {
                            List<TargetFact> list = new ArrayList<>();
                            read(drop, allocator, b -> readTargets(b, list));
                            targets = list;
                            targetsDrop = dropNumber;
                        }
                    }
                }
            }
        }
        List<PhoneSkillDay> phoneDays = new ArrayList<>(phone.values());
        phoneDays.sort(Comparator.comparing(PhoneSkillDay::date).thenComparing(PhoneSkillDay::skillKey));
        return new FactsSnapshot(drops, phoneDays, tickets.build(), events, users.build(),
                Optional.ofNullable(skills), skillListDrop, targets, targetsDrop);
    }

    /** An upper bound of the rows of one table over all its drops, from the file sizes (capped). */
    private int rowBound(List<CuratedDrop> drops, FactTable table, int minRowBytes) throws IOException {
        long rows = 0;
        for (CuratedDrop drop : drops) {
            if (drop.table() == table) {
                rows += curated.stat(drop.curatedPath()).map(f -> f.size() / minRowBytes).orElse(0L);
            }
        }
        return (int) Math.min(rows, MAX_PRESIZED_ROWS);
    }

    private void read(CuratedDrop drop, BufferAllocator allocator, FactBatches.BatchConsumer consumer) throws IOException {
        try (InputStream in = curated.open(drop.curatedPath())) {
            FactBatches.forEach(drop.table(), in, allocator, consumer);
        } catch (IOException e) {
            throw new IOException("Cannot compact curated drop " + drop.dropId() + " (" + drop.curatedPath() + "): "
                    + e.getMessage(), e);
        }
    }

    private record PhoneKey(LocalDate date, String skillKey) {
    }

    private static void readPhone(VectorSchemaRoot b, int dropNumber, Map<PhoneKey, PhoneSkillDay> phone) {
        DateDayVector date = (DateDayVector) b.getVector(PhoneSkillDays.DATE_COL);
        VarCharVector key = (VarCharVector) b.getVector(PhoneSkillDays.SKILL_KEY);
        IntVector number = (IntVector) b.getVector(PhoneSkillDays.SKILL_NUMBER);
        VarCharVector name = (VarCharVector) b.getVector(PhoneSkillDays.SKILL_NAME);
        BigIntVector acd = (BigIntVector) b.getVector(PhoneSkillDays.ACD_CALLS);
        BigIntVector aban = (BigIntVector) b.getVector(PhoneSkillDays.ABAN_CALLS);
        BigIntVector offered = (BigIntVector) b.getVector(PhoneSkillDays.CALLS_OFFERED);
        Float8Vector answer = (Float8Vector) b.getVector(PhoneSkillDays.ANSWER_SECONDS);
        Float8Vector talk = (Float8Vector) b.getVector(PhoneSkillDays.TALK_SECONDS);
        Float8Vector acw = (Float8Vector) b.getVector(PhoneSkillDays.ACW_SECONDS);
        BigIntVector withinSl = (BigIntVector) b.getVector(PhoneSkillDays.ANSWERED_WITHIN_SL);
        for (int r = 0, n = b.getRowCount(); r < n; r++) {
            PhoneSkillDay row = new PhoneSkillDay(
                    LocalDate.ofEpochDay(date.get(r)),
                    text(key, r),
                    number.isNull(r) ? null : number.get(r),
                    text(name, r),
                    acd.get(r),
                    aban.get(r),
                    offered.isNull(r) ? PhoneSkillDay.ABSENT : offered.get(r),
                    answer.isNull(r) ? PhoneSkillDay.ABSENT : PhoneSkillDay.millis(answer.get(r)),
                    talk.isNull(r) ? PhoneSkillDay.ABSENT : PhoneSkillDay.millis(talk.get(r)),
                    acw.isNull(r) ? PhoneSkillDay.ABSENT : PhoneSkillDay.millis(acw.get(r)),
                    withinSl.isNull(r) ? PhoneSkillDay.ABSENT : withinSl.get(r),
                    dropNumber);
            // put replaces: later rows of the same drop, and rows of later-landed drops, win.
            phone.put(new PhoneKey(row.date(), row.skillKey()), row);
        }
    }

    private static void readUsers(VectorSchemaRoot b, int dropNumber, UserFacts.Builder users) {
        BigIntVector id = (BigIntVector) b.getVector(Users.USER_ID);
        TimeStampMilliTZVector updated = (TimeStampMilliTZVector) b.getVector(Users.UPDATED_AT);
        BitVector csr = (BitVector) b.getVector(Users.IS_CSR);
        for (int r = 0, n = b.getRowCount(); r < n; r++) {
            users.offer(id.get(r), updated.isNull(r) ? TicketFacts.NO_TIMESTAMP : updated.get(r), csr.get(r) == 1, dropNumber);
        }
    }

    private static void readTickets(VectorSchemaRoot b, int dropNumber, TicketFacts.Builder tickets) {
        BigIntVector id = (BigIntVector) b.getVector(Tickets.TICKET_ID);
        TimeStampMilliTZVector created = (TimeStampMilliTZVector) b.getVector(Tickets.CREATED_AT);
        TimeStampMilliTZVector updated = (TimeStampMilliTZVector) b.getVector(Tickets.UPDATED_AT);
        VarCharVector contactType = (VarCharVector) b.getVector(Tickets.CONTACT_TYPE);
        VarCharVector category = (VarCharVector) b.getVector(Tickets.CATEGORY);
        VarCharVector satisfaction = (VarCharVector) b.getVector(Tickets.SATISFACTION);
        for (int r = 0, n = b.getRowCount(); r < n; r++) {
            tickets.offer(id.get(r), created.get(r), updated.isNull(r) ? TicketFacts.NO_TIMESTAMP : updated.get(r),
                    text(contactType, r), text(category, r), text(satisfaction, r), dropNumber);
        }
    }

    private TicketEventFacts compactEvents(List<CuratedDrop> drops, BufferAllocator allocator,
                                           TicketFacts.Builder tickets, UserFacts.Builder users) throws IOException {
        int expectedRows = rowBound(drops, FactTable.TICKET_EVENTS, MIN_EVENT_ROW_BYTES);
        int threads = expectedRows < parallelFromRows ? 1 : eventThreads;
        return new EventCompaction(tickets, users, threads).compact(sink -> {
            for (int d = 0; d < drops.size(); d++) {
                CuratedDrop drop = drops.get(d);
                if (drop.table() == FactTable.TICKET_EVENTS) {
                    int dropNumber = d;
                    read(drop, allocator, b -> sink.accept(b, dropNumber));
                }
            }
        }, expectedRows);
    }

    private static void readSkillList(VectorSchemaRoot b, List<ListedSkill> out) {
        IntVector number = (IntVector) b.getVector(SkillList.SKILL_NUMBER);
        VarCharVector name = (VarCharVector) b.getVector(SkillList.SKILL_NAME);
        DateDayVector from = (DateDayVector) b.getVector(SkillList.VALID_FROM);
        DateDayVector to = (DateDayVector) b.getVector(SkillList.VALID_TO);
        for (int r = 0, n = b.getRowCount(); r < n; r++) {
            out.add(new ListedSkill(number.isNull(r) ? null : number.get(r), text(name, r), date(from, r), date(to, r)));
        }
    }

    private static void readTargets(VectorSchemaRoot b, List<TargetFact> out) {
        VarCharVector measure = (VarCharVector) b.getVector(Targets.MEASURE);
        Float8Vector target = (Float8Vector) b.getVector(Targets.TARGET);
        VarCharVector direction = (VarCharVector) b.getVector(Targets.DIRECTION);
        DateDayVector from = (DateDayVector) b.getVector(Targets.VALID_FROM);
        DateDayVector to = (DateDayVector) b.getVector(Targets.VALID_TO);
        for (int r = 0, n = b.getRowCount(); r < n; r++) {
            out.add(new TargetFact(text(measure, r).strip(), target.get(r), text(direction, r), date(from, r), date(to, r)));
        }
    }

    private static String text(VarCharVector v, int row) {
        return v.isNull(row) ? null : new String(v.get(row), StandardCharsets.UTF_8);
    }

    private static LocalDate date(DateDayVector v, int row) {
        return v.isNull(row) ? null : LocalDate.ofEpochDay(v.get(row));
    }
}
