package org.measures311.ingest.zendesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.measures311.ingest.DropFormat;
import org.measures311.ingest.DropReader;

/** The demo landing files in samples/landing/zendesk read cleanly (the pipeline's gunzip is done here by hand). */
class ZendeskSamplesTest {
    private static final Path SAMPLES = Path.of("..", "samples", "landing", "zendesk");

    private static ZendeskReading.Result read(DropReader reader, String relative) throws Exception {
        Path file = SAMPLES.resolve(relative);
        byte[] bytes = Files.readAllBytes(file);
        if (DropFormat.isGzipName(relative)) {
            try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
                bytes = in.readAllBytes();
            }
        }
        ZendeskReading.Result result = ZendeskReading.read(reader, bytes, DropFormat.ofPath(relative), ZendeskReading.settings());
        assertThat(result.context().rowsRejected()).as(relative).isZero();
        assertThat(result.rows()).as(relative).isNotEmpty();
        return result;
    }

    @Test
    void everySampleFileReadsWithoutRejections() throws Exception {
        ZendeskReading.Result june = read(new TicketsReader(), "tickets/2025-07-01_tickets_june.csv");
        ZendeskReading.Result july = read(new TicketsReader(), "tickets/2025-08-01_tickets_july.jsonl.gz");
        read(new TicketsReader(), "tickets/2025-08-03_tickets_corrections.csv");
        read(new TicketEventsReader(), "ticket_events/2025-07-01_events_june.csv");
        read(new TicketEventsReader(), "ticket_events/2025-07-25_events_export.jsonl");
        read(new TicketEventsReader(), "ticket_events/2025-07-31_events_export_last_week.jsonl.gz");
        ZendeskReading.Result users = read(new UsersReader(), "users/2025-06-01_users.json");

        assertThat(june.context().firstDate()).isEqualTo(LocalDate.of(2025, 6, 1));
        assertThat(july.context().lastDate()).isBeforeOrEqualTo(LocalDate.of(2025, 7, 31));
        assertThat(june.rows().size() + july.rows().size()).isBetween(100, 300);
        assertThat(june.rows()).extracting(r -> r.get("contact_type"))
                .contains("email", "webform", "in_person", "chat", "phone", "other");
        assertThat(users.rows()).filteredOn(r -> Boolean.TRUE.equals(r.get("is_csr"))).hasSize(6);
    }
}
