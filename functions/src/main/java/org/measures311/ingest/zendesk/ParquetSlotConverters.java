package org.measures311.ingest.zendesk;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.time.LocalDate;
import org.apache.parquet.column.Dictionary;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimestampLogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * parquet-java converters that write each projected column straight into its record slot: integers and
 * timestamps typed (so ids and instants never go through text; {@link SourceRecord#get} still gives the text the
 * CSV and JSON sources would), everything else as text. Legacy INT96 timestamps become ISO instants; DATE
 * becomes an ISO date.
 */
final class ParquetSlotConverters {
    private static final long JULIAN_DAY_OF_EPOCH = 2_440_588L;
    /** 0000-01-01T00:00:00Z and 9999-12-31T23:59:59.999Z: the instants whose ISO text has a four-digit year. */
    private static final long MIN_ISO_MILLIS = -62_167_219_200_000L;
    private static final long MAX_ISO_MILLIS = 253_402_300_799_999L;

    private ParquetSlotConverters() {
    }

    static GroupConverter forGroup(GroupType group, String prefix, FieldSpec spec, SourceRecord record) {
        Converter[] converters = new Converter[group.getFieldCount()];
        for (int i = 0; i < converters.length; i++) {
            Type field = group.getType(i);
            String path = prefix + field.getName();
            converters[i] = field.isPrimitive()
                    ? forPrimitive(field.asPrimitiveType(), path, spec.find(path), record)
                    : forGroup(field.asGroupType(), path + ".", spec, record);
        }
        return new GroupConverter() {
            @Override
            public Converter getConverter(int fieldIndex) {
                return converters[fieldIndex];
            }

            @Override
            public void start() {
            }

            @Override
            public void end() {
            }
        };
    }

    private static PrimitiveConverter forPrimitive(PrimitiveType type, String path, FieldSpec.Node node, SourceRecord record) {
        if (node.slot < 0) {
            // A string column holding a structure as JSON text (e.g. custom_fields).
            return new PrimitiveConverter() {
                @Override
                public void addBinary(Binary value) {
                    JsonCapture.captureText(value.toStringUsingUTF8(), path, node, record);
                }
            };
        }
        int slot = node.slot;
        LogicalTypeAnnotation logical = type.getLogicalTypeAnnotation();
        if (type.getPrimitiveTypeName() == PrimitiveType.PrimitiveTypeName.BINARY) {
            return new TextConverter(slot, record);
        }
        return new PrimitiveConverter() {
            @Override
            public void addBinary(Binary value) {
                if (type.getPrimitiveTypeName() == PrimitiveType.PrimitiveTypeName.INT96) {
                    record.set(slot, int96ToInstant(value).toString());
                } else {
                    record.set(slot, value.toStringUsingUTF8()); // FIXED_LEN_BYTE_ARRAY
                }
            }

            @Override
            public void addBoolean(boolean value) {
                record.set(slot, value ? "true" : "false");
            }

            @Override
            public void addInt(int value) {
                if (logical instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation) {
                    record.set(slot, LocalDate.ofEpochDay(value).toString());
                } else {
                    record.setInteger(slot, value);
                }
            }

            @Override
            public void addLong(long value) {
                if (!(logical instanceof TimestampLogicalTypeAnnotation ts)) {
                    record.setInteger(slot, value);
                    return;
                }
                long millis = timestampToEpochMillis(value, ts.getUnit());
                if (millis >= MIN_ISO_MILLIS && millis <= MAX_ISO_MILLIS) {
                    record.setEpochMillis(slot, millis);
                } else {
                    // Outside four-digit years the ISO text is not one Zendesk timestamps are read from.
                    record.set(slot, timestampToInstant(value, ts.getUnit()).toString());
                }
            }

            @Override
            public void addDouble(double value) {
                record.set(slot, Double.toString(value));
            }

            @Override
            public void addFloat(float value) {
                record.set(slot, Float.toString(value));
            }
        };
    }

    /**
     * A string column's values as text. A dictionary-encoded column chunk (event types, statuses: a handful of
     * values over many rows) has each dictionary entry decoded once, not once per row.
     */
    private static final class TextConverter extends PrimitiveConverter {
        private final int slot;
        private final SourceRecord record;
        private String[] dictionary;

        TextConverter(int slot, SourceRecord record) {
            this.slot = slot;
            this.record = record;
        }

        @Override
        public boolean hasDictionarySupport() {
            return true;
        }

        @Override
        public void setDictionary(Dictionary values) {
            dictionary = new String[values.getMaxId() + 1];
            for (int id = 0; id < dictionary.length; id++) {
                dictionary[id] = values.decodeToBinary(id).toStringUsingUTF8();
            }
        }

        @Override
        public void addValueFromDictionary(int dictionaryId) {
            record.set(slot, dictionary[dictionaryId]);
        }

        @Override
        public void addBinary(Binary value) {
            record.set(slot, value.toStringUsingUTF8());
        }
    }

    /** Milliseconds truncated towards the past, as reading the ISO text of the instant would give them. */
    static long timestampToEpochMillis(long value, LogicalTypeAnnotation.TimeUnit unit) {
        return switch (unit) {
            case MILLIS -> value;
            case MICROS -> Math.floorDiv(value, 1_000L);
            case NANOS -> Math.floorDiv(value, 1_000_000L);
        };
    }

    static Instant timestampToInstant(long value, LogicalTypeAnnotation.TimeUnit unit) {
        return switch (unit) {
            case MILLIS -> Instant.ofEpochMilli(value);
            case MICROS -> Instant.ofEpochSecond(Math.floorDiv(value, 1_000_000L), Math.floorMod(value, 1_000_000L) * 1_000L);
            case NANOS -> Instant.ofEpochSecond(Math.floorDiv(value, 1_000_000_000L), Math.floorMod(value, 1_000_000_000L));
        };
    }

    /** Legacy Impala/Spark timestamps: 8 bytes nanos of day then 4 bytes Julian day, little-endian. */
    static Instant int96ToInstant(Binary value) {
        ByteBuffer bytes = value.toByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
        long nanosOfDay = bytes.getLong();
        long julianDay = bytes.getInt();
        return Instant.ofEpochSecond((julianDay - JULIAN_DAY_OF_EPOCH) * 86_400L).plusNanos(nanosOfDay);
    }
}
