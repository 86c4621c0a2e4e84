package org.measures311.measures;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every published measure, in catalog order. docs/measures.md explains each one. */
public final class Catalog {
    public static final List<Grain> ALL_GRAINS = List.of(Grain.DAY, Grain.MONTH, Grain.YEAR, Grain.FISCAL_YEAR);

    private final Map<String, MeasureDefinition> byId = new LinkedHashMap<>();

    private Catalog(List<MeasureDefinition> definitions) {
        for (MeasureDefinition d : definitions) {
            if (byId.put(d.id(), d) != null) {
                throw new IllegalStateException("duplicate measure id " + d.id());
            }
        }
    }

    public static Catalog standard() {
        return new Catalog(List.of(
                new MeasureDefinition("contacts_handled", "Contacts handled by 311", MeasureDefinition.Unit.COUNT,
                        "Number of community member contacts handled by 311. Phone: calls answered by 311 "
                                + "representatives; email, webform and in-person: distinct Zendesk tickets handled "
                                + "by a 311 CSR.",
                        "phone = SUM([ACD Calls]) - SUM([Abandoned Calls]) over the 311 skills; email/webform/"
                                + "in_person = COUNT(DISTINCT [Ticket ID]) of handled tickets of that contact type; "
                                + "total = phone + email + webform + in_person",
                        List.of("avaya_cms", "zendesk_tickets", "zendesk_ticket_events", "zendesk_users", "skill_list"),
                        ALL_GRAINS, "channel", List.of("phone", "email", "webform", "in_person", "total"),
                        null, MeasureDefinition.Direction.NONE)));
    }

    public List<MeasureDefinition> all() {
        return List.copyOf(byId.values());
    }

    public Optional<MeasureDefinition> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }
}
