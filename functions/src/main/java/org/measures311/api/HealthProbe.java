package org.measures311.api;

/** Port: whether the stores the API reads from answer right now. */
public interface HealthProbe {
    /** A cheap call to the lake (storage account, or the embedded directory); false on any failure. */
    boolean storageAnswers();

    /** A cheap call to the document store (Cosmos, or the embedded store); false on any failure. */
    boolean documentStoreAnswers();
}
