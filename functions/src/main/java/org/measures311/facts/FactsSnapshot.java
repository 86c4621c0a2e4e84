package org.measures311.facts;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The current state of every curated table, compacted from all drops: what the measures are computed from.
 * Drops are numbered by their position in {@link #drops()} (every table's drops, in landing order), and every
 * current-state row keeps the number of the drop it came from, for lineage. Built by
 * {@link CurrentStateBuilder}; the same set of drops gives the same snapshot whatever order they arrived in.
 *
 * @param phoneDays     current CMS rows, sorted by date then skill key
 * @param skillList     the newest landed skill list, or empty when none has landed (then every skill counts)
 * @param skillListDrop the drop number of that list, or -1
 * @param targets       the newest landed targets table (empty when none landed)
 * @param targetsDrop   the drop number of that table, or -1
 */
public record FactsSnapshot(
        List<CuratedDrop> drops,
        List<PhoneSkillDay> phoneDays,
        TicketFacts tickets,
        TicketEventFacts events,
        UserFacts users,
        Optional<List<ListedSkill>> skillList,
        int skillListDrop,
        List<TargetFact> targets,
        int targetsDrop) {

    public FactsSnapshot {
        drops = List.copyOf(drops);
        phoneDays = List.copyOf(phoneDays);
        Objects.requireNonNull(tickets, "tickets");
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(users, "users");
        skillList = skillList.map(List::copyOf);
        targets = List.copyOf(targets);
    }

    public String dropId(int dropNumber) {
        return drops.get(dropNumber).dropId();
    }
}
