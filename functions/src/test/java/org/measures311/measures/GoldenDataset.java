package org.measures311.measures;

import static org.measures311.facts.FactTable.PHONE_SKILL_DAYS;
import static org.measures311.facts.FactTable.SKILL_LIST;
import static org.measures311.facts.FactTable.TARGETS;
import static org.measures311.facts.FactTable.TICKETS;
import static org.measures311.facts.FactTable.TICKET_EVENTS;
import static org.measures311.facts.FactTable.USERS;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.measures311.facts.CuratedDrop;
import org.measures311.testing.CuratedDropWriter;
import org.measures311.testing.InMemoryLake;

/**
 * The golden dataset of src/test/resources/golden/README.md, written as curated drops. Every value the golden
 * test expects is worked out by hand in that README from these rows. Users: 1 = CSR throughout; 2 = never a CSR
 * (a later record without updated_at says CSR and loses); 3 = CSR, then not (the later users drop applies to
 * all of their events); 4 = not, then CSR.
 */
final class GoldenDataset {
    final InMemoryLake lake = new InMemoryLake();
    final List<CuratedDrop> drops = new ArrayList<>();

    GoldenDataset() throws IOException {
        try (CuratedDropWriter w = new CuratedDropWriter(lake)) {
            phone(w);
            reference(w);
            users(w);
            tickets(w);
            events(w);
        }
    }

    /** The drops without the skill lists: every CMS skill counts, flagged. */
    List<CuratedDrop> withoutSkillLists() {
        return drops.stream().filter(d -> d.table() != SKILL_LIST).toList();
    }

    private void phone(CuratedDropWriter w) throws IOException {
        drops.add(w.drop("P0", PHONE_SKILL_DAYS, "2024-03-11T10:00:00Z", d -> d
                .phone("2024-03-10", "101", 101, "311 General", 50, 5, 55L, 1000.0, 9000.0, 1000.0, 45L)));
        drops.add(w.drop("P1", PHONE_SKILL_DAYS, "2025-03-11T10:00:00Z", d -> d
                .phone("2025-03-09", "101", 101, "311 General", 100, 10, 115L, 3000.0, 18000.0, 6000.0, 100L)
                .phone("2025-03-09", "900", 900, "Parking", 50, 5, 55L, 500.0, 5000.0, 500.0, 50L)
                .phone("2025-03-10", "101", 101, "311 General", 80, 4, null, 2400.0, 16000.0, 4000.0, 70L)
                .phone("2025-03-10", "102", 102, "311 Spanish", 20, 2, 22L, 400.0, 3000.0, 1000.0, 20L)));
        // A CMS re-export of 2025-03-10 for skill 101: a correction that replaces P1's row.
        drops.add(w.drop("P2", PHONE_SKILL_DAYS, "2025-03-12T10:00:00Z", d -> d
                .phone("2025-03-10", "101", 101, "311 General", 90, 6, 96L, 2700.0, 18000.0, 4500.0, 80L)));
        drops.add(w.drop("P3", PHONE_SKILL_DAYS, "2025-03-20T10:00:00Z", d -> d
                .phone("2025-03-16", "101", 101, "311 General", 999, 99, 1098L, 9990.0, 99900.0, 9990.0, 999L)
                .phone("2025-03-16", "102", 102, "311 Spanish", 30, 3, 33L, 600.0, 6000.0, 1500.0, 30L)
                .phone("2025-03-16", "water billing", null, "Water  Billing", 10, 0, 10L, null, null, null, null)
                .phone("2025-03-16", "101", 101, "311 General", 40, 2, 42L, 800.0, 8000.0, 2000.0, 38L)
                .phone("2025-03-17", "water billing", null, "Water  Billing", 5, 1, 6L, null, null, null, null)));
        drops.add(w.drop("P4", PHONE_SKILL_DAYS, "2025-07-02T10:00:00Z", d -> d
                .phone("2025-06-30", "101", 101, "311 General", 10, 1, 11L, 100.0, 1000.0, 500.0, 9L)
                .phone("2025-07-01", "101", 101, "311 General", 20, 2, null, 300.0, 2000.0, 800.0, 21L)));
    }

    private void reference(CuratedDropWriter w) throws IOException {
        // The older list (with the non-311 skill 900) is replaced as a whole by the newer one.
        drops.add(w.drop("S1", SKILL_LIST, "2024-01-01T00:00:00Z", d -> d
                .skill(101, "311 General", null, null)
                .skill(900, "Parking", null, null)));
        drops.add(w.drop("S2", SKILL_LIST, "2025-01-01T00:00:00Z", d -> d
                .skill(101, "311 General", null, null)
                .skill(102, "311 Spanish", null, "2025-03-15")
                .skill(null, "water billing", null, null)));
        drops.add(w.drop("G1", TARGETS, "2025-01-01T00:00:00Z", d -> d
                .target("csat", 50, "higher_is_better", null, null)));
        drops.add(w.drop("G2", TARGETS, "2025-02-01T00:00:00Z", d -> d
                .target("service_level", 80, "higher_is_better", "2025-07-01", null)
                .target("csat", 75, null, null, "2025-03-31")));
    }

    private void users(CuratedDropWriter w) throws IOException {
        drops.add(w.drop("U1", USERS, "2025-03-01T00:00:00Z", d -> d
                .user(1, "2025-01-01T00:00:00Z", true)
                .user(2, "2025-01-01T00:00:00Z", false)
                .user(3, "2025-01-01T00:00:00Z", true)
                .user(4, "2025-01-01T00:00:00Z", false)));
        drops.add(w.drop("U2", USERS, "2025-08-01T00:00:00Z", d -> d
                .user(1, "2024-12-01T00:00:00Z", false)
                .user(2, null, true)
                .user(3, "2025-07-01T00:00:00Z", false)
                .user(4, "2025-07-01T00:00:00Z", true)));
    }

