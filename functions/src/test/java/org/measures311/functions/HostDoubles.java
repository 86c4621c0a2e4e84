package org.measures311.functions;

import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.HttpMethod;
import com.microsoft.azure.functions.HttpRequestMessage;
import com.microsoft.azure.functions.HttpResponseMessage;
import com.microsoft.azure.functions.HttpStatus;
import com.microsoft.azure.functions.HttpStatusType;
import java.net.URI;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * What the Functions host hands a Java function: an execution context and, for HTTP, a request message whose
 * response builder the function uses. No host can run on the build machines (platform.md), so tests call the
 * annotated methods with these, exactly as the Java worker would.
 */
final class HostDoubles {
    private HostDoubles() {
    }

    static ExecutionContext context(String functionName) {
        String invocation = UUID.randomUUID().toString();
        Logger logger = Logger.getLogger("Function." + functionName);
        return new ExecutionContext() {
            @Override
            public Logger getLogger() {
                return logger;
            }

            @Override
            public String getInvocationId() {
                return invocation;
            }

            @Override
            public String getFunctionName() {
                return functionName;
            }
        };
    }

    static Request get(String uri) {
        return new Request(HttpMethod.GET, URI.create(uri), Map.of(), Optional.empty());
    }

    static Request post(String uri) {
        return new Request(HttpMethod.POST, URI.create(uri), Map.of(), Optional.of(""));
    }

    /** An HTTP request as the host builds it: query parameters split out, headers lower-cased. */
    record Request(HttpMethod method, URI uri, Map<String, String> headerMap, Optional<String> body)
            implements HttpRequestMessage<Optional<String>> {
        @Override
        public URI getUri() {
            return uri;
        }

        @Override
        public HttpMethod getHttpMethod() {
            return method;
        }

        @Override
        public Map<String, String> getHeaders() {
            Map<String, String> h = new HashMap<>();
            headerMap.forEach((k, v) -> h.put(k.toLowerCase(java.util.Locale.ROOT), v));
            return h;
        }

        @Override
        public Map<String, String> getQueryParameters() {
            Map<String, String> q = new LinkedHashMap<>();
            String raw = uri.getRawQuery();
            if (raw != null) {
                for (String pair : raw.split("&")) {
                    int eq = pair.indexOf('=');
                    String k = java.net.URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), java.nio.charset.StandardCharsets.UTF_8);
                    String v = eq < 0 ? "" : java.net.URLDecoder.decode(pair.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8);
                    q.put(k, v);
                }
            }
            return q;
        }

        @Override
        public Optional<String> getBody() {
            return body;
        }

        @Override
        public HttpResponseMessage.Builder createResponseBuilder(HttpStatus status) {
            return new ResponseBuilder(status);
        }

        @Override
        public HttpResponseMessage.Builder createResponseBuilder(HttpStatusType status) {
            return new ResponseBuilder(status);
        }
    }

    static final class ResponseBuilder implements HttpResponseMessage.Builder {
        private HttpStatusType status;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private Object body;

        ResponseBuilder(HttpStatusType status) {
            this.status = status;
        }

        @Override
        public HttpResponseMessage.Builder status(HttpStatusType status) {
            this.status = status;
            return this;
        }

        @Override
        public HttpResponseMessage.Builder header(String key, String value) {
            headers.put(key, value);
            return this;
        }

        @Override
        public HttpResponseMessage.Builder body(Object body) {
            this.body = body;
            return this;
        }

        @Override
        public HttpResponseMessage build() {
            HttpStatusType s = status;
            Map<String, String> h = Map.copyOf(headers);
            Object b = body;
            return new HttpResponseMessage() {
                @Override
                public HttpStatusType getStatus() {
                    return s;
                }

                @Override
                public String getHeader(String key) {
                    for (Map.Entry<String, String> e : h.entrySet()) {
                        if (e.getKey().equalsIgnoreCase(key)) {
                            return e.getValue();
                        }
                    }
                    return null;
                }

                @Override
                public Object getBody() {
                    return b;
                }
            };
        }
    }
}
