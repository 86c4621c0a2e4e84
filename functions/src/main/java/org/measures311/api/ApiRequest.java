package org.measures311.api;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One HTTP request as the API sees it, whichever server received it.
 *
 * @param method    upper-case HTTP method
 * @param baseUrl   the absolute URL of the API root without a trailing slash, e.g.
 *                  {@code https://app.azurewebsites.net/api}; next links and OData URLs are built on it
 * @param path      the path after {@code /api}, still percent-encoded, starting with '/'
 * @param rawQuery  the query string as sent (no '?'), or null; OData parses it itself
 * @param query     the decoded query parameters, in order
 * @param headers   headers by case-insensitive name
 * @param body      the request body (empty for GET)
 */
public record ApiRequest(
        String method,
        String baseUrl,
        String path,
        String rawQuery,
        Map<String, List<String>> query,
        Map<String, List<String>> headers,
        byte[] body) {

    public static final String API_PREFIX = "/api";

    public ApiRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(path, "path");
        method = method.toUpperCase(Locale.ROOT);
        baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        path = path.startsWith("/") ? path : "/" + path;
        query = query == null ? PercentCoding.parseQuery(rawQuery) : Map.copyOf(query);
        TreeMap<String, List<String>> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (headers != null) {
            headers.forEach((k, v) -> h.merge(k, List.copyOf(v), (a, b) -> {
                List<String> all = new java.util.ArrayList<>(a);
                all.addAll(b);
                return List.copyOf(all);
            }));
        }
        headers = java.util.Collections.unmodifiableMap(h);
        body = body == null ? new byte[0] : body;
    }

    /**
     * Builds a request from the absolute URI the server saw (the Functions {@code HttpRequestMessage.getUri()},
     * or the local server's Host header plus request URI). Everything up to and including {@code /api} is the
     * base URL; a URI without {@code /api} is served as if it were at the root.
     */
    public static ApiRequest of(String method, URI requestUri, Map<String, List<String>> headers, byte[] body) {
        String rawPath = requestUri.getRawPath() == null ? "/" : requestUri.getRawPath();
        int at = rawPath.indexOf(API_PREFIX + "/");
        String origin = requestUri.getScheme() + "://" + requestUri.getRawAuthority();
        String base;
        String path;
        if (at >= 0) {
            base = origin + rawPath.substring(0, at + API_PREFIX.length());
            path = rawPath.substring(at + API_PREFIX.length());
        } else if (rawPath.endsWith(API_PREFIX)) {
            base = origin + rawPath;
            path = "/";
        } else {
            base = origin;
            path = rawPath;
        }
        return new ApiRequest(method, base, path, requestUri.getRawQuery(), null, headers, body);
    }

    /** The first value of a header, if sent. */
    public Optional<String> header(String name) {
        List<String> v = headers.get(name);
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
    }

    /** The single value of a query parameter; empty when absent or blank. Repeats are refused by the handlers. */
    public Optional<String> parameter(String name) {
        List<String> v = query.get(name);
        return v == null || v.isEmpty() || v.get(0).isBlank() ? Optional.empty() : Optional.of(v.get(0).trim());
    }
}
