package org.measures311.functions;

import com.azure.storage.blob.BlobClient;
import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.annotation.BindingName;
import com.microsoft.azure.functions.annotation.BlobTrigger;
import com.microsoft.azure.functions.annotation.FunctionName;
import org.measures311.ingest.LedgerEntry;

/**
 * A new file in the landing container: ingest it. Flex Consumption only supports the Event Grid flavour of the
 * blob trigger. The blob arrives as an SDK {@link BlobClient} (no host-side download, no 100 MB ceiling); the
 * ingestor streams it from storage itself.
 */
public class LandingBlobTrigger {

    @FunctionName("ingestLandingBlob")
    public void run(
            @BlobTrigger(name = "blob", path = "%LANDING_CONTAINER%/{name}", dataType = "binary",
                    connection = "LandingStorage", source = "EventGrid") BlobClient blob,
            @BindingName("name") String name,
            ExecutionContext context) throws Exception {
        context.getLogger().info("Landing blob " + name + " (invocation " + context.getInvocationId() + ")");
        LedgerEntry entry = FunctionApp.get().ingestor().ingest(name);
        context.getLogger().info(String.format("Drop %s: %s, %d rows read, %d accepted, %d rejected: %s",
                entry.dropId(), entry.status().code(), entry.rowsRead(), entry.rowsAccepted(), entry.rowsRejected(),
                entry.message()));
    }
}
