package org.measures311.store;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.function.Function;
import org.measures311.ingest.DropFormat;
import org.measures311.ingest.DropStatus;
import org.measures311.ingest.SourceKind;
import org.measures311.measures.Grain;

/**
 * How records become stored documents. Field names are the records' own (camelCase) and stay stable because the
 * API serves them. Dates and instants are ISO-8601 strings; enums are their published codes ("day", "ingested").
 *
 * <p>Decimals are written as JSON strings ("1234.50"): Cosmos DB keeps every JSON number as a 64-bit double, which
 * would round long sums and ratio components; a string keeps the exact BigDecimal on both stores.
 */
public final class StoreJson {

    private static final ObjectMapper MAPPER = create();

    private StoreJson() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** The record as a document with the store's {@code id} and {@code pk} added. */
    public static ObjectNode toDocument(Object record, String id, String partitionKey) {
        ObjectNode document = MAPPER.createObjectNode();
        document.put("id", id);
        document.put(Container.PARTITION_KEY_FIELD, partitionKey);
        document.setAll((ObjectNode) MAPPER.valueToTree(record));
        return document;
    }

    /** The record a document holds; the store's own fields are ignored. */
    public static <T> T fromDocument(ObjectNode document, Class<T> type) {
        try {
            return MAPPER.treeToValue(document, type);
        } catch (IOException e) {
            throw new IllegalStateException("stored document " + document.path("id").asText() + " is not a "
                    + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    private static ObjectMapper create() {
        ObjectMapper mapper = new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .registerModule(codes())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        mapper.configOverride(BigDecimal.class).setFormat(JsonFormat.Value.forShape(JsonFormat.Shape.STRING));
        mapper.enable(com.fasterxml.jackson.core.JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
        return mapper;
    }

    private static SimpleModule codes() {
        SimpleModule module = new SimpleModule("measures311-codes");
        byCode(module, Grain.class, Grain::code);
        byCode(module, DropStatus.class, DropStatus::code);
        byCode(module, SourceKind.class, SourceKind::code);
        byCode(module, DropFormat.class, DropFormat::code);
        return module;
    }

    private static <E extends Enum<E>> void byCode(SimpleModule module, Class<E> type, Function<E, String> code) {
        module.addSerializer(type, new JsonSerializer<E>() {
            @Override
            public void serialize(E value, JsonGenerator out, SerializerProvider provider) throws IOException {
                out.writeString(code.apply(value));
            }
        });
        module.addDeserializer(type, new JsonDeserializer<E>() {
            @Override
            public E deserialize(JsonParser in, DeserializationContext context) throws IOException {
                String text = in.getValueAsString();
                for (E constant : type.getEnumConstants()) {
                    if (code.apply(constant).equals(text)) {
                        return constant;
                    }
                }
                return type.cast(context.handleWeirdStringValue(type, text, "not a %s code", type.getSimpleName()));
            }
        });
    }
}
