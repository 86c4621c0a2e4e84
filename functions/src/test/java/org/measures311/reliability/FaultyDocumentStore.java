package org.measures311.reliability;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.measures311.store.Container;
import org.measures311.store.DocumentStore;
import org.measures311.store.StoredDocument;

/**
 * A {@link DocumentStore} decorator that simulates a process killed at one point: the first upsert of each
 * document id into one container throws, as if the process died just before that write (everything written
 * before it stays written). The next delivery then finds the state a crash would leave.
 */
final class FaultyDocumentStore implements DocumentStore {
    private final DocumentStore delegate;
    private volatile Container killBeforeFirstUpsertInto;
    private final Set<String> killed = ConcurrentHashMap.newKeySet();
    private final AtomicInteger kills = new AtomicInteger();

    FaultyDocumentStore(DocumentStore delegate) {
        this.delegate = delegate;
    }

    FaultyDocumentStore killBeforeFirstUpsertOfEachDocumentInto(Container container) {
        this.killBeforeFirstUpsertInto = container;
        return this;
    }

    int kills() {
        return kills.get();
    }

    @Override
    public void upsertAll(Container container, Collection<ObjectNode> documents) {
        if (container == killBeforeFirstUpsertInto) {
            for (ObjectNode document : documents) {
                if (killed.add(document.path("id").asText())) {
                    kills.incrementAndGet();
                    throw new IllegalStateException("injected: process killed before writing " + container
                            + " document " + document.path("id").asText());
                }
            }
        }
        delegate.upsertAll(container, documents);
    }

    @Override
    public Optional<StoredDocument> read(Container container, String partitionKey, String id) {
        return delegate.read(container, partitionKey, id);
    }

    @Override
    public List<StoredDocument> readPartition(Container container, String partitionKey) {
        return delegate.readPartition(container, partitionKey);
    }

    @Override
    public boolean createIfAbsent(Container container, ObjectNode document) {
        return delegate.createIfAbsent(container, document);
    }

    @Override
    public boolean replaceIfMatch(Container container, ObjectNode document, String etag) {
        return delegate.replaceIfMatch(container, document, etag);
    }

    @Override
    public void delete(Container container, String partitionKey, String id) {
        delegate.delete(container, partitionKey, id);
    }

    @Override
    public boolean isAvailable() {
        return delegate.isAvailable();
    }

    @Override
    public String describe() {
        return "faulty " + delegate.describe();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
