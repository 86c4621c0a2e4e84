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
    private final ParquetFileReader reader;
    private final MessageColumnIO columnIO;
    private final RecordMaterializer<SourceRecord> materializer;
    private final ReadContext context;
    private final SourceRecord record;
    private RecordReader<SourceRecord> rows;
    private long rowsLeftInGroup;
    private long recordNumber;

    private ParquetRecordSource(ParquetFileReader reader, MessageType projection, FieldSpec spec, ReadContext context) {
        this.reader = reader;
        this.context = context;
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
            // PlainParquetConfiguration: the no-argument builder creates a Hadoop Configuration (woodstox, guava...).
            ParquetReadOptions options = ParquetReadOptions.builder(new PlainParquetConfiguration())
                    .withCodecFactory(new PureJavaParquetCodecs())
                    .build();
            reader = ParquetFileReader.open(new LocalInputFile(file), options);
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
            return new ParquetRecordSource(reader, projection, spec, context);
        } catch (MalformedDropException | RuntimeException e) {
            reader.close();
            throw e;
        }
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
                PageReadStore group = reader.readNextRowGroup();
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

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
