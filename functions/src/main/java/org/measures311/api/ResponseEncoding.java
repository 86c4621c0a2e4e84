package org.measures311.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.Function;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;

/**
 * What every successful GET gets on its way out: a strong ETag (hash of the body), 304 when the client's
 * {@code If-None-Match} matches, a Cache-Control that makes Power BI and proxies revalidate, and gzip when the
 * client accepts it and the body is worth compressing.
 */
final class ResponseEncoding {
    static final int GZIP_MIN_BYTES = 1024;
    /** Stored copies may be kept, but each use revalidates: a refresh never sees yesterday's numbers. */
    static final String CACHE_CONTROL = "private, no-cache";
    private static final String GZIP_SUFFIX = "-gzip";
    /*
     * Bodies answered again from a cache are the same array: their digest and gzip form are kept with them (keys
     * are held weakly and compared by identity, as arrays are), so a cached answer is not hashed or compressed
     * per request.
     */
    private static final Map<byte[], String> ETAGS = Collections.synchronizedMap(new WeakHashMap<>());
    private static final Map<byte[], byte[]> GZIPPED = Collections.synchronizedMap(new WeakHashMap<>());

    private ResponseEncoding() {
    }

    static ApiResponse apply(ApiRequest request, ApiResponse response) {
        if (!request.method().equals("GET") || response.status() != 200) {
            return response;
        }
        String etag = remembered(ETAGS, response.body(), ResponseEncoding::etag);
        if (!response.headers().containsKey("Cache-Control")) {
            response = response.withHeader("Cache-Control", CACHE_CONTROL);
        }
        response = response.withHeader("Vary", "Accept-Encoding");
        if (matches(request.header("If-None-Match").orElse(null), etag)) {
            return new ApiResponse(304, response.headers(), new byte[0]).withHeader("ETag", quoted(etag));
        }
        if (response.body().length >= GZIP_MIN_BYTES && acceptsGzip(request.header("Accept-Encoding").orElse(""))) {
            // A gzipped body is another representation, so its strong ETag differs (RFC 9110 8.8.3).
            return response.withBody(remembered(GZIPPED, response.body(), ResponseEncoding::gzip)).withHeader("Content-Encoding", "gzip")
                    .withHeader("ETag", quoted(etag + GZIP_SUFFIX));
        }
        return response.withHeader("ETag", quoted(etag));
    }

    /** Computed outside the map's lock: two threads may both compute a value once, none waits on another's. */
    private static <T> T remembered(Map<byte[], T> memo, byte[] body, Function<byte[], T> compute) {
        T known = memo.get(body);
        if (known == null) {
            known = compute.apply(body);
            memo.put(body, known);
        }
        return known;
    }

    static String etag(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 27);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static String quoted(String tag) {
        return "\"" + tag + "\"";
    }

    /** True when If-None-Match names this body (either encoding of it) or is "*". */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String c = candidate.trim();
            if (c.equals("*")) {
                return true;
            }
            if (c.startsWith("W/")) {
                c = c.substring(2); // If-None-Match uses the weak comparison
            }
            c = c.replace("\"", "");
            if (c.endsWith(GZIP_SUFFIX)) {
                c = c.substring(0, c.length() - GZIP_SUFFIX.length());
            }
            if (c.equals(etag)) {
                return true;
            }
        }
        return false;
    }

    static boolean acceptsGzip(String acceptEncoding) {
        for (String part : acceptEncoding.toLowerCase(Locale.ROOT).split(",")) {
            String[] pieces = part.trim().split(";");
            String coding = pieces[0].trim();
            if (coding.equals("gzip") || coding.equals("x-gzip") || coding.equals("*")) {
                boolean refused = false;
                for (int i = 1; i < pieces.length; i++) {
                    String p = pieces[i].trim().replace(" ", "");
                    if (p.matches("q=0(\\.0{0,3})?")) {
                        refused = true;
                    }
                }
                if (!refused) {
                    return true;
                }
            }
        }
        return false;
    }

    static byte[] gzip(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 4 + 64);
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
