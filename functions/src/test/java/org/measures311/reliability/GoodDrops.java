package org.measures311.reliability;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;

/**
 * The good drops that runs start from (corpus/good/): a skill list, a June Avaya export, and Zendesk tickets,
 * events and users with planted personal data (names, emails, subjects, comment bodies) that must never leave
 * the landing zone. Each lands at its own fixed time, before any corpus file.
 */
final class GoodDrops {
    record Drop(String landingPath, byte[] bytes, Instant landedAt) {
    }

    static final Instant FIRST_LANDING = Instant.parse("2025-08-01T00:00:00Z");

    private GoodDrops() {
    }

    static List<Drop> all() {
        return List.of(
                drop("skills.csv", "reference/skills.csv", 0),
                drop("avaya-june.txt", "avaya/2025-06/avaya-june.txt", 1),
                drop("users.json", "zendesk/users/2025-06/users.json", 2),
                drop("events.csv", "zendesk/ticket_events/2025-06/events.csv", 3),
                drop("tickets.csv", "zendesk/tickets/2025-06/tickets.csv", 4));
    }

    /** Personal data planted in the good drops: none of it may appear in any output. */
    static final List<String> PLANTED_PERSONAL_DATA = List.of("Plantedname", "Robin", "Casey", "planted@example.org",
            "@example.org", "Bin missed", "Blocked drive", "Planted body", "Planted comment", "Planted reply");

    private static Drop drop(String file, String landingPath, int minute) {
        try (InputStream in = GoodDrops.class.getResourceAsStream("/corpus/good/" + file)) {
            if (in == null) {
                throw new IllegalStateException("missing corpus/good/" + file);
            }
            return new Drop(landingPath, in.readAllBytes(), FIRST_LANDING.plusSeconds(60L * minute));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
