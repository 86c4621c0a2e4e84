package org.measures311.store.embedded;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.measures311.store.Container;
import org.measures311.store.DocumentStore;
import org.measures311.store.PartitionVersions;
import org.measures311.store.Documents;
import org.measures311.store.StoredDocument;

/**
 * A {@link DocumentStore} in a local folder: no server, survives restarts and a kill at any moment.
 *
 * <p>Layout: {@code <folder>/<container>/<partition>.json}, one file per partition holding all its documents with
 * their ETags. Every product read names one partition, so a partition is the natural unit to load (once, then
 * served from memory) and to rewrite: a batch of upserts costs one atomic file replacement per partition it
 * touches (temporary file, fsync, rename), which keeps tens of thousands of measure rows fast and leaves no torn
 * file after a crash. Temporary files a crash left behind are deleted when the store opens.
 *
 * <p>One process owns the folder at a time (an OS lock taken at open and held until close): the cache is only
 * right while nobody else writes, so a second runner on the same state fails fast instead of losing writes.
 * Within the process, writes to one partition are serialised; ETags are random UUIDs, so they differ on every
 * write without any counter to persist.
 */
public final class EmbeddedDocumentStore implements DocumentStore, PartitionVersions {

    private static final String OWNER_LOCK = AtomicFiles.INTERNAL_PREFIX + "-owner.lock";
    private static final int MAX_PLAIN_NAME = 120;

    private final Path folder;
    private final ObjectMapper json = new ObjectMapper();
    private final ConcurrentMap<String, Partition> partitions = new ConcurrentHashMap<>();
    private final FileChannel ownerChannel;
    private final FileLock owner;
    private volatile boolean closed;
    /** Versions are drawn from one counter, so a version names one state of one partition. */
    private final AtomicLong versions = new AtomicLong();

