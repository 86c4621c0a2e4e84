package org.measures311.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.measures311.testing.CuratedDropWriter;
import org.measures311.testing.InMemoryLake;

class CurrentStateBuilderTest {
    private final InMemoryLake lake = new InMemoryLake();

    @Test
    void ticketsKeepTheLatestUpdatedAtAndTiesGoToTheLaterLandedDrop() throws IOException {
        List<CuratedDrop> drops;
        try (CuratedDropWriter w = new CuratedDropWriter(lake)) {
            drops = List.of(
                    w.drop("late", FactTable.TICKETS, "2025-05-02T00:00:00Z", d -> d
                            .ticket(1, "2025-05-01T10:00:00Z", "2025-05-01T11:00:00Z", "In-Person", "B", null)
                            .ticket(2, "2025-05-01T10:00:00Z", "2025-05-01T12:00:00Z", "chat", "later tie", "good")
                            .ticket(3, "2025-05-01T10:00:00Z", null, "email", "no timestamp", null)),
                    w.drop("early", FactTable.TICKETS, "2025-05-01T12:00:00Z", d -> d
                            .ticket(1, "2025-05-01T10:00:00Z", "2025-05-01T13:00:00Z", "email", "A", "bad")
                            .ticket(2, "2025-05-01T10:00:00Z", "2025-05-01T12:00:00Z", "webform", "earlier tie", null)
                            .ticket(3, "2025-05-01T10:00:00Z", "2025-05-01T09:00:00Z", "webform", "timestamp", null)));
        }
        FactsSnapshot s = new CurrentStateBuilder(lake).build(drops);
        TicketFacts t = s.tickets();
        assertThat(t.count()).isEqualTo(3);
        int one = t.slotOf(1);
        assertThat(Channel.ofOrdinal(t.channel(one))).isEqualTo(Channel.EMAIL);
        assertThat(t.categories().value(t.category(one))).isEqualTo("A");
        assertThat(t.rating(one)).isEqualTo(TicketFacts.RATING_BAD);
        assertThat(s.dropId(t.drop(one))).isEqualTo("early");
        int two = t.slotOf(2);
        assertThat(t.categories().value(t.category(two))).isEqualTo("later tie");
        assertThat(s.dropId(t.drop(two))).isEqualTo("late");
        int three = t.slotOf(3);
        assertThat(t.categories().value(t.category(three))).isEqualTo("timestamp");
        assertThat(t.slotOf(4)).isEqualTo(-1);
        // Drops are numbered in landing order whatever order they were given in.
        assertThat(s.drops()).extracting(CuratedDrop::dropId).containsExactly("early", "late");
    }

    @Test
    void eventsAreDeduplicatedResolvedAndDroppedWhenTheirTicketNeverLanded() throws IOException {
        List<CuratedDrop> drops;
        try (CuratedDropWriter w = new CuratedDropWriter(lake)) {
            drops = List.of(
                    w.drop("users", FactTable.USERS, "2025-05-01T00:00:00Z", d -> d
                            .user(7, "2025-01-01T00:00:00Z", true)),
                    w.drop("events-1", FactTable.TICKET_EVENTS, "2025-05-01T00:00:00Z", d -> d
                            .event(10, 1, "2025-05-01T10:05:00Z", 8L, false)
                            .event(11, 1, "2025-05-01T10:06:00Z", null, true)
                            .event(12, 99, "2025-05-01T10:06:00Z", 7L, true)),
                    w.drop("events-2", FactTable.TICKET_EVENTS, "2025-05-03T00:00:00Z", d -> d
                            .event(10, 1, "2025-05-01T10:07:00Z", 7L, true)),
                    w.drop("tickets", FactTable.TICKETS, "2025-05-02T00:00:00Z", d -> d
                            .ticket(1, "2025-05-01T10:00:00Z", "2025-05-01T11:00:00Z", "email", null, null)));
        }
        FactsSnapshot s = new CurrentStateBuilder(lake).build(drops);
        TicketEventFacts e = s.events();
        assertThat(e.count()).isEqualTo(2);
        // Event 10 is the re-landed record (author 7, public, 10:07), event 11 has no author.
        assertThat(e.ticketSlot(0)).isEqualTo(s.tickets().slotOf(1));
        assertThat(e.createdAtMillis(0)).isEqualTo(Instant.parse("2025-05-01T10:07:00Z").toEpochMilli());
        assertThat(e.isPublic(0)).isTrue();
        assertThat(s.users().isCsr(e.authorSlot(0))).isTrue();
        assertThat(s.dropId(e.drop(0))).isEqualTo("events-2");
        assertThat(e.authorSlot(1)).isEqualTo(TicketEventFacts.UNKNOWN_AUTHOR);
    }

    @Test
    void phoneRowsAreReplacedByLaterDropsAndByLaterRowsOfTheSameDrop() throws IOException {
        List<CuratedDrop> drops;
        try (CuratedDropWriter w = new CuratedDropWriter(lake)) {
            drops = List.of(
                    w.drop("re-export", FactTable.PHONE_SKILL_DAYS, "2025-05-03T00:00:00Z", d -> d
                            .phone("2025-05-01", "101", 101, "A", 7, 1, null, 70.0, null, null, null)),
                    w.drop("first", FactTable.PHONE_SKILL_DAYS, "2025-05-02T00:00:00Z", d -> d
                            .phone("2025-05-01", "101", 101, "A", 1, 0, 1L, 10.0, 10.0, 10.0, 1L)
                            .phone("2025-05-02", "101", 101, "A", 2, 0, 2L, 10.0, 10.0, 10.0, 1L)
                            .phone("2025-05-02", "101", 101, "A", 3, 1, 4L, 12.5, 10.0, 10.0, 1L)));
        }
        FactsSnapshot s = new CurrentStateBuilder(lake).build(drops);
        assertThat(s.phoneDays()).hasSize(2);
        PhoneSkillDay first = s.phoneDays().get(0);
        assertThat(first.date()).isEqualTo(LocalDate.parse("2025-05-01"));
        assertThat(first.acdCalls()).isEqualTo(7);
        assertThat(first.callsOffered()).isEqualTo(PhoneSkillDay.ABSENT);
        assertThat(first.offeredOrAcdPlusAban()).isEqualTo(8);
        assertThat(first.talkMillis()).isEqualTo(PhoneSkillDay.ABSENT);
        assertThat(s.dropId(first.drop())).isEqualTo("re-export");
        PhoneSkillDay second = s.phoneDays().get(1);
        assertThat(second.acdCalls()).isEqualTo(3);
        assertThat(second.answerMillis()).isEqualTo(12_500);
        assertThat(s.skillList()).isEmpty();
        assertThat(s.skillListDrop()).isEqualTo(-1);
    }

    @Test
    void aCuratedFileHoldingAnotherTableIsRefused() throws IOException {
        CuratedDrop wrong;
        try (CuratedDropWriter w = new CuratedDropWriter(lake)) {
            CuratedDrop users = w.drop("u", FactTable.USERS, "2025-05-01T00:00:00Z", d -> d.user(1, null, true));
            wrong = new CuratedDrop("u", FactTable.TICKETS, users.curatedPath(), users.landingPath(), users.landedAt());
        }
        assertThatThrownBy(() -> new CurrentStateBuilder(lake).build(List.of(wrong)))
                .isInstanceOf(IOException.class).hasMessageContaining("u");
    }
}
