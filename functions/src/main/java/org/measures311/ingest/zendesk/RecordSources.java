package org.measures311.ingest.zendesk;

import java.io.IOException;
import java.util.List;
import org.measures311.facts.FactBatchWriter;
import org.measures311.ingest.DropContent;
import org.measures311.ingest.MalformedDropException;
import org.measures311.ingest.ReadContext;

/** Opens the right {@link RecordSource} for a drop's format. */
public final class RecordSources {
    private RecordSources() {
    }

    /**
     * @param required groups of alternative column names; a file with a header or schema (CSV, Parquet) must
     *        hold at least one name of every group, else it is malformed. JSON has no header: a record missing a
     *        required value is rejected by the table reader instead.
     */
    public static RecordSource open(DropContent content, ReadContext context, FieldSpec spec, List<List<String>> required)
            throws IOException, MalformedDropException {
        return switch (context.format()) {
            case DELIMITED -> CsvRecordSource.open(content.open(), context, spec, required);
            case JSON_LINES -> new JsonRecordSource(content.open(), context, spec, false);
            case JSON_ARRAY -> new JsonRecordSource(content.open(), context, spec, true);
            case PARQUET -> ParquetRecordSource.open(content.localFile(), context, spec, required);
            case UNKNOWN -> throw context.malformed(0, "", "not a format Zendesk tables are read from "
                    + "(expected .csv, .jsonl, .json or .parquet, optionally .gz)");
        };
    }

    /** What a table reader does with each counted, structurally sound record. */
    @FunctionalInterface
    public interface RecordHandler {
        void accept(SourceRecord record) throws IOException;
    }

    /** Makes the handler of one part of a drop: the part's own context and writer, used on one thread. */
    @FunctionalInterface
    public interface HandlerFactory {
        RecordHandler create(ReadContext context, FactBatchWriter out);
    }

    /**
     * Opens the drop and hands every record to {@code handler}, after counting it as read and rejecting it when
     * its capture found a structural problem (wrong cell count, broken JSON cell).
     */
    public static void forEach(DropContent content, ReadContext context, FieldSpec spec, List<List<String>> required,
            RecordHandler handler) throws IOException, MalformedDropException {
        try (RecordSource source = open(content, context, spec, required)) {
            drain(source, context, handler);
        }
    }

    /**
     * As {@link #forEach(DropContent, ReadContext, FieldSpec, List, RecordHandler)}, with the same rows, order,
     * counts and errors, but a large uncompressed CSV or JSON Lines drop is parsed in byte ranges on several
     * threads (see {@link ParallelRecords}); each range gets its handler from {@code handlers}.
     */
    public static void forEach(DropContent content, ReadContext context, FieldSpec spec, List<List<String>> required,
            FactBatchWriter out, ParallelRecords parallel, HandlerFactory handlers)
            throws IOException, MalformedDropException {
        if (!parallel.read(content, context, spec, required, out, handlers)) {
            forEach(content, context, spec, required, handlers.create(context, out));
        }
    }

    static void drain(RecordSource source, ReadContext context, RecordHandler handler)
            throws IOException, MalformedDropException {
        SourceRecord r;
        while ((r = source.next()) != null) {
            context.rowRead();
            if (r.problem() != null) {
                context.rowRejected(r.number(), r.problemColumn(), r.problem());
            } else {
                handler.accept(r);
            }
        }
    }

    /** The first required group none of whose names {@code present} accepts, or null when all are there. */
    static List<String> firstMissing(List<List<String>> required, java.util.function.Predicate<String> present) {
        for (List<String> group : required) {
            if (group.stream().noneMatch(present)) {
                return group;
            }
        }
        return null;
    }
}
