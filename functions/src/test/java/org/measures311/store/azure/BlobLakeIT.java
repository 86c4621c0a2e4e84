package org.measures311.store.azure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.measures311.store.Lake;
import org.measures311.store.LakeContract;
import org.measures311.testing.Emulators;

/** The lake contract against Azurite's blob service; each test gets its own container. */
class BlobLakeIT extends LakeContract {

    @Override
    protected Lake newLake() {
        return BlobLake.fromConnectionString(Emulators.azuriteConnectionString(), Emulators.uniqueName("lake"));
    }

    @Test
    void reportsItselfAvailableAndByUrl() throws IOException {
        assertThat(lake.isAvailable()).isTrue();
        assertThat(lake.describe()).startsWith("http://127.0.0.1:").contains("/devstoreaccount1/lake-");
    }
}
