package org.measures311.api;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.measures311.ingest.DropStatus;
import org.measures311.ingest.LedgerEntry;
import org.measures311.ingest.SourceKind;

/**
 * {@code GET /drops?status=&from=}: the ingest ledger, newest landing first. {@code from} is a UTC date (the
 * ledger is partitioned by UTC landing month); without it the last {@value #DEFAULT_DAYS} days are listed.
 */
final class DropsHandler {
    static final int DEFAULT_DAYS = 90;

    private final DropLedgerSource ledger;
    private final Clock clock;

    DropsHandler(DropLedgerSource ledger, Clock clock) {
        this.ledger = ledger;
        this.clock = clock;
    }

    ApiResponse handle(ApiRequest request) {
        Params params = Params.of(request, Set.of("status", "from"));
        Optional<DropStatus> status = params.get("status").map(DropsHandler::status);
        LocalDate from = Optional.ofNullable(params.date("from"))
                .orElseGet(() -> LocalDate.now(clock.withZone(ZoneOffset.UTC)).minusDays(DEFAULT_DAYS));
        List<LedgerEntry> entries = ledger.list(YearMonth.from(from)).stream()
                .filter(e -> !e.landedAt().isBefore(from.atStartOfDay(ZoneOffset.UTC).toInstant()))
                .filter(e -> status.isEmpty() || e.status() == status.get())
                .sorted(Comparator.comparing(LedgerEntry::landedAt).thenComparing(LedgerEntry::path).reversed())
                .toList();
        // The skill list in force, whatever the window: without one every CMS skill counts toward phone measures,
        // and the ledger is where an analyst looks to see why the phone figures include every skill.
        Optional<LedgerEntry> skillList = ledger.listAll().stream()
                .filter(e -> e.source() == SourceKind.SKILL_LIST && e.status() == DropStatus.INGESTED)
                .max(Comparator.comparing(LedgerEntry::landedAt).thenComparing(LedgerEntry::path));
        return ApiResponse.json(200, Json.write(g -> {
            g.writeStartObject();
            g.writeObjectFieldStart("skillList");
            if (skillList.isPresent()) {
                g.writeStringField("status", "landed");
                g.writeStringField("dropId", skillList.get().dropId());
                g.writeStringField("path", skillList.get().path());
                Json.field(g, "landedAt", skillList.get().landedAt());
            } else {
                g.writeStringField("status", "none");
                g.writeStringField("note", "No 311 skill list (reference/skills.csv) has landed: every CMS skill "
                        + "counts toward phone measures, and those rows carry the flag all_skills_no_skill_list.");
            }
            g.writeEndObject();
            g.writeStringField("from", from.toString());
            Json.field(g, "status", status.map(DropStatus::code).orElse(null));
            g.writeNumberField("count", entries.size());
            g.writeArrayFieldStart("drops");
            for (LedgerEntry e : entries) {
                LedgerFormat.write(g, e);
            }
            g.writeEndArray();
            g.writeEndObject();
        }));
    }

    private static DropStatus status(String code) {
        return Arrays.stream(DropStatus.values()).filter(s -> s.code().equals(code)).findFirst()
                .orElseThrow(() -> ApiProblem.invalid("status", "Unknown status '" + code + "'; use one of "
                        + Arrays.stream(DropStatus.values()).map(DropStatus::code).collect(Collectors.joining(", ")) + "."));
    }
}
