package org.measures311.config;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every setting the product reads, validated once at start-up. The same names are app settings in Azure
 * (infra/), entries of local.settings.json (Core Tools) and environment variables for the local runner.
 *
 * <p>Storage is reached either by a connection string in {@code LandingStorage} (Azurite, local runs) or, in
 * Azure, by managed identity through {@code LandingStorage__blobServiceUri}. Cosmos likewise: the emulator's
 * public key locally, managed identity (no key) in Azure.
 */
public record Settings(
        Optional<String> storageConnectionString,
        Optional<String> storageBlobServiceUri,
        String landingContainer,
        String curatedContainer,
        String quarantineContainer,
        Optional<String> cosmosEndpoint,
        Optional<String> cosmosKey,
        String cosmosDatabase,
        ZoneId programTimeZone,
        int fiscalYearStartMonth,
        double rowErrorThresholdPercent,
        Optional<String> zendeskContactTypeFieldId,
        Optional<String> zendeskCategoryFieldId,
        String zendeskCsrField) {

    public static final String STORAGE_CONNECTION = "LandingStorage";
    public static final String STORAGE_BLOB_SERVICE_URI = "LandingStorage__blobServiceUri";
    public static final String LANDING_CONTAINER = "LANDING_CONTAINER";
    public static final String CURATED_CONTAINER = "CURATED_CONTAINER";
    public static final String QUARANTINE_CONTAINER = "QUARANTINE_CONTAINER";
    public static final String COSMOS_ENDPOINT = "COSMOS_ENDPOINT";
    public static final String COSMOS_KEY = "COSMOS_KEY";
    public static final String COSMOS_DATABASE = "COSMOS_DATABASE";
    public static final String PROGRAM_TIME_ZONE = "PROGRAM_TIME_ZONE";
    public static final String FISCAL_YEAR_START_MONTH = "FISCAL_YEAR_START_MONTH";
    public static final String ROW_ERROR_THRESHOLD_PERCENT = "ROW_ERROR_THRESHOLD_PERCENT";
    public static final String ZENDESK_CONTACT_TYPE_FIELD_ID = "ZENDESK_CONTACT_TYPE_FIELD_ID";
    public static final String ZENDESK_CATEGORY_FIELD_ID = "ZENDESK_CATEGORY_FIELD_ID";
    public static final String ZENDESK_CSR_FIELD = "ZENDESK_CSR_FIELD";

    /** Settings that must be present in every Azure deployment (checked against infra/ by a test). */
    public static final List<String> DEPLOYED = List.of(
            STORAGE_BLOB_SERVICE_URI, LANDING_CONTAINER, CURATED_CONTAINER, QUARANTINE_CONTAINER,
            COSMOS_ENDPOINT, COSMOS_DATABASE, PROGRAM_TIME_ZONE, FISCAL_YEAR_START_MONTH,
            ROW_ERROR_THRESHOLD_PERCENT, ZENDESK_CSR_FIELD);

    /** Settings that are only ever used off Azure: a connection string and the emulator key. */
    public static final List<String> LOCAL_ONLY = List.of(STORAGE_CONNECTION, COSMOS_KEY);

    /** Optional in any environment. */
    public static final List<String> OPTIONAL = List.of(ZENDESK_CONTACT_TYPE_FIELD_ID, ZENDESK_CATEGORY_FIELD_ID);

    public Settings {
        requireName(landingContainer, LANDING_CONTAINER);
        requireName(curatedContainer, CURATED_CONTAINER);
        requireName(quarantineContainer, QUARANTINE_CONTAINER);
        requireName(cosmosDatabase, COSMOS_DATABASE);
        if (fiscalYearStartMonth < 1 || fiscalYearStartMonth > 12) {
            throw new InvalidSettingException(FISCAL_YEAR_START_MONTH, "must be a month number 1..12, was " + fiscalYearStartMonth);
        }
        if (!(rowErrorThresholdPercent >= 0 && rowErrorThresholdPercent <= 100)) {
            throw new InvalidSettingException(ROW_ERROR_THRESHOLD_PERCENT, "must be a percentage 0..100, was " + rowErrorThresholdPercent);
        }
        if (zendeskCsrField == null || zendeskCsrField.isBlank()) {
            throw new InvalidSettingException(ZENDESK_CSR_FIELD, "must not be blank");
        }
    }

    /** Defaults for a local run: embedded stores, Pacific time, fiscal year from July. */
    public static Settings defaults() {
        return fromEnvironment(Map.of());
    }

    public static Settings fromEnvironment(Map<String, String> env) {
        return new Settings(
                optional(env, STORAGE_CONNECTION),
                optional(env, STORAGE_BLOB_SERVICE_URI),
                env.getOrDefault(LANDING_CONTAINER, "landing"),
                env.getOrDefault(CURATED_CONTAINER, "curated"),
                env.getOrDefault(QUARANTINE_CONTAINER, "quarantine"),
                optional(env, COSMOS_ENDPOINT),
                optional(env, COSMOS_KEY),
                env.getOrDefault(COSMOS_DATABASE, "measures311"),
                zone(env.getOrDefault(PROGRAM_TIME_ZONE, "America/Los_Angeles")),
                integer(env, FISCAL_YEAR_START_MONTH, 7),
                decimal(env, ROW_ERROR_THRESHOLD_PERCENT, 1.0),
                optional(env, ZENDESK_CONTACT_TYPE_FIELD_ID),
                optional(env, ZENDESK_CATEGORY_FIELD_ID),
                env.getOrDefault(ZENDESK_CSR_FIELD, "csr_311"));
    }

    public Settings withZone(ZoneId zone) {
        return new Settings(storageConnectionString, storageBlobServiceUri, landingContainer, curatedContainer,
                quarantineContainer, cosmosEndpoint, cosmosKey, cosmosDatabase, zone, fiscalYearStartMonth,
                rowErrorThresholdPercent, zendeskContactTypeFieldId, zendeskCategoryFieldId, zendeskCsrField);
    }

    public Settings withCosmos(String endpoint, String key) {
        return new Settings(storageConnectionString, storageBlobServiceUri, landingContainer, curatedContainer,
                quarantineContainer, Optional.of(endpoint), Optional.ofNullable(key), cosmosDatabase, programTimeZone,
                fiscalYearStartMonth, rowErrorThresholdPercent, zendeskContactTypeFieldId, zendeskCategoryFieldId,
                zendeskCsrField);
    }

    public Settings withStorageConnectionString(String connectionString) {
        return new Settings(Optional.of(connectionString), storageBlobServiceUri, landingContainer, curatedContainer,
                quarantineContainer, cosmosEndpoint, cosmosKey, cosmosDatabase, programTimeZone,
                fiscalYearStartMonth, rowErrorThresholdPercent, zendeskContactTypeFieldId, zendeskCategoryFieldId,
                zendeskCsrField);
    }

    /** Whether the Azure services are configured (else the embedded stores are used). */
    public boolean usesAzureStorage() {
        return storageConnectionString.isPresent() || storageBlobServiceUri.isPresent();
    }

    /** The settings as name/value pairs with secrets masked, for start-up logs and the health route. */
    public Map<String, String> describe() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put(STORAGE_CONNECTION, storageConnectionString.map(s -> "(set)").orElse("(not set)"));
        out.put(STORAGE_BLOB_SERVICE_URI, storageBlobServiceUri.orElse("(not set)"));
        out.put(LANDING_CONTAINER, landingContainer);
        out.put(CURATED_CONTAINER, curatedContainer);
        out.put(QUARANTINE_CONTAINER, quarantineContainer);
        out.put(COSMOS_ENDPOINT, cosmosEndpoint.orElse("(not set)"));
        out.put(COSMOS_KEY, cosmosKey.map(s -> "(set)").orElse("(not set)"));
        out.put(COSMOS_DATABASE, cosmosDatabase);
        out.put(PROGRAM_TIME_ZONE, programTimeZone.getId());
        out.put(FISCAL_YEAR_START_MONTH, Integer.toString(fiscalYearStartMonth));
        out.put(ROW_ERROR_THRESHOLD_PERCENT, Double.toString(rowErrorThresholdPercent));
        out.put(ZENDESK_CONTACT_TYPE_FIELD_ID, zendeskContactTypeFieldId.orElse("(flat column contact_type)"));
        out.put(ZENDESK_CATEGORY_FIELD_ID, zendeskCategoryFieldId.orElse("(flat column category)"));
        out.put(ZENDESK_CSR_FIELD, zendeskCsrField);
        return out;
    }

    private static Optional<String> optional(Map<String, String> env, String key) {
        String v = env.get(key);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
    }

    private static ZoneId zone(String id) {
        try {
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            throw new InvalidSettingException(PROGRAM_TIME_ZONE, "is not a time zone id (e.g. America/Los_Angeles): " + id);
        }
    }

    private static int integer(Map<String, String> env, String key, int fallback) {
        String v = env.get(key);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new InvalidSettingException(key, "must be a whole number, was '" + v + "'");
        }
    }

    private static double decimal(Map<String, String> env, String key, double fallback) {
        String v = env.get(key);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            return Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            throw new InvalidSettingException(key, "must be a number, was '" + v + "'");
        }
    }

    private static void requireName(String value, String key) {
        if (value == null || !value.matches("[a-z0-9](?:[a-z0-9-]{1,61})[a-z0-9]")) {
            throw new InvalidSettingException(key, "must be a lower-case storage name (3-63 chars, a-z 0-9 -), was '" + value + "'");
        }
    }
}
