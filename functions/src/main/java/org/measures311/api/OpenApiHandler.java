package org.measures311.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * {@code GET /openapi.json}: the OpenAPI 3 document (a resource kept next to the code, checked against the
 * {@link Route} table by a test), with the server URL of the request that asked for it.
 */
final class OpenApiHandler {
    static final String RESOURCE = "/api/openapi.json";
    private static final String SERVER_PLACEHOLDER = "{{serverUrl}}";

    private final String document;

    OpenApiHandler() {
        try (InputStream in = OpenApiHandler.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            document = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ApiResponse handle(ApiRequest request) {
        Params.of(request, Set.of());
        String serverUrl = request.baseUrl().replace("\\", "\\\\").replace("\"", "\\\"");
        return ApiResponse.json(200, document.replace(SERVER_PLACEHOLDER, serverUrl).getBytes(StandardCharsets.UTF_8));
    }
}
