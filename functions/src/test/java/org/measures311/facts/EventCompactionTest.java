package org.measures311.facts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.measures311.testing.CuratedDropWriter;
import org.measures311.testing.InMemoryLake;

/**
 * Event compaction on several threads gives exactly the snapshot one thread gives (same events, same order),
 * and both agree with a plain model of the rule: per event id the later-landed record, in order of first
 * appearance, without events whose ticket never landed.
 */
class EventCompactionTest {
    private static final long FIRST_MILLIS = Instant.parse("2025-03-01T00:00:00Z").toEpochMilli();

    private record Event(long id, long ticket, long createdAt, Long author, boolean isPublic, String drop) {
    }

    private final InMemoryLake lake = new InMemoryLake();

    @Test
    void severalThreadsGiveTheSameEventsInTheSameOrderAsOne() throws IOException {
        Random random = new Random(311);
        List<List<Event>> drops = new ArrayList<>();
        long nextId = 5_000_000_000L;
        for (int d = 0; d < 3; d++) {
            List<Event> rows = new ArrayList<>();
            for (int r = 0; r < 700; r++) {
                // Mostly new ids, in runs; some repeat an id of this drop or an earlier one (re-exports).
                long id = random.nextInt(10) == 0 && nextId > 5_000_000_100L
                        ? nextId - 1 - random.nextInt(100) : nextId++;
                if (random.nextInt(50) == 0) {
                    id = Long.MIN_VALUE; // the map's empty marker must still work as a key
                }
                long ticket = 1 + random.nextInt(40); // tickets 31..40 never land
                Long author = random.nextInt(8) == 0 ? null : (long) (100 + random.nextInt(12)); // users 110, 111 unknown
                rows.add(new Event(id, ticket, FIRST_MILLIS + random.nextInt(86_400_000), author, random.nextBoolean(),
                        "events-" + d));
            }
            drops.add(rows);
        }
        List<CuratedDrop> curated = write(drops);

        TicketEventFacts one = new CurrentStateBuilder(lake, 1, 0).build(curated).events();
        FactsSnapshot parallel = new CurrentStateBuilder(lake, 3, 0).build(curated);
        TicketEventFacts three = parallel.events();

        List<Event> expected = model(drops);
        assertThat(one.count()).isEqualTo(expected.size());
        assertThat(three.count()).isEqualTo(expected.size());
        for (int e = 0; e < expected.size(); e++) {
            Event want = expected.get(e);
            assertThat(three.ticketSlot(e)).isEqualTo(one.ticketSlot(e)).isEqualTo(parallel.tickets().slotOf(want.ticket()));
            assertThat(three.createdAtMillis(e)).isEqualTo(one.createdAtMillis(e)).isEqualTo(want.createdAt());
            int author = want.author() == null ? TicketEventFacts.UNKNOWN_AUTHOR : parallel.users().slotOf(want.author());
            assertThat(three.authorSlot(e)).isEqualTo(one.authorSlot(e)).isEqualTo(author);
            assertThat(three.isPublic(e)).isEqualTo(one.isPublic(e)).isEqualTo(want.isPublic());
            assertThat(parallel.dropId(three.drop(e))).isEqualTo(want.drop());
            assertThat(three.drop(e)).isEqualTo(one.drop(e));
        }
    }

    /** The rule, stated plainly: later records replace earlier ones in place; unlanded tickets are left out. */
    private static List<Event> model(List<List<Event>> drops) {
        Map<Long, Event> byId = new LinkedHashMap<>();
        for (List<Event> drop : drops) {
            for (Event e : drop) {
                byId.put(e.id(), e);
            }
        }
        return byId.values().stream().filter(e -> e.ticket() <= 30).toList();
    }

    private List<CuratedDrop> write(List<List<Event>> drops) throws IOException {
        List<CuratedDrop> curated = new ArrayList<>();
        try (CuratedDropWriter w = new CuratedDropWriter(lake)) {
            curated.add(w.drop("users", FactTable.USERS, "2025-04-01T00:00:00Z", d -> {
                for (long u = 100; u < 110; u++) {
                    d.user(u, "2025-01-01T00:00:00Z", u % 2 == 0);
                }
            }));
            curated.add(w.drop("tickets", FactTable.TICKETS, "2025-04-01T00:00:00Z", d -> {
                for (long t = 1; t <= 30; t++) {
                    d.ticket(t, "2025-03-01T08:00:00Z", "2025-03-01T09:00:00Z", "email", null, null);
                }
            }));
            for (int d = 0; d < drops.size(); d++) {
                List<Event> rows = drops.get(d);
                curated.add(w.drop("events-" + d, FactTable.TICKET_EVENTS, "2025-04-0" + (2 + d) + "T00:00:00Z", drop -> {
                    for (Event e : rows) {
                        drop.event(e.id(), e.ticket(), Instant.ofEpochMilli(e.createdAt()).toString(), e.author(), e.isPublic());
                    }
                }));
            }
        }
        // Given out of landing order: the builder sorts them.
        return List.of(curated.get(3), curated.get(0), curated.get(4), curated.get(1), curated.get(2));
    }
}
