package org.measures311.store;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import org.measures311.ingest.LedgerEntry;
import org.measures311.ingest.RowError;

/**
 * Ledger documents built field by field, the same nodes {@link StoreJson#toDocument} makes for a
 * {@link LedgerEntry} (field order, ISO-8601 strings for dates and instants, published codes for enums, nulls
 * kept), without the object mapper.
 *
 * <p>Why: saving a ledger entry is on every drop's path, and the mapper's first use (the JSR-310 module and the
 * bean introspection of the record) is a large share of a cold start's class loading. Reading entries back still
 * goes through {@link StoreJson}. {@code LedgerDocumentsTest} checks this against the mapper for every field.
 */
final class LedgerDocuments {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private LedgerDocuments() {
    }

    /** A new empty document body: the node type {@code StoreJson.mapper().createObjectNode()} returns. */
    static ObjectNode object() {
        return NODES.objectNode();
    }

    /** The entry as a ledger document with the store's {@code id} and {@code pk} first. */
    static ObjectNode toDocument(LedgerEntry entry, String id, String partitionKey) {
        ObjectNode document = object();
        document.put("id", id);
        document.put(Container.PARTITION_KEY_FIELD, partitionKey);
        document.put("dropId", entry.dropId());
        document.put("path", entry.path());
        document.put("etag", entry.etag());
        document.put("contentHash", entry.contentHash());
        document.put("size", entry.size());
        document.put("source", entry.source().code());
        document.put("format", entry.format().code());
        document.put("landedAt", iso(entry.landedAt()));
        document.put("status", entry.status().code());
        document.put("rowsRead", entry.rowsRead());
        document.put("rowsAccepted", entry.rowsAccepted());
        document.put("rowsRejected", entry.rowsRejected());
        ArrayNode errors = document.putArray("errors");
        for (RowError error : entry.errors()) {
            errors.addObject()
                    .put("file", error.file())
                    .put("line", error.line())
                    .put("column", error.column())
                    .put("message", error.message());
        }
        document.put("affectedFrom", iso(entry.affectedFrom()));
        document.put("affectedTo", iso(entry.affectedTo()));
        document.put("duplicateOf", entry.duplicateOf());
        document.put("curatedPath", entry.curatedPath());
        document.put("quarantinePath", entry.quarantinePath());
        document.put("processedAt", iso(entry.processedAt()));
        document.put("durationMillis", entry.durationMillis());
        document.put("message", entry.message());
        return document;
    }

    /** ISO_INSTANT, as the JSR-310 module writes instants with WRITE_DATES_AS_TIMESTAMPS off. */
    private static String iso(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    /** ISO_LOCAL_DATE, as the JSR-310 module writes local dates. */
    private static String iso(LocalDate date) {
        return date == null ? null : date.toString();
    }
}
