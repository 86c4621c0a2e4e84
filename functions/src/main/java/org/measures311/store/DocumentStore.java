package org.measures311.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * JSON documents in named containers, each document carrying {@code id} and a partition key {@code pk}.
 * Cosmos DB for NoSQL in Azure, files under the state folder locally. The operations are the ones Cosmos
 * serves cheaply and the local wire server emulates faithfully: point reads, single-partition reads, upserts
 * and ETag-conditional writes. No cross-partition SQL: every read the product makes names its partition.
 */
public interface DocumentStore extends AutoCloseable {

    Optional<StoredDocument> read(Container container, String partitionKey, String id);

    /** Every document of one partition, in no particular order. */
    List<StoredDocument> readPartition(Container container, String partitionKey);

    /** Inserts or replaces the documents (which may span partitions); each write is atomic on its own. */
    void upsertAll(Container container, Collection<ObjectNode> documents);

    /** Creates the document if its id is free in its partition; false when it already exists. */
    boolean createIfAbsent(Container container, ObjectNode document);

    /** Replaces the document only if its stored ETag is still {@code etag}; false when it changed meanwhile. */
    boolean replaceIfMatch(Container container, ObjectNode document, String etag);

    /** Deletes the document; no error when it is already gone. */
    void delete(Container container, String partitionKey, String id);

    /** Whether the backing service answers (for /health). */
    boolean isAvailable();

    String describe();

    @Override
    void close();

    default void upsert(Container container, ObjectNode document) {
        upsertAll(container, List.of(document));
    }
}
