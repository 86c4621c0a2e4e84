package org.measures311.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.measures311.ingest.DropFormat;
import org.measures311.ingest.DropStatus;
import org.measures311.ingest.LedgerEntry;
import org.measures311.ingest.RowError;
import org.measures311.ingest.SourceKind;

class LedgerDocumentsTest {

    private static LedgerEntry entry(SourceKind source, DropFormat format, DropStatus status, Instant processedAt) {
        return new LedgerEntry("2025-03~abc", "zendesk/ticket_events/e.csv", "0x8DD", "ab".repeat(32), 12_345L,
                source, format, Instant.parse("2025-03-04T05:06:07.120Z"), status, 1000, 998, 2,
                List.of(new RowError("e.csv", 17, "created_at", "not a timestamp"), new RowError("e.csv", 0, null, "x")),
                LocalDate.of(2025, 2, 28), LocalDate.of(2025, 3, 1), null, "ticket_events/2025-03~abc.arrow", null,
                processedAt, 250L, "ok");
    }

    @Test
    void writesTheFieldsAndFormatsWorkedOutByHand() {
        LedgerEntry e = entry(SourceKind.ZENDESK_TICKET_EVENTS, DropFormat.DELIMITED, DropStatus.INGESTED,
                Instant.parse("2025-03-04T05:06:08Z"));

        ObjectNode document = LedgerDocuments.toDocument(e, "2025-03~abc", "2025-03");

        assertThat(document.toString()).isEqualTo("{\"id\":\"2025-03~abc\",\"pk\":\"2025-03\",\"dropId\":\"2025-03~abc\","
                + "\"path\":\"zendesk/ticket_events/e.csv\",\"etag\":\"0x8DD\",\"contentHash\":\"" + "ab".repeat(32) + "\","
                + "\"size\":12345,\"source\":\"zendesk_ticket_events\",\"format\":\"delimited\","
                + "\"landedAt\":\"2025-03-04T05:06:07.120Z\",\"status\":\"ingested\",\"rowsRead\":1000,"
                + "\"rowsAccepted\":998,\"rowsRejected\":2,\"errors\":["
                + "{\"file\":\"e.csv\",\"line\":17,\"column\":\"created_at\",\"message\":\"not a timestamp\"},"
                + "{\"file\":\"e.csv\",\"line\":0,\"column\":\"\",\"message\":\"x\"}],"
                + "\"affectedFrom\":\"2025-02-28\",\"affectedTo\":\"2025-03-01\",\"duplicateOf\":null,"
                + "\"curatedPath\":\"ticket_events/2025-03~abc.arrow\",\"quarantinePath\":null,"
                + "\"processedAt\":\"2025-03-04T05:06:08Z\",\"durationMillis\":250,\"message\":\"ok\"}");
    }

    @Test
    void equalsTheMappersDocumentForEveryCodeAndNullField() {
        for (SourceKind source : SourceKind.values()) {
            for (DropFormat format : DropFormat.values()) {
                for (DropStatus status : DropStatus.values()) {
                    for (Instant processedAt : new Instant[] {null, Instant.parse("2025-03-04T05:06:08.000000001Z")}) {
                        LedgerEntry e = entry(source, format, status, processedAt);
                        ObjectNode byHand = LedgerDocuments.toDocument(e, e.dropId(), e.partitionKey());
                        ObjectNode byMapper = StoreJson.toDocument(e, e.dropId(), e.partitionKey());
                        assertThat(byHand).isEqualTo(byMapper);
                        assertThat(byHand.toString()).isEqualTo(byMapper.toString());
                    }
                }
            }
        }
        LedgerEntry sparse = new LedgerEntry("2025-03~x", "p", null, null, 0, SourceKind.UNKNOWN, DropFormat.UNKNOWN,
                Instant.parse("2025-03-01T00:00:00Z"), DropStatus.values()[0], 0, 0, 0, null, null, null, null, null,
                null, null, 0, null);
        assertThat(LedgerDocuments.toDocument(sparse, "2025-03~x", "2025-03"))
                .isEqualTo(StoreJson.toDocument(sparse, "2025-03~x", "2025-03"));
        assertThat(LedgerDocuments.toDocument(sparse, "2025-03~x", "2025-03").toString())
                .isEqualTo(StoreJson.toDocument(sparse, "2025-03~x", "2025-03").toString());
    }

    @Test
    void readsBackAsTheSameEntryThroughTheMapper() {
        LedgerEntry e = entry(SourceKind.AVAYA_CMS, DropFormat.DELIMITED, DropStatus.INGESTED, Instant.parse("2025-03-04T05:06:08Z"));
        assertThat(StoreJson.fromDocument(LedgerDocuments.toDocument(e, e.dropId(), e.partitionKey()), LedgerEntry.class))
                .isEqualTo(e);
    }
}
