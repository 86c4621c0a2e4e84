package org.measures311.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * Drop ids are deterministic: the same blob version (path + ETag) always gets the same id, so a repeated
 * Event Grid delivery finds its ledger entry instead of creating a second one. The id starts with the UTC
 * landing month, which is the ledger partition, so an id alone locates its entry.
 */
public final class DropIds {
    private DropIds() {
    }

    public static String of(String path, String etag, Instant landedAt) {
        String digest = sha256Hex((path + "\n" + etag).getBytes(StandardCharsets.UTF_8));
        return LedgerEntry.ledgerPartition(landedAt) + "~" + digest.substring(0, 24);
    }

    public static String sha256Hex(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }

    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
        }
    }
}