    private void tickets(CuratedDropWriter w) throws IOException {
        drops.add(w.drop("K0", TICKETS, "2024-03-16T00:00:00Z", d -> d
                .ticket(16, "2024-03-15T20:00:00Z", "2024-03-15T21:00:00Z", "email", "Trash", null)));
        drops.add(w.drop("K1", TICKETS, "2025-04-15T00:00:00Z", d -> d
                .ticket(1, "2025-03-20T06:30:00Z", "2025-03-21T00:00:00Z", "Email", "Trash", "good")
                .ticket(2, "2025-03-20T07:30:00Z", "2025-03-21T00:00:00Z", "Webform", "Trash", "bad")
                .ticket(3, "2025-03-20T16:00:00Z", "2025-03-21T00:00:00Z", "In-Person", "Parking", "offered")
                .ticket(4, "2025-03-20T17:00:00Z", "2025-03-21T00:00:00Z", "email", "Trash", "good")
                .ticket(5, "2025-03-08T12:00:00Z", "2025-03-10T00:00:00Z", "email", "Water", null)
                .ticket(7, "2025-04-10T18:00:00Z", "2025-04-11T00:00:00Z", "chat", "Trash", "good")
                .ticket(8, "2025-04-10T19:00:00Z", "2025-04-11T00:00:00Z", "Chat", null, "bad")
                .ticket(9, "2025-04-11T18:00:00Z", "2025-04-12T00:00:00Z", "email", "Parking", "bad")
                .ticket(10, "2025-04-11T19:00:00Z", "2025-04-12T00:00:00Z", "email", "Parking", null)
                .ticket(11, "2025-04-12T18:00:00Z", "2025-04-12T00:00:00Z", "email", "Trash", null)
                .ticket(12, "2025-04-12T19:00:00Z", "2025-04-14T00:00:00Z", "webform", null, null)
                .ticket(13, "2025-04-12T20:00:00Z", "2025-04-13T00:00:00Z", "email", "Parking", "good")
                .ticket(17, "2025-04-12T21:00:00Z", "2025-04-13T00:00:00Z", "phone", "Trash", "bad")));
        // A re-export: ticket 11 became in-person (newer updated_at wins); ticket 12's record is older, so it loses.
        drops.add(w.drop("K2", TICKETS, "2025-04-16T00:00:00Z", d -> d
                .ticket(11, "2025-04-12T18:00:00Z", "2025-04-13T00:00:00Z", "in person", "Trash", null)
                .ticket(12, "2025-04-12T19:00:00Z", "2025-04-13T00:00:00Z", "email", null, null)));
        drops.add(w.drop("K3", TICKETS, "2025-11-03T00:00:00Z", d -> d
                .ticket(6, "2025-11-01T16:00:00Z", "2025-11-02T17:00:00Z", "webform", "Water", null)
                .ticket(14, "2025-07-01T06:59:00Z", "2025-07-01T08:00:00Z", "email", "Trash", null)
                .ticket(15, "2025-07-01T07:00:00Z", "2025-07-01T09:00:00Z", "webform", "Water", "good")));
    }

    private void events(CuratedDropWriter w) throws IOException {
        drops.add(w.drop("V0", TICKET_EVENTS, "2024-03-16T00:00:00Z", d -> d
                .event(1601, 16, "2024-03-15T21:00:00Z", 1L, true)));
        // Landed before the tickets they belong to (K1 lands 2025-04-15).
        drops.add(w.drop("V1", TICKET_EVENTS, "2025-04-01T00:00:00Z", d -> d
                .event(101, 1, "2025-03-20T07:30:00Z", 2L, true)
                .event(102, 1, "2025-03-20T10:00:00Z", 1L, true)
                .event(201, 2, "2025-03-20T08:00:00Z", 1L, false)
                .event(202, 2, "2025-03-21T07:30:01Z", 1L, true)
                .event(301, 3, "2025-03-20T16:10:00Z", 1L, false)
                .event(401, 4, "2025-03-20T18:00:00Z", 2L, true)
                .event(501, 5, "2025-03-09T12:00:00Z", 1L, true)
                .event(701, 7, "2025-04-10T18:00:45Z", 1L, false)
                .event(702, 7, "2025-04-10T18:05:00Z", 1L, true)
                .event(801, 8, "2025-04-10T19:00:10Z", 2L, true)
                .event(802, 8, "2025-04-10T19:01:01Z", 1L, true)
                .event(901, 9, "2025-04-11T18:30:00Z", 3L, true)
                .event(1001, 10, "2025-04-11T20:00:00Z", 4L, true)
                .event(1101, 11, "2025-04-12T18:30:00Z", 1L, false)
                .event(1201, 12, "2025-04-12T21:00:00Z", 1L, true)
                .event(1301, 13, "2025-04-12T21:00:00Z", 2L, true)
                .event(1701, 17, "2025-04-12T21:10:00Z", 1L, true)
                .event(9901, 99, "2025-04-12T21:10:00Z", 1L, true)));
        // Event 1301 re-exported: now authored by CSR 1, so ticket 13 becomes handled.
        drops.add(w.drop("V2", TICKET_EVENTS, "2025-04-20T00:00:00Z", d -> d
                .event(1301, 13, "2025-04-12T21:00:00Z", 1L, true)));
        drops.add(w.drop("V3", TICKET_EVENTS, "2025-11-03T00:00:00Z", d -> d
                .event(601, 6, "2025-11-02T16:30:00Z", 1L, true)
                .event(1401, 14, "2025-07-01T07:59:00Z", 1L, true)
                .event(1501, 15, "2025-07-01T08:00:00Z", 1L, true)));
    }
}
