package org.measures311.store.azure;

import com.azure.cosmos.CosmosAsyncClient;
import com.azure.cosmos.CosmosAsyncContainer;
import com.azure.cosmos.CosmosAsyncDatabase;
import com.azure.cosmos.CosmosClientBuilder;
import com.azure.cosmos.CosmosException;
import com.azure.cosmos.ThrottlingRetryOptions;
import com.azure.cosmos.models.CosmosContainerProperties;
import com.azure.cosmos.models.CosmosItemIdentity;
import com.azure.cosmos.models.CosmosItemRequestOptions;
import com.azure.cosmos.models.PartitionKey;
import com.azure.identity.DefaultAzureCredentialBuilder;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.measures311.store.Container;
import org.measures311.store.DocumentStore;
import org.measures311.store.Documents;
import org.measures311.store.StoredDocument;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * The {@link DocumentStore} on Azure Cosmos DB for NoSQL (gateway mode), reached with the account key locally or
 * with managed identity in Azure. It uses only what Cosmos serves cheaply and the local wire server emulates:
 * point-style reads, single-partition reads, upserts, conditional replaces. No SQL query is ever sent.
 *
 * <p><b>Reading one document.</b> A plain point read of a missing document answers 404 on Cosmos but 500 on the
 * wire server, and {@code readMany} with one identity is turned by the SDK into the same point read (measured
 * with SDK 4.83). So a read asks {@code readMany} for the wanted id plus {@link #ABSENT_ID}, an id no document
 * can have (Cosmos forbids '/' in ids). With two identities in one partition the SDK sends one single-partition
 * lookup by id (no query plan, so the wire server serves it) that returns the document or nothing, on both.
 * It costs a few request units more than a point read; reads of single documents are rare here (ledger and
 * control documents), so one code path, tested against the emulator, wins over a cheaper one it cannot test.
 *
 * <p><b>Faults.</b> The SDK retries 429s itself within {@link #THROTTLING}. Every call is also retried with
 * exponential backoff and jitter on 408, 449 and 503 ({@link #TRANSIENT_RETRY}). Upserts, reads and deletes are
 * idempotent. A create or conditional replace retried after a lost reply (a 408 for a write that was done) meets
 * its own write and answers "conflict" (false): every caller reads the document again after a false and
 * recognises its own write (content claims and locks carry their owner, month registration re-reads the list),
 * so a false is always safe. Not retrying them instead made every 503 or 408 on a claim, a ledger month or the
 * recompute lock fail the whole delivery or recomputation (found by CosmosFaultsIT).
 */
public final class CosmosDocumentStore implements DocumentStore {

    static final String ABSENT_ID = "/absent";
    static final ThrottlingRetryOptions THROTTLING = new ThrottlingRetryOptions()
            .setMaxRetryAttemptsOnThrottledRequests(9)
            .setMaxRetryWaitTime(Duration.ofSeconds(60));
    private static final Set<Integer> TRANSIENT = Set.of(408, 449, 503);
    static final Retry TRANSIENT_RETRY = Retry.backoff(5, Duration.ofMillis(200))
            .maxBackoff(Duration.ofSeconds(5))
            .jitter(0.5)
            .filter(CosmosDocumentStore::isTransient)
            .onRetryExhaustedThrow((spec, signal) -> signal.failure());
    private static final int WRITE_CONCURRENCY = 32;
    private static final System.Logger LOG = System.getLogger(CosmosDocumentStore.class.getName());

    private final CosmosAsyncClient client;
    private final boolean ownsClient;
    private final String endpoint;
    private final CosmosAsyncDatabase database;
    private final Map<Container, CosmosAsyncContainer> containers = new EnumMap<>(Container.class);

    /**
     * Uses a client built elsewhere (a test double at the SDK boundary, a shared client); creates the database and
     * containers when missing. The caller keeps ownership of the client.
     */
    public CosmosDocumentStore(CosmosAsyncClient client, String endpoint, String databaseName) {
        this(client, false, endpoint, databaseName);
    }

    private CosmosDocumentStore(CosmosAsyncClient client, boolean ownsClient, String endpoint, String databaseName) {
        this.client = Objects.requireNonNull(client, "client");
        this.ownsClient = ownsClient;
        this.endpoint = endpoint;
        createIfMissing(() -> client.createDatabaseIfNotExists(databaseName), "database " + databaseName);
        this.database = client.getDatabase(databaseName);
        for (Container container : Container.values()) {
            createIfMissing(() -> database.createContainerIfNotExists(
                    new CosmosContainerProperties(container.containerName(), Container.PARTITION_KEY_PATH)),
                    "container " + container.containerName());
            containers.put(container, database.getContainer(container.containerName()));
        }
    }

    /**
     * Connects with the account key when one is given (the local emulator), else with DefaultAzureCredential
     * (managed identity in Azure: no keys in settings).
     */
    public static CosmosDocumentStore connect(String endpoint, Optional<String> key, String databaseName) {
        CosmosClientBuilder builder = clientBuilder(endpoint);
        if (key.isPresent()) {
            builder.key(key.get());
        } else {
            builder.credential(new DefaultAzureCredentialBuilder().build());
        }
        return new CosmosDocumentStore(builder.buildAsyncClient(), true, endpoint, databaseName);
    }

    /**
     * The client options the product runs with (gateway mode, the throttling budget, no content echoed on writes),
     * without credentials: {@link #connect} adds them, and tests that put a double at the SDK boundary build the
     * same client around it.
     */
    public static CosmosClientBuilder clientBuilder(String endpoint) {
        return new CosmosClientBuilder()
                .endpoint(endpoint)
                .gatewayMode()
                .throttlingRetryOptions(THROTTLING)
                .contentResponseOnWriteEnabled(false);
    }

    /**
     * Creates a database or container unless it exists. A 403 means the identity may not change the account's
     * control plane (data-plane RBAC only, as deployed): infra/ has then created them.
     */
    private static void createIfMissing(java.util.function.Supplier<Mono<?>> create, String what) {
        try {
            create.get().block();
        } catch (CosmosException e) {
            if (e.getStatusCode() != 403) {
                throw e;
            }
            LOG.log(System.Logger.Level.INFO, "not allowed to create Cosmos {0}; expecting infra to have created it", what);
        }
    }

    @Override
    public Optional<StoredDocument> read(Container container, String partitionKey, String id) {
        PartitionKey pk = new PartitionKey(partitionKey);
        List<CosmosItemIdentity> lookup = List.of(new CosmosItemIdentity(pk, id), new CosmosItemIdentity(pk, ABSENT_ID));
        return containers.get(container).readMany(lookup, ObjectNode.class)
                .retryWhen(TRANSIENT_RETRY)
                .blockOptional()
                .flatMap(response -> response.getResults().stream().filter(d -> id.equals(d.path("id").asText())).findFirst())
                .map(CosmosDocumentStore::stored);
    }

    @Override
    public List<StoredDocument> readPartition(Container container, String partitionKey) {
        return containers.get(container).readAllItems(new PartitionKey(partitionKey), ObjectNode.class)
                .map(CosmosDocumentStore::stored)
                .collectList()
                .retryWhen(TRANSIENT_RETRY)
                .block();
    }

    @Override
    public void upsertAll(Container container, Collection<ObjectNode> documents) {
        documents.forEach(Documents::requireId);
        documents.forEach(Documents::requirePartitionKey);
        CosmosAsyncContainer target = containers.get(container);
        Flux.fromIterable(documents)
                .flatMap(document -> Mono.defer(() -> target.upsertItem(Documents.withoutSystemProperties(document),
                                new PartitionKey(Documents.requirePartitionKey(document)), new CosmosItemRequestOptions()))
                        .retryWhen(TRANSIENT_RETRY), WRITE_CONCURRENCY)
                .then()
                .block();
    }

    @Override
    public boolean createIfAbsent(Container container, ObjectNode document) {
        Documents.requireId(document);
        try {
            CosmosAsyncContainer target = containers.get(container);
            Mono.defer(() -> target.createItem(Documents.withoutSystemProperties(document),
                            new PartitionKey(Documents.requirePartitionKey(document)), new CosmosItemRequestOptions()))
                    .retryWhen(TRANSIENT_RETRY)
                    .block();
            return true;
        } catch (CosmosException e) {
            if (e.getStatusCode() == 409) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public boolean replaceIfMatch(Container container, ObjectNode document, String etag) {
        String id = Documents.requireId(document);
        try {
            CosmosAsyncContainer target = containers.get(container);
            Mono.defer(() -> target.replaceItem(Documents.withoutSystemProperties(document), id,
                            new PartitionKey(Documents.requirePartitionKey(document)),
                            new CosmosItemRequestOptions().setIfMatchETag(etag)))
                    .retryWhen(TRANSIENT_RETRY)
                    .block();
            return true;
        } catch (CosmosException e) {
            if (e.getStatusCode() == 412 || e.getStatusCode() == 404) {
                return false; // changed meanwhile, or deleted meanwhile: either way not the version the caller saw
            }
            throw e;
        }
    }

    @Override
    public void delete(Container container, String partitionKey, String id) {
        containers.get(container).deleteItem(id, new PartitionKey(partitionKey), new CosmosItemRequestOptions())
                .retryWhen(TRANSIENT_RETRY)
                .onErrorResume(e -> e instanceof CosmosException c && c.getStatusCode() == 404, e -> Mono.empty())
                .block();
    }

    @Override
    public boolean isAvailable() {
        try {
            database.read().block(Duration.ofSeconds(10));
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public String describe() {
        return "Cosmos DB " + endpoint + " database " + database.getId();
    }

    @Override
    public void close() {
        if (ownsClient) {
            client.close();
        }
    }

    static boolean isTransient(Throwable error) {
        return error instanceof CosmosException e && TRANSIENT.contains(e.getStatusCode());
    }

    private static StoredDocument stored(ObjectNode body) {
        String etag = body.path("_etag").asText("");
        if (etag.isEmpty()) {
            throw new IllegalStateException("Cosmos returned a document without _etag: " + body.path("id").asText());
        }
        return new StoredDocument(Documents.withoutSystemProperties(body), etag);
    }
}
