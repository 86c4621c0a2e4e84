package org.measures311.api;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import org.measures311.ingest.LedgerEntry;
import org.measures311.ingest.RowError;

/** How a ledger entry goes out (drops and lineage): what landed, what became of it, and its first errors. */
final class LedgerFormat {
    /** A quarantined drop can carry thousands of row errors; the API shows the first ones and the count. */
    static final int MAX_ERRORS_SHOWN = 20;

    private LedgerFormat() {
    }

    static void write(JsonGenerator g, LedgerEntry e) throws IOException {
        g.writeStartObject();
        g.writeStringField("dropId", e.dropId());
        g.writeStringField("path", e.path());
        g.writeStringField("source", e.source().code());
        g.writeStringField("format", e.format().code());
        g.writeStringField("status", e.status().code());
        Json.field(g, "landedAt", e.landedAt());
        Json.field(g, "processedAt", e.processedAt());
        g.writeNumberField("size", e.size());
        Json.field(g, "contentHash", e.contentHash());
        g.writeNumberField("rowsRead", e.rowsRead());
        g.writeNumberField("rowsAccepted", e.rowsAccepted());
        g.writeNumberField("rowsRejected", e.rowsRejected());
        Json.field(g, "affectedFrom", e.affectedFrom());
        Json.field(g, "affectedTo", e.affectedTo());
        Json.field(g, "duplicateOf", e.duplicateOf());
        Json.field(g, "message", e.message());
        g.writeNumberField("errorCount", e.errors().size());
        g.writeArrayFieldStart("errors");
        for (RowError err : e.errors().subList(0, Math.min(MAX_ERRORS_SHOWN, e.errors().size()))) {
            g.writeStartObject();
            g.writeStringField("file", err.file());
            g.writeNumberField("line", err.line());
            g.writeStringField("column", err.column());
            g.writeStringField("message", err.message());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }
}
