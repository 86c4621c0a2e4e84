package org.measures311.api;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One HTTP response: status, headers (case-insensitive names) and the body bytes as they go on the wire
 * (already gzipped when {@code Content-Encoding: gzip} is set).
 */
public record ApiResponse(int status, Map<String, List<String>> headers, byte[] body) {
    public static final String JSON = "application/json; charset=utf-8";
    public static final String CSV = "text/csv; charset=utf-8";
    public static final String PROBLEM_JSON = "application/problem+json; charset=utf-8";

    public ApiResponse {
        TreeMap<String, List<String>> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (headers != null) {
            headers.forEach((k, v) -> h.put(k, List.copyOf(v)));
        }
        headers = Collections.unmodifiableMap(h);
        body = body == null ? new byte[0] : body;
    }

    public static ApiResponse of(int status, String contentType, byte[] body) {
        return new ApiResponse(status, Map.of("Content-Type", List.of(contentType)), body);
    }

    public static ApiResponse json(int status, byte[] body) {
        return of(status, JSON, body);
    }

    public Optional<String> header(String name) {
        List<String> v = headers.get(name);
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
    }

    /** A copy with one header set (replacing any earlier value). */
    public ApiResponse withHeader(String name, String value) {
        Map<String, List<String>> h = new LinkedHashMap<>(headers);
        h.keySet().removeIf(k -> k.equalsIgnoreCase(name));
        h.put(name, List.of(value));
        return new ApiResponse(status, h, body);
    }

    /** A copy with a header value added to those already there. */
    public ApiResponse addHeader(String name, String value) {
        Map<String, List<String>> h = new LinkedHashMap<>(headers);
        List<String> values = new ArrayList<>(h.getOrDefault(name, List.of()));
        values.add(value);
        h.keySet().removeIf(k -> k.equalsIgnoreCase(name));
        h.put(name, values);
        return new ApiResponse(status, h, body);
    }

    public ApiResponse withBody(byte[] newBody) {
        return new ApiResponse(status, headers, Objects.requireNonNull(newBody));
    }

    public ApiResponse withStatus(int newStatus) {
        return new ApiResponse(newStatus, headers, body);
    }

    /** The body as UTF-8 text (for tests and logs; the body is not gunzipped). */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
