package org.measures311.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The rules every {@link DocumentStore} applies to a document, so the embedded store refuses exactly what Cosmos
 * refuses and both hand back the same bodies.
 */
public final class Documents {

    private Documents() {
    }

    /** The document's id, checked: a non-blank string without the characters Cosmos forbids in ids. */
    public static String requireId(ObjectNode document) {
        JsonNode id = document.get("id");
        if (id == null || !id.isTextual() || id.asText().isBlank()) {
            throw new IllegalArgumentException("a document needs a non-blank string id");
        }
        String value = id.asText();
        if (value.length() > 255 || value.chars().anyMatch(c -> c == '/' || c == '\\' || c == '?' || c == '#')) {
            throw new IllegalArgumentException("a document id must be at most 255 characters without / \\ ? #: " + value);
        }
        return value;
    }

    /** The document's partition key, checked: a non-empty string in {@code pk}. */
    public static String requirePartitionKey(ObjectNode document) {
        JsonNode pk = document.get(Container.PARTITION_KEY_FIELD);
        if (pk == null || !pk.isTextual() || pk.asText().isEmpty()) {
            throw new IllegalArgumentException("a document needs a string partition key in '" + Container.PARTITION_KEY_FIELD + "'");
        }
        return pk.asText();
    }

    /**
     * A copy without the system properties Cosmos adds ({@code _rid}, {@code _etag}, {@code _ts}, …): names
     * starting with '_' are reserved to the store, and the ETag travels beside the body in {@link StoredDocument}.
     */
    public static ObjectNode withoutSystemProperties(ObjectNode document) {
        ObjectNode copy = document.deepCopy();
        List<String> system = new ArrayList<>();
        for (Iterator<String> names = copy.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (name.startsWith("_")) {
                system.add(name);
            }
        }
        copy.remove(system);
        return copy;
    }
}
