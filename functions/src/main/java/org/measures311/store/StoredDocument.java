package org.measures311.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/** A document as stored, with the ETag to use for a conditional replace. */
public record StoredDocument(ObjectNode body, String etag) {
    public StoredDocument {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(etag, "etag");
    }

    public String id() {
        return body.path("id").asText();
    }

    public String partitionKey() {
        return body.path(Container.PARTITION_KEY_FIELD).asText();
    }
}
