package org.measures311.store;

/**
 * Implemented by a {@link DocumentStore} that can tell cheaply, in this process, whether a partition changed:
 * readers may then keep what they derived from a partition until its version moves. The embedded store can
 * (it is the only writer of its folder); Cosmos DB cannot without a read, so nothing is cached over it.
 */
public interface PartitionVersions {
    /**
     * A number that differs after every change to the partition's documents. Read it <em>before</em> reading
     * the partition: rows read afterwards are at least that new, so a cached copy is never kept under a version
     * newer than its content.
     */
    long partitionVersion(Container container, String partitionKey);
}
