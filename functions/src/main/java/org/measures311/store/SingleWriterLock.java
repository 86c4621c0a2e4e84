package org.measures311.store;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A lease held as a control document, so that compaction and measure writes have one writer at a time across
 * function instances and the local runner. Acquisition is a conditional create (or a conditional replace of an
 * expired lease), so two contenders can never both win; a crashed holder's lease simply expires.
 */
public final class SingleWriterLock {
    private final DocumentStore store;
    private final String id;
    private final Duration lease;
    private final Clock clock;

    public SingleWriterLock(DocumentStore store, String name, Duration lease, Clock clock) {
        this.store = store;
        this.id = "lock~" + name;
        this.lease = lease;
        this.clock = clock;
    }

    /** A held lease; closing it releases the lock if it is still ours. */
    public final class Held implements AutoCloseable {
        private final String owner;

        private Held(String owner) {
            this.owner = owner;
        }

        @Override
        public void close() {
            Optional<StoredDocument> current = store.read(Container.CONTROL, id, id);
            if (current.isPresent() && owner.equals(current.get().body().path("owner").asText())) {
                store.delete(Container.CONTROL, id, id);
            }
        }
    }

    /**
     * Tries to take the lock, waiting up to {@code wait}; empty when another writer holds it throughout. One owner id
     * for the whole attempt: a store that retries a create whose reply was lost reports a conflict with our own
     * lease, which must then be recognised as ours (else it would block every writer until it expired).
     */
    public Optional<Held> tryAcquire(Duration wait) throws InterruptedException {
        Instant deadline = clock.instant().plus(wait);
        long sleep = 100;
        String owner = UUID.randomUUID().toString();
        while (true) {
            ObjectNode doc = lockDocument(owner);
            if (store.createIfAbsent(Container.CONTROL, doc)) {
                return Optional.of(new Held(owner));
            }
            Optional<StoredDocument> current = store.read(Container.CONTROL, id, id);
            if (current.isPresent() && owner.equals(current.get().body().path("owner").asText())) {
                return Optional.of(new Held(owner));
            }
            if (current.isPresent()) {
                Instant expires = Instant.parse(current.get().body().path("expiresAt").asText(Instant.EPOCH.toString()));
                if (expires.isBefore(clock.instant())
                        && store.replaceIfMatch(Container.CONTROL, doc, current.get().etag())) {
                    return Optional.of(new Held(owner));
                }
            }
            if (!clock.instant().isBefore(deadline)) {
                return Optional.empty();
            }
            Thread.sleep(sleep);
            sleep = Math.min(sleep * 2, 2_000);
        }
    }

    private ObjectNode lockDocument(String owner) {
        ObjectNode doc = JsonNodeFactory.instance.objectNode();
        doc.put("id", id);
        doc.put(Container.PARTITION_KEY_FIELD, id);
        doc.put("owner", owner);
        doc.put("expiresAt", clock.instant().plus(lease).toString());
        return doc;
    }
}
