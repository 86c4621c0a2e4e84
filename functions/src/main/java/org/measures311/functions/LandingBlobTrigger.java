package org.measures311.functions;

import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.annotation.BindingName;
import com.microsoft.azure.functions.annotation.BlobTrigger;
import com.microsoft.azure.functions.annotation.FunctionName;

public class LandingBlobTrigger {
    @FunctionName("ingestLandingBlob")
    public void run(
            @BlobTrigger(name = "blob", path = "%LANDING_CONTAINER%/{name}", dataType = "binary",
                    connection = "LandingStorage", source = "EventGrid") byte[] content,
            @BindingName("name") String name,
            ExecutionContext context) {
    }
}
