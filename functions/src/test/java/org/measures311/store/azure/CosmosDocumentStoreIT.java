package org.measures311.store.azure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.measures311.store.Container;
import org.measures311.store.DocumentStore;
import org.measures311.store.DocumentStoreContract;
import org.measures311.testing.Emulators;

/** The document store contract against the Cosmos wire server; each test gets its own database. */
class CosmosDocumentStoreIT extends DocumentStoreContract {

    @Override
    protected DocumentStore newStore() {
        return CosmosDocumentStore.connect(Emulators.cosmosEndpoint(), Optional.of(Emulators.cosmosKey()),
                Emulators.uniqueName("docs"));
    }

    @Test
    void reopeningAnExistingDatabaseKeepsItsDocuments() {
        String database = Emulators.uniqueName("reopen");
        try (DocumentStore first = CosmosDocumentStore.connect(Emulators.cosmosEndpoint(), Optional.of(Emulators.cosmosKey()), database)) {
            first.upsert(Container.LEDGER, doc("2025-03", "d1", 7));
        }
        try (DocumentStore second = CosmosDocumentStore.connect(Emulators.cosmosEndpoint(), Optional.of(Emulators.cosmosKey()), database)) {
            assertThat(second.read(Container.LEDGER, "2025-03", "d1").orElseThrow().body().get("value").asInt()).isEqualTo(7);
        }
    }

    @Test
    void anIdThatLooksLikeTheAbsenceMarkerCannotBeStored() {
        assertThat(CosmosDocumentStore.ABSENT_ID).contains("/");
    }
}
