package org.measures311.store.embedded;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.measures311.store.DocumentStore;
import org.measures311.store.RepositoryContract;

class EmbeddedRepositoriesTest extends RepositoryContract {

    @TempDir
    Path folder;

    @Override
    protected DocumentStore newStore() {
        return new EmbeddedDocumentStore(folder.resolve("documents"));
    }
}
