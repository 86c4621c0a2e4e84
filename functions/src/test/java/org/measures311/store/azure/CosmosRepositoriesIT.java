package org.measures311.store.azure;

import java.util.Optional;
import org.measures311.store.DocumentStore;
import org.measures311.store.RepositoryContract;
import org.measures311.testing.Emulators;

/** The repositories against the Cosmos wire server; each test gets its own database. */
class CosmosRepositoriesIT extends RepositoryContract {

    @Override
    protected DocumentStore newStore() {
        return CosmosDocumentStore.connect(Emulators.cosmosEndpoint(), Optional.of(Emulators.cosmosKey()),
                Emulators.uniqueName("repos"));
    }
}
