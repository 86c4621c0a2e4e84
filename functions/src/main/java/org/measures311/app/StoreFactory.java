package org.measures311.app;

import java.nio.file.Path;
import org.measures311.config.InvalidSettingException;
import org.measures311.config.Settings;
import org.measures311.store.DocumentStore;
import org.measures311.store.Lake;
import org.measures311.store.azure.BlobLake;
import org.measures311.store.azure.CosmosDocumentStore;
import org.measures311.store.embedded.EmbeddedDocumentStore;
import org.measures311.store.embedded.LocalLake;

/** Builds the stores an {@link Application} runs over: Azure's from the settings, or embedded ones in folders. */
public final class StoreFactory {
    private StoreFactory() {
    }

    /**
     * Stores for a local run: the landing zone is the given folder (only ever read); curated facts, quarantine
     * and the document store live under the state folder and survive restarts.
     */
    public static Application.Stores embedded(Path landing, Path state) {
        return new Application.Stores(
                new LocalLake(landing),
                new LocalLake(state.resolve("curated")),
                new LocalLake(state.resolve("quarantine")),
                new EmbeddedDocumentStore(state.resolve("documents")));
    }

    /**
     * Stores in Azure (or the emulators): the landing, curated and quarantine containers through the Blob API,
     * and Cosmos DB. A connection string wins where one is set (Azurite); otherwise the managed identity is used.
     */
    public static Application.Stores azure(Settings settings) {
        DocumentStore documents = CosmosDocumentStore.connect(
                settings.cosmosEndpoint().orElseThrow(() -> new InvalidSettingException(Settings.COSMOS_ENDPOINT,
                        "must be set to the Cosmos DB account endpoint")),
                settings.cosmosKey(), settings.cosmosDatabase());
        return new Application.Stores(
                lake(settings, settings.landingContainer()),
                lake(settings, settings.curatedContainer()),
                lake(settings, settings.quarantineContainer()),
                documents);
    }

    private static Lake lake(Settings settings, String container) {
        if (settings.storageConnectionString().isPresent()) {
            return BlobLake.fromConnectionString(settings.storageConnectionString().get(), container);
        }
        return BlobLake.fromServiceUri(settings.storageBlobServiceUri().orElseThrow(() -> new InvalidSettingException(
                Settings.STORAGE_BLOB_SERVICE_URI, "must be set to the storage account's blob endpoint "
                        + "(or " + Settings.STORAGE_CONNECTION + " to a connection string)")), container);
    }
}
