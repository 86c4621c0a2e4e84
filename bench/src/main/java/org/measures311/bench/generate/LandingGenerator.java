package org.measures311.bench.generate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Generates a deterministic synthetic landing zone (same spec, same bytes) in the layout of
 * docs/landing-zone.md, plus the ticket events as JSON Lines in a separate folder (the format comparison reads
 * them; the measures are computed from the CSV landing zone only, so the same events are not counted twice).
 *
 * <p>Files get modification times in the order they are listed here, one minute apart, so "landed later"
 * (the Avaya correction rule) is the same for our pipeline and for the SQL reference.
 */
public final class LandingGenerator {
    /** Landing order starts here: fixed, so two generations are identical down to their timestamps. */
    private static final Instant FIRST_LANDED = Instant.parse("2026-01-05T10:00:00Z");

    private LandingGenerator() {
    }

    public static GeneratedLanding generate(GeneratorSpec spec, Path work) throws IOException {
        Path landing = work.resolve("landing");
        Path formats = work.resolve("formats");
        int year = spec.year();
        Path users = landing.resolve("zendesk/users/users_" + year + ".csv");
        Path userUpdates = landing.resolve("zendesk/users/users_" + year + "_updates.csv");
        Path tickets = landing.resolve("zendesk/tickets/tickets_" + year + ".csv");
        Path ticketUpdates = landing.resolve("zendesk/tickets/tickets_" + year + "_updates.csv");
        Path events = landing.resolve("zendesk/ticket_events/ticket_events_" + year + ".csv");
        Path eventsJsonl = formats.resolve("zendesk/ticket_events/ticket_events_" + year + ".jsonl");
        Path skills = landing.resolve("reference/skills.csv");

        ZendeskGenerator zendesk = new ZendeskGenerator(spec);
        zendesk.writeUsers(users, userUpdates);
        ZendeskGenerator.GeneratedCounts counts = zendesk.writeTicketsAndEvents(tickets, ticketUpdates, events, eventsJsonl);
        AvayaGenerator avaya = new AvayaGenerator(spec);
        List<Path> avayaFiles = avaya.writeExports(landing.resolve("avaya"));
        avaya.writeSkillList(skills);

        List<Path> landingOrder = new ArrayList<>(List.of(users, userUpdates, tickets, ticketUpdates, events));
        landingOrder.addAll(avayaFiles);
        landingOrder.add(skills);
        for (int i = 0; i < landingOrder.size(); i++) {
            Files.setLastModifiedTime(landingOrder.get(i), FileTime.from(FIRST_LANDED.plusSeconds(60L * i)));
        }
        Files.setLastModifiedTime(eventsJsonl, FileTime.from(FIRST_LANDED));
        return new GeneratedLanding(spec, landing, formats, List.copyOf(landingOrder), events, eventsJsonl,
                counts.tickets(), counts.ticketRows(), counts.eventRows(), spec.users());
    }

    /** What was generated: the landing folder, its files in landing order, and the event files per format. */
    public record GeneratedLanding(GeneratorSpec spec, Path landing, Path formats, List<Path> filesInLandingOrder,
                                   Path eventsCsv, Path eventsJsonl, int tickets, long ticketRows, long eventRows,
                                   int users) {

        /** A path relative to the landing folder, with forward slashes, as the ingestor names drops. */
        public String landingPath(Path file) {
            return landing.relativize(file).toString().replace('\\', '/');
        }
    }
}
