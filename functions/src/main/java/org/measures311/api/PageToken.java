package org.measures311.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The opaque continuation token of a values page: the key of the last row served (period start and member)
 * plus a fingerprint of the query it belongs to. Keyset paging, not offsets, so rows recomputed while a client
 * pages never shift a page boundary; the fingerprint refuses a token replayed against another query.
 */
record PageToken(LocalDate lastPeriodStart, String lastMember, String fingerprint) {
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    String encode() {
        String raw = "v1\n" + lastPeriodStart + "\n" + fingerprint + "\n" + lastMember;
        return ENCODER.encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** Decodes a token given as {@code parameter}; refuses one that is malformed or from another query. */
    static PageToken decode(String parameter, String token, String expectedFingerprint) {
        String raw;
        try {
            raw = new String(DECODER.decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw malformed(parameter);
        }
        String[] parts = raw.split("\n", 4);
        if (parts.length != 4 || !parts[0].equals("v1")) {
            throw malformed(parameter);
        }
        if (!parts[2].equals(expectedFingerprint)) {
            throw ApiProblem.invalid(parameter, "This continuation token belongs to another query; start again "
                    + "without '" + parameter + "' or keep every other parameter as it was.");
        }
        try {
            return new PageToken(LocalDate.parse(parts[1]), parts[3], parts[2]);
        } catch (DateTimeParseException e) {
            throw malformed(parameter);
        }
    }

    private static ApiProblem malformed(String parameter) {
        return ApiProblem.invalid(parameter, "'" + parameter + "' is not a continuation token this API issued.");
    }

    /** A short, stable digest of the parts that define a query. */
    static String fingerprint(String... parts) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            for (String p : parts) {
                d.update(String.valueOf(p).getBytes(StandardCharsets.UTF_8));
                d.update((byte) 0);
            }
            return HexFormat.of().formatHex(d.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
