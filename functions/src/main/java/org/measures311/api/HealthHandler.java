package org.measures311.api;

import java.time.Clock;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code GET /health} (anonymous): whether storage and the document store answer, and when data last landed.
 * 200 when both answer, 503 otherwise, so an availability probe needs no parsing. It says nothing else: no
 * versions, hosts or errors, since anyone may call it.
 */
final class HealthHandler {
    private static final Logger LOG = Logger.getLogger(HealthHandler.class.getName());

    private final HealthProbe probe;
    private final DropLedgerSource ledger;
    private final Clock clock;

    HealthHandler(HealthProbe probe, DropLedgerSource ledger, Clock clock) {
        this.probe = probe;
        this.ledger = ledger;
        this.clock = clock;
    }

    ApiResponse handle(ApiRequest request) {
        boolean storage = answers("storage", probe::storageAnswers);
        boolean documents = answers("document store", probe::documentStoreAnswers);
        Instant lastLanding = null;
        if (documents) {
            try {
                lastLanding = ledger.latestLanding().orElse(null);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "health: reading the latest landing failed", e);
                documents = false;
            }
        }
        boolean ok = storage && documents;
        Instant landed = lastLanding;
        boolean docsOk = documents;
        return ApiResponse.json(ok ? 200 : 503, Json.write(g -> {
            g.writeStartObject();
            g.writeStringField("status", ok ? "ok" : "degraded");
            g.writeStringField("storage", storage ? "ok" : "unreachable");
            g.writeStringField("cosmos", docsOk ? "ok" : "unreachable");
            Json.field(g, "lastLanding", landed);
            Json.field(g, "checkedAt", Instant.now(clock));
            g.writeEndObject();
        })).withHeader("Cache-Control", "no-store");
    }

    private static boolean answers(String what, BooleanSupplier check) {
        try {
            return check.getAsBoolean();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "health: " + what + " check failed", e);
            return false;
        }
    }
}
