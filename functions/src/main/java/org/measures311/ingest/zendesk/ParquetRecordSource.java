package org.measures311.ingest.zendesk;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.MessageColumnIO;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.RecordMaterializer;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;
import org.measures311.ingest.MalformedDropException;
import org.measures311.ingest.ReadContext;

/**
 * Parquet through parquet-java's non-Hadoop API ({@link LocalInputFile}, {@link ParquetReadOptions}), one row
 * group in memory at a time, projected to the columns the spec wants: other columns (subjects, descriptions,
 * names) are not even decompressed. Nested groups give dotted paths ({@code via.channel}); repeated fields
 * (Parquet lists) are not read, a string column named like a structure ({@code custom_fields}) is read as JSON
 * text. Row errors use the record number (1-based, across row groups).
 */
final class ParquetRecordSource implements RecordSource {
    /** {@link #onlyGroup} of a source that reads every row group in turn. */
    private static final int ALL_GROUPS = -1;

    private final Path file;
    private final ParquetFileReader reader;
    private final MessageType projection;
    private final FieldSpec spec;
    private final MessageColumnIO columnIO;
    private final RecordMaterializer<SourceRecord> materializer;
    private final ReadContext context;
    private final SourceRecord record;
    /** The one row group this source reads ({@link #rowGroup}), or {@link #ALL_GROUPS}. */
    private final int onlyGroup;
    private boolean onlyGroupTaken;
    private RecordReader<SourceRecord> rows;
    private long rowsLeftInGroup;
    private long recordNumber;

    private ParquetRecordSource(Path file, ParquetFileReader reader, MessageType projection, FieldSpec spec,
            ReadContext context, int onlyGroup, long recordsBefore) {
        this.file = file;
        this.reader = reader;
        this.projection = projection;
        this.spec = spec;
        this.context = context;
        this.onlyGroup = onlyGroup;
        this.recordNumber = recordsBefore;
        this.record = new SourceRecord(spec);
        this.columnIO = new ColumnIOFactory().getColumnIO(projection);
        GroupConverter root = ParquetSlotConverters.forGroup(projection, "", spec, record);
        this.materializer = new RecordMaterializer<>() {
            @Override
            public SourceRecord getCurrentRecord() {
                return record;
            }

            @Override
            public GroupConverter getRootConverter() {
                return root;
            }
        };
        reader.setRequestedSchema(projection);
    }

    /**
     * parquet-java names the input by its toString ("org.apache.parquet.io.LocalInputFile@6f7a2a5 is not a Parquet
     * file"): an identity hash that differs on every run (so the same bad drop's ledger entry differed between two
     * runs) and says nothing to the reader of the error report.
     */
    static String withoutObjectNames(String message) {
        return message.replaceAll("[\\w.$]+InputFile@[0-9a-f]+", "the file");
    }

    static ParquetRecordSource open(Path file, ReadContext context, FieldSpec spec, List<List<String>> required)
            throws IOException, MalformedDropException {
        ParquetFileReader reader;
        try {
            reader = ParquetFileReader.open(new LocalInputFile(file), readOptions());
        } catch (IOException | RuntimeException e) {
            throw context.malformed(0, "", "not a readable Parquet file: " + withoutObjectNames(JsonCapture.firstLine(e.getMessage())));
        }
        try {
            MessageType schema = reader.getFooter().getFileMetaData().getSchema();
            List<String> missing = RecordSources.firstMissing(required, schema::containsField);
            if (missing != null) {
                throw context.malformed(0, missing.get(0),
                        "required column missing from the Parquet schema (expected one of " + missing + "): " + schema);
            }
            MessageType projection = new MessageType(schema.getName(), project(schema, "", spec));
            return new ParquetRecordSource(file, reader, projection, spec, context, ALL_GROUPS, 0);
        } catch (MalformedDropException | RuntimeException e) {
            reader.close();
            throw e;
        }
    }

    private static ParquetReadOptions readOptions() {
        // PlainParquetConfiguration: the no-argument builder creates a Hadoop Configuration (woodstox, guava...).
        return ParquetReadOptions.builder(new PlainParquetConfiguration())
                .withCodecFactory(new PureJavaParquetCodecs())
                .build();
    }

    /** The number of row groups in the file. */
    int rowGroups() {
        return reader.getRowGroups().size();
    }

    /** The number of rows (records) in row group {@code index}, from the footer. */
    long rowsInGroup(int index) {
        return reader.getRowGroups().get(index).getRowCount();
    }

    /**
     * A source of only row group {@code index}, on its own file handle (so it can be read on another thread),
     * reusing this source's footer and projection. Its records are numbered after {@code recordsBefore}, as
     * this source would number them, and its errors go to {@code partContext}.
     */
    ParquetRecordSource rowGroup(int index, long recordsBefore, ReadContext partContext)
            throws IOException, MalformedDropException {
        LocalInputFile input = new LocalInputFile(file);
        ParquetFileReader groupReader;
        try {
            groupReader = ParquetFileReader.open(input, reader.getFooter(), readOptions(), input.newStream());
        } catch (IOException | RuntimeException e) {
            throw partContext.malformed(recordsBefore, "", "unreadable Parquet data: " + JsonCapture.firstLine(e.getMessage()));
        }
        return new ParquetRecordSource(file, groupReader, projection, spec, partContext, index, recordsBefore);
    }

    /** The fields of {@code group} that hold something the spec wants (non-repeated, recursively). */
    private static List<Type> project(GroupType group, String prefix, FieldSpec spec) {
        List<Type> kept = new ArrayList<>();
        for (Type field : group.getFields()) {
            if (field.isRepetition(Type.Repetition.REPEATED)) {
                continue;
            }
            String path = prefix + field.getName();
            FieldSpec.Node node = spec.find(path);
            if (node == null) {
                continue;
            }
            if (field.isPrimitive()) {
                PrimitiveType primitive = field.asPrimitiveType();
                boolean jsonText = node.hasStructure()
                        && primitive.getPrimitiveTypeName() == PrimitiveType.PrimitiveTypeName.BINARY;
                if (node.slot >= 0 || jsonText) {
                    kept.add(field);
                }
            } else {
                List<Type> inner = project(field.asGroupType(), path + ".", spec);
                if (!inner.isEmpty()) {
                    kept.add(field.asGroupType().withNewFields(inner));
                }
            }
        }
        return kept;
    }

    @Override
    public SourceRecord next() throws IOException, MalformedDropException {
        try {
            while (rowsLeftInGroup == 0) {
                PageReadStore group = nextGroup();
                if (group == null) {
                    return null;
                }
                rowsLeftInGroup = group.getRowCount();
                rows = columnIO.getRecordReader(group, materializer);
            }
            record.reset(++recordNumber);
            rows.read();
            rowsLeftInGroup--;
            return record;
        } catch (IOException | RuntimeException e) {
            throw context.malformed(recordNumber, "", "unreadable Parquet data: " + JsonCapture.firstLine(e.getMessage()));
        }
    }

    private PageReadStore nextGroup() throws IOException {
        if (onlyGroup == ALL_GROUPS) {
            return reader.readNextRowGroup();
        }
        if (onlyGroupTaken || rowsInGroup(onlyGroup) == 0) {
            return null; // readNextRowGroup passes over empty groups; readRowGroup would refuse one
        }
        onlyGroupTaken = true;
        return reader.readRowGroup(onlyGroup);
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
