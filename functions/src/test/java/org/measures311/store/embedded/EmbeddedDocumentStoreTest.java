package org.measures311.store.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.measures311.store.Container;
import org.measures311.store.DocumentStore;
import org.measures311.store.DocumentStoreContract;
import org.measures311.store.StoredDocument;

class EmbeddedDocumentStoreTest extends DocumentStoreContract {

    @TempDir
    Path folder;

    @Override
    protected DocumentStore newStore() {
        return new EmbeddedDocumentStore(folder.resolve("documents"));
    }

    @Test
    void documentsSurviveARestart() {
        store.upsertAll(Container.MEASURES, List.of(doc("m|day", "a", 1), doc("m|day", "b", 2)));
        store.delete(Container.MEASURES, "m|day", "b");
        String etag = store.read(Container.MEASURES, "m|day", "a").orElseThrow().etag();
        store.close();

        store = newStore();
        StoredDocument a = store.read(Container.MEASURES, "m|day", "a").orElseThrow();
        assertThat(a.body()).isEqualTo(doc("m|day", "a", 1));
        assertThat(a.etag()).isEqualTo(etag);
        assertThat(store.readPartition(Container.MEASURES, "m|day")).extracting(StoredDocument::id).containsExactly("a");
        assertThat(store.replaceIfMatch(Container.MEASURES, doc("m|day", "a", 5), etag)).isTrue();
    }

    @Test
    void aWriteKilledBeforeItsRenameLeavesTheOldStateAndIsCleanedUp() throws Exception {
        store.upsert(Container.LEDGER, doc("2025-03", "d1", 1));
        store.close();
        // What kill -9 during a write leaves behind: a partial temporary file beside the partition file.
        Path leftover = folder.resolve("documents/ledger/.~m311-1234.tmp");
        Files.writeString(leftover, "{\"container\":\"ledger\",\"pk\":\"2025-03\",\"documents\":[{\"etag\":\"x\",\"bo");

        store = newStore();
        assertThat(store.readPartition(Container.LEDGER, "2025-03")).extracting(StoredDocument::id).containsExactly("d1");
        assertThat(leftover).doesNotExist();
    }

    @Test
    void oneStoreOwnsTheFolderAtATime() {
        assertThatThrownBy(this::newStore).isInstanceOf(IllegalStateException.class).hasMessageContaining("in use");
        store.close();
        store = newStore();
        assertThat(store.isAvailable()).isTrue();
    }

    @Test
    void partitionKeysThatDifferOnlyInCaseOrPunctuationStayApart() throws Exception {
        store.upsertAll(Container.CONTROL, List.of(doc("Key", "x", 1), doc("key", "x", 2), doc("a/b", "x", 3),
                doc("a|b", "x", 4), doc("a%2Fb", "x", 5), doc("k".repeat(400), "x", 6)));
        store.close();
        store = newStore();

        assertThat(Stream.of("Key", "key", "a/b", "a|b", "a%2Fb", "k".repeat(400))
                .map(pk -> store.read(Container.CONTROL, pk, "x").orElseThrow().body().get("value").asInt()))
                .containsExactly(1, 2, 3, 4, 5, 6);
        try (Stream<Path> files = Files.list(folder.resolve("documents/control"))) {
            assertThat(files.filter(f -> f.toString().endsWith(".json"))).hasSize(6)
                    .allSatisfy(f -> assertThat(f.getFileName().toString().length()).isLessThanOrEqualTo(130));
        }
    }

    @Test
    void fileNamesAreReadableAndCaseSafe() {
        assertThat(EmbeddedDocumentStore.fileName("contacts_handled|day")).isEqualTo("contacts_handled%7Cday.json");
        assertThat(EmbeddedDocumentStore.fileName("2025-03")).isEqualTo("2025-03.json");
        assertThat(EmbeddedDocumentStore.fileName("A")).isEqualTo("%41.json");
    }

    @Test
    void returnedDocumentsAreCopies() {
        store.upsert(Container.CONTROL, doc("p", "x", 1));
        store.read(Container.CONTROL, "p", "x").orElseThrow().body().put("value", 99);
        store.readPartition(Container.CONTROL, "p").get(0).body().put("value", 98);
        assertThat(store.read(Container.CONTROL, "p", "x").orElseThrow().body().get("value").asInt()).isEqualTo(1);
    }
}
