package org.measures311.measures;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.measures311.measures.MeasureDefinition.Direction;
import org.measures311.measures.MeasureDefinition.Unit;

/**
 * Every published measure, in catalog order (the order rows are sorted in). Definitions quote the seed
 * documents where they define the measure (the PDX 311 "contacts handled" scorecard page; Denver 311's
 * service-level agreement goals); docs/measures.md explains each one and the reasoning behind it.
 */
public final class Catalog {
    public static final List<Grain> ALL_GRAINS = List.of(Grain.DAY, Grain.MONTH, Grain.YEAR, Grain.FISCAL_YEAR);
    /** Growth compares a period with the same period a year earlier: a day-on-day-a-year-ago figure is noise. */
    public static final List<Grain> GROWTH_GRAINS = List.of(Grain.MONTH, Grain.YEAR, Grain.FISCAL_YEAR);
    public static final List<String> CONTACT_CHANNELS = List.of("phone", "email", "webform", "in_person");

    private static final String AVAYA = "avaya_cms";
    private static final String SKILLS = "skill_list";
    private static final List<String> PHONE_SOURCES = List.of(AVAYA, SKILLS);
    private static final List<String> ZENDESK_SOURCES = List.of("zendesk_tickets", "zendesk_ticket_events", "zendesk_users");
    private static final List<String> ALL_SOURCES =
            List.of(AVAYA, SKILLS, "zendesk_tickets", "zendesk_ticket_events", "zendesk_users");

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
                new MeasureDefinition("contacts_handled", "Contacts handled by 311", Unit.COUNT,
                        "Number of community member contacts handled by 311. The volume of contacts handled by the "
                                + "311 program represents the sum of: calls answered by 311 representatives (tracked "
                                + "in the call center's phone system); emails answered or resolved by 311 "
                                + "representatives (tracked in the Zendesk ticketing system); in-person requests to "
                                + "311 representatives at the front desk (tracked in the Zendesk ticketing system).",
                        "phone = SUM([ACD Calls]) - SUM([Abandoned Calls]) over the 311 skills (the city's rule as "
                                + "written; CMS already excludes abandons from ACD Calls); email/webform/in_person = "
                                + "COUNT(DISTINCT [Ticket ID]) of handled tickets of that contact type; "
                                + "total = phone + email + webform + in_person",
                        ALL_SOURCES, ALL_GRAINS, "channel", List.of("phone", "email", "webform", "in_person", "total"),
                        null, Direction.NONE),
                new MeasureDefinition("channel_mix", "Channel mix", Unit.PERCENT,
                        "Share of contacts handled by channel (the channel breakdown of 311 volume, e.g. "
                                + "\"Calls 91.7% / Digital 8.3%\").",
                        "contacts_handled[channel] / contacts_handled[total] x 100",
                        ALL_SOURCES, ALL_GRAINS, "channel", CONTACT_CHANNELS, null, Direction.NONE),
                new MeasureDefinition("contacts_handled_growth", "Growth in contacts handled", Unit.PERCENT,
                        "Change in the number of contacts handled by 311 against the same period one year earlier "
                                + "(\"has increased by an average of 20% every fiscal year\"). Partial periods are "
                                + "compared as they stand.",
                        "(contacts_handled[total] this period - same period one year earlier) / earlier x 100; "
                                + "numerator = this period, denominator = earlier",
                        ALL_SOURCES, GROWTH_GRAINS, null, null, null, Direction.NONE),
                new MeasureDefinition("acd_calls", "ACD calls", Unit.COUNT,
                        "Calls delivered to and answered by a 311 agent on the 311 skills (CMS ACD Calls).",
                        "SUM([ACD Calls])", PHONE_SOURCES, ALL_GRAINS, null, null, null, Direction.NONE),
                new MeasureDefinition("abandoned_calls", "Abandoned calls", Unit.COUNT,
                        "Calls to the 311 skills that the caller abandoned before an agent answered (CMS Aban Calls).",
                        "SUM([Aban Calls])", PHONE_SOURCES, ALL_GRAINS, null, null, null, Direction.NONE),
                new MeasureDefinition("calls_offered", "Calls offered", Unit.COUNT,
                        "Calls offered to the 311 skills.",
                        "SUM([Calls Offered]), where a row has no Calls Offered: [ACD Calls] + [Aban Calls] of that row",
                        PHONE_SOURCES, ALL_GRAINS, null, null, null, Direction.NONE),
                new MeasureDefinition("average_speed_of_answer", "Average speed of answer", Unit.SECONDS,
                        "311 average speed of answer on the voice channel: the average time answered callers waited "
                                + "in queue.",
                        "SUM(answer seconds) / SUM([ACD Calls]); answer seconds = Avg Speed Ans x ACD Calls per row",
                        PHONE_SOURCES, ALL_GRAINS, null, null, null, Direction.LOWER_IS_BETTER),
                new MeasureDefinition("service_level", "Phone service level", Unit.PERCENT,
                        "Speed: phone calls - 90% answered in 2 min or less (the share of calls offered that were "
                                + "answered within the skill's service-level threshold set in CMS).",
                        "SUM(calls answered within service level) / SUM(calls offered) x 100; answered within = "
                                + "[Acceptable], else ROUND_HALF_UP([% Within Service Level] x calls offered / 100) per row",
                        PHONE_SOURCES, ALL_GRAINS, null, null, 90.0, Direction.HIGHER_IS_BETTER),
                new MeasureDefinition("abandonment_rate", "Abandonment rate", Unit.PERCENT,
                        "Share of calls offered to the 311 skills that were abandoned.",
                        "SUM([Aban Calls]) / SUM(calls offered) x 100",
                        PHONE_SOURCES, ALL_GRAINS, null, null, null, Direction.LOWER_IS_BETTER),
                new MeasureDefinition("average_handle_time", "Average handle time", Unit.SECONDS,
                        "Average time an agent spent on an answered call: talk time (which in CMS includes hold) plus "
                                + "after-call work.",
                        "(SUM(ACD talk seconds) + SUM(ACW seconds)) / SUM([ACD Calls]); Hold Time is not added",
                        PHONE_SOURCES, ALL_GRAINS, null, null, null, Direction.NONE),
                new MeasureDefinition("online_response_within_24h", "Online submissions responded to within 24 hours",
                        Unit.PERCENT,
                        "Speed: online submissions - 90% responded to in 24 hours (handled email and webform "
                                + "tickets whose first public response by a 311 CSR came within 24 hours of creation).",
                        "COUNT(handled email/webform tickets with first public CSR event - created_at <= 86,400 "
                                + "elapsed seconds) / COUNT(handled email/webform tickets) x 100",
                        ZENDESK_SOURCES, ALL_GRAINS, null, null, 90.0, Direction.HIGHER_IS_BETTER),
                new MeasureDefinition("chat_answered_within_60s", "Chats answered within 1 minute", Unit.PERCENT,
                        "Speed: chat - 90% answered within 1 min (handled chat tickets whose first event by a 311 CSR, "
                                + "public or not, came within 60 seconds of creation).",
                        "COUNT(handled chat tickets with first CSR event - created_at <= 60 s) / "
                                + "COUNT(handled chat tickets) x 100",
                        ZENDESK_SOURCES, ALL_GRAINS, null, null, 90.0, Direction.HIGHER_IS_BETTER),
                new MeasureDefinition("issue_share", "Share of issues by category", Unit.PERCENT,
                        "Top issues: each category's share of the handled contacts that have a category (\"Top 5 "
                                + "Issues\" is this measure sorted, not a separate number).",
                        "COUNT(handled tickets of the category) / COUNT(handled tickets with a category) x 100, over "
                                + "every contact type",
                        ZENDESK_SOURCES, ALL_GRAINS, "category", List.of(), null, Direction.NONE),
                new MeasureDefinition("csat", "Customer satisfaction", Unit.PERCENT,
                        "Quality: customer reported satisfaction of 85% or better (good ratings among rated handled "
                                + "tickets).",
                        "COUNT(handled tickets rated good) / COUNT(handled tickets rated good or bad) x 100, over every "
                                + "contact type",
                        ZENDESK_SOURCES, ALL_GRAINS, null, null, 85.0, Direction.HIGHER_IS_BETTER)));
    }

    public List<MeasureDefinition> all() {
        return List.copyOf(byId.values());
    }

    public Optional<MeasureDefinition> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }
}
