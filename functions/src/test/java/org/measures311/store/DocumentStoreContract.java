package org.measures311.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link DocumentStore} must do; run against each implementation by a subclass. */
public abstract class DocumentStoreContract {

    protected static final ObjectMapper JSON = new ObjectMapper();
    protected DocumentStore store;

    /** A new, empty store for one test. */
    protected abstract DocumentStore newStore() throws Exception;

    @BeforeEach
    void openStore() throws Exception {
        store = newStore();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    protected static ObjectNode doc(String pk, String id, int value) {
        return JSON.createObjectNode().put("id", id).put("pk", pk).put("value", value);
    }

    @Test
    void upsertedDocumentReadsBackAsWritten() {
        ObjectNode written = doc("contacts_handled|day", "contacts_handled|day|2025-03-14|", 42);
        written.putArray("dropIds").add("2025-03~a");
        written.put("numerator", "1234567890.123456789");
        store.upsert(Container.MEASURES, written);

        StoredDocument read = store.read(Container.MEASURES, "contacts_handled|day", "contacts_handled|day|2025-03-14|").orElseThrow();
        assertThat(read.body()).isEqualTo(written);
        assertThat(read.etag()).isNotBlank();
        assertThat(read.id()).isEqualTo("contacts_handled|day|2025-03-14|");
        assertThat(read.partitionKey()).isEqualTo("contacts_handled|day");
    }

    @Test
    void missingDocumentReadsAsEmpty() {
        store.upsert(Container.CONTROL, doc("p", "present", 1));
        assertThat(store.read(Container.CONTROL, "p", "absent")).isEmpty();
        assertThat(store.read(Container.CONTROL, "no-such-partition", "absent")).isEmpty();
        assertThat(store.read(Container.LEDGER, "p", "present")).as("other container").isEmpty();
    }

    @Test
    void partitionReadReturnsExactlyThatPartition() {
        store.upsertAll(Container.LEDGER, List.of(doc("2025-03", "a", 1), doc("2025-03", "b", 2), doc("2025-04", "c", 3)));
        assertThat(store.readPartition(Container.LEDGER, "2025-03")).extracting(StoredDocument::id).containsExactlyInAnyOrder("a", "b");
        assertThat(store.readPartition(Container.LEDGER, "2025-05")).isEmpty();
    }

    @Test
    void upsertReplacesAndChangesTheEtag() {
        store.upsert(Container.CONTROL, doc("p", "x", 1));
        String first = store.read(Container.CONTROL, "p", "x").orElseThrow().etag();
        store.upsert(Container.CONTROL, doc("p", "x", 1));
        StoredDocument second = store.read(Container.CONTROL, "p", "x").orElseThrow();
        store.upsert(Container.CONTROL, doc("p", "x", 2));
        StoredDocument third = store.read(Container.CONTROL, "p", "x").orElseThrow();

        assertThat(List.of(first, second.etag(), third.etag())).doesNotHaveDuplicates();
        assertThat(third.body().get("value").asInt()).isEqualTo(2);
        assertThat(store.readPartition(Container.CONTROL, "p")).hasSize(1);
    }

    @Test
    void createIfAbsentKeepsTheFirstDocument() {
        assertThat(store.createIfAbsent(Container.CONTROL, doc("content~h", "content~h", 1))).isTrue();
        assertThat(store.createIfAbsent(Container.CONTROL, doc("content~h", "content~h", 2))).isFalse();
        assertThat(store.read(Container.CONTROL, "content~h", "content~h").orElseThrow().body().get("value").asInt()).isEqualTo(1);
    }

    @Test
    void replaceIfMatchNeedsTheCurrentEtag() {
        store.upsert(Container.CONTROL, doc("p", "x", 1));
        String seen = store.read(Container.CONTROL, "p", "x").orElseThrow().etag();

        assertThat(store.replaceIfMatch(Container.CONTROL, doc("p", "x", 2), seen)).isTrue();
        assertThat(store.replaceIfMatch(Container.CONTROL, doc("p", "x", 3), seen)).isFalse();
        assertThat(store.replaceIfMatch(Container.CONTROL, doc("p", "missing", 3), seen)).isFalse();
        assertThat(store.read(Container.CONTROL, "p", "x").orElseThrow().body().get("value").asInt()).isEqualTo(2);
        assertThat(store.read(Container.CONTROL, "p", "missing")).isEmpty();
    }

    @Test
    void deleteRemovesAndToleratesMissing() {
        store.upsert(Container.MEASURES, doc("m|day", "m|day|2025-01-01|", 1));
        store.delete(Container.MEASURES, "m|day", "m|day|2025-01-01|");
        store.delete(Container.MEASURES, "m|day", "m|day|2025-01-01|");
        assertThat(store.read(Container.MEASURES, "m|day", "m|day|2025-01-01|")).isEmpty();
        assertThat(store.readPartition(Container.MEASURES, "m|day")).isEmpty();
    }

    @Test
    void largeBatchesAcrossPartitionsAreAllStored() {
        List<ObjectNode> batch = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            batch.add(doc("m|" + (i % 3), "row-" + i, i));
        }
        store.upsertAll(Container.MEASURES, batch);

        assertThat(store.readPartition(Container.MEASURES, "m|0")).hasSize(1000);
        assertThat(store.readPartition(Container.MEASURES, "m|1")).hasSize(1000);
        assertThat(store.readPartition(Container.MEASURES, "m|2")).hasSize(1000)
                .extracting(d -> d.body().get("value").asInt()).contains(2, 2999);
    }

    @Test
    void documentsWithoutIdOrPartitionKeyOrWithForbiddenIdCharactersAreRefused() {
        for (ObjectNode bad : List.of(JSON.createObjectNode().put("pk", "p"), JSON.createObjectNode().put("id", "x"),
                doc("p", "a/b", 1), doc("p", "a?b", 1), doc("p", "", 1))) {
            assertThatThrownBy(() -> store.upsert(Container.CONTROL, bad)).as(bad.toString()).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void concurrentCreatorsHaveExactlyOneWinner() throws Exception {
        List<Boolean> outcomes = LakeContract.race(8, i -> store.createIfAbsent(Container.CONTROL, doc("claim", "claim", i)));
        assertThat(outcomes).containsOnlyOnce(true);
        assertThat(store.read(Container.CONTROL, "claim", "claim").orElseThrow().body().get("value").asInt())
                .isEqualTo(outcomes.indexOf(true));
    }

    @Test
    void optimisticIncrementsFromManyThreadsLoseNothing() throws Exception {
        store.upsert(Container.CONTROL, doc("counter", "counter", 0));
        LakeContract.race(4, i -> {
            for (int n = 0; n < 10; n++) {
                while (true) {
                    StoredDocument current = store.read(Container.CONTROL, "counter", "counter").orElseThrow();
                    int next = current.body().get("value").asInt() + 1;
                    if (store.replaceIfMatch(Container.CONTROL, doc("counter", "counter", next), current.etag())) {
                        break;
                    }
                }
            }
            return true;
        });
        assertThat(store.read(Container.CONTROL, "counter", "counter").orElseThrow().body().get("value").asInt()).isEqualTo(40);
    }

    @Test
    void reportsItselfAvailable() {
        assertThat(store.isAvailable()).isTrue();
        assertThat(store.describe()).isNotBlank();
        assertThat(Optional.ofNullable(store.describe())).isPresent();
    }
}