    public EmbeddedDocumentStore(Path folder) {
        this.folder = folder.toAbsolutePath().normalize();
        try {
            Files.createDirectories(this.folder);
            ownerChannel = FileChannel.open(this.folder.resolve(OWNER_LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            owner = tryOwn(ownerChannel);
            for (Container container : Container.values()) {
                Path containerFolder = this.folder.resolve(container.containerName());
                Files.createDirectories(containerFolder);
                deleteLeftoverTemporaryFiles(containerFolder);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the document store in " + this.folder, e);
        }
    }

    private FileLock tryOwn(FileChannel channel) throws IOException {
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            throw new IllegalStateException("the state folder " + folder + " is in use by another store or process;"
                    + " stop it first (one runner owns a state folder)");
        }
        return lock;
    }

    private static void deleteLeftoverTemporaryFiles(Path containerFolder) throws IOException {
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(containerFolder,
                AtomicFiles.INTERNAL_PREFIX + "*" + AtomicFiles.TEMP_SUFFIX)) {
            for (Path leftover : leftovers) {
                Files.deleteIfExists(leftover); // a write a crash interrupted before its rename: never committed
            }
        }
    }

    @Override
    public Optional<StoredDocument> read(Container container, String partitionKey, String id) {
        StoredDocument found = partition(container, partitionKey).documents().get(id);
        return Optional.ofNullable(found).map(EmbeddedDocumentStore::copy);
    }

    @Override
    public List<StoredDocument> readPartition(Container container, String partitionKey) {
        return partition(container, partitionKey).documents().values().stream().map(EmbeddedDocumentStore::copy).toList();
    }

    @Override
    public long partitionVersion(Container container, String partitionKey) {
        return partition(container, partitionKey).version();
    }

    @Override
    public void upsertAll(Container container, Collection<ObjectNode> documents) {
        Map<String, List<ObjectNode>> byPartition = new LinkedHashMap<>();
        for (ObjectNode document : documents) {
            Documents.requireId(document);
            byPartition.computeIfAbsent(Documents.requirePartitionKey(document), pk -> new ArrayList<>()).add(document);
        }
        byPartition.forEach((pk, batch) -> partition(container, pk).update(current -> {
            for (ObjectNode document : batch) {
                current.put(Documents.requireId(document), stored(document));
            }
            return true;
        }));
    }

    @Override
    public boolean createIfAbsent(Container container, ObjectNode document) {
        String id = Documents.requireId(document);
        return partition(container, Documents.requirePartitionKey(document))
                .update(current -> current.putIfAbsent(id, stored(document)) == null);
    }

    @Override
    public boolean replaceIfMatch(Container container, ObjectNode document, String etag) {
        String id = Documents.requireId(document);
        return partition(container, Documents.requirePartitionKey(document)).update(current -> {
            StoredDocument existing = current.get(id);
            if (existing == null || !existing.etag().equals(etag)) {
                return false;
            }
            current.put(id, stored(document));
            return true;
        });
    }

    @Override
    public void delete(Container container, String partitionKey, String id) {
        partition(container, partitionKey).update(current -> current.remove(id) != null);
    }

    @Override
    public boolean isAvailable() {
        return !closed && Files.isDirectory(folder);
    }

    @Override
    public String describe() {
        return "embedded document store in " + folder;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try (ownerChannel) {
            owner.release();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot release the state folder " + folder, e);
        }
    }

    private Partition partition(Container container, String partitionKey) {
        if (closed) {
            throw new IllegalStateException("the document store in " + folder + " is closed");
        }
        if (partitionKey == null || partitionKey.isEmpty()) {
            throw new IllegalArgumentException("a partition key must not be empty");
        }
        String key = container.containerName() + "/" + partitionKey;
        return partitions.computeIfAbsent(key, k -> new Partition(container, partitionKey));
    }

    private StoredDocument stored(ObjectNode document) {
        return new StoredDocument(Documents.withoutSystemProperties(document), UUID.randomUUID().toString());
    }

    private static StoredDocument copy(StoredDocument document) {
        return new StoredDocument(document.body().deepCopy(), document.etag());
    }

    /**
     * A partition file name that is a safe, injective function of the key even on case-insensitive file systems:
     * lower-case letters, digits, '-' and '_' stay; everything else (upper case included) becomes %XX of its UTF-8
     * bytes. Very long keys are shortened with their hash (the file also holds the key itself).
     */
    static String fileName(String partitionKey) {
        StringBuilder name = new StringBuilder();
        for (byte b : partitionKey.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_') {
                name.append(c);
            } else {
                name.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        if (name.length() > MAX_PLAIN_NAME) {
            String hash = UUID.nameUUIDFromBytes(partitionKey.getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
            name.setLength(MAX_PLAIN_NAME - hash.length() - 1);
            name.append('~').append(hash);
        }
        return name.append(".json").toString();
    }

    /** One partition: loaded lazily, replaced on disk as a whole, guarded by its own monitor. */
    private final class Partition {
        private final Container container;
        private final String partitionKey;
        private final Path file;
        private Map<String, StoredDocument> documents;
        private long version = versions.incrementAndGet();

        Partition(Container container, String partitionKey) {
            this.container = container;
            this.partitionKey = partitionKey;
            this.file = folder.resolve(container.containerName()).resolve(fileName(partitionKey));
        }

        synchronized Map<String, StoredDocument> documents() {
            if (documents == null) {
                documents = load();
            }
            return documents;
        }

        /**
         * Applies a change to a copy, writes the copy when the change reports one, and only then makes it current:
         * a failed write leaves memory and disk both as they were.
         */
        synchronized boolean update(Function<Map<String, StoredDocument>, Boolean> change) {
            Map<String, StoredDocument> next = new LinkedHashMap<>(documents());
            if (!change.apply(next)) {
                return false;
            }
            persist(next);
            documents = next;
            version = versions.incrementAndGet();
            return true;
        }

        synchronized long version() {
            return version;
        }

        private Map<String, StoredDocument> load() {
            Map<String, StoredDocument> loaded = new LinkedHashMap<>();
            if (!Files.exists(file)) {
                return loaded;
            }
            try {
                JsonNode root = json.readTree(file.toFile());
                for (JsonNode entry : root.path("documents")) {
                    StoredDocument document = new StoredDocument((ObjectNode) entry.get("body"), entry.get("etag").asText());
                    loaded.put(document.id(), document);
                }
                return loaded;
            } catch (IOException | RuntimeException e) {
                throw new IllegalStateException("unreadable partition file " + file + " (" + container.containerName()
                        + ", pk " + partitionKey + ")", e);
            }
        }

        private void persist(Map<String, StoredDocument> next) {
            try {
                if (next.isEmpty()) {
                    Files.deleteIfExists(file);
                    return;
                }
                ObjectNode root = json.createObjectNode();
                root.put("container", container.containerName());
                root.put("pk", partitionKey);
                ArrayNode entries = root.putArray("documents");
                for (StoredDocument document : next.values()) {
                    entries.addObject().put("etag", document.etag()).set("body", document.body());
                }
                AtomicFiles.replace(file, json.writeValueAsBytes(root));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write partition file " + file, e);
            }
        }
    }
}
