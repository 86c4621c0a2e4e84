package org.measures311.api;

import java.util.Objects;

/**
 * A request the API refuses, as an RFC 9457 problem: thrown by handlers, rendered by {@link ProblemResponses}
 * as {@code application/problem+json}. The detail is written for the caller and never holds a stack trace or
 * a server path.
 */
public final class ApiProblem extends RuntimeException {
    /** The problem types this API uses; each is a stable URN documented in the OpenAPI document. */
    public enum Type {
        INVALID_PARAMETER(400, "Invalid parameter"),
        UNKNOWN_PARAMETER(400, "Unknown parameter"),
        INVALID_ODATA_QUERY(400, "Invalid OData query"),
        NOT_FOUND(404, "Not found"),
        METHOD_NOT_ALLOWED(405, "Method not allowed"),
        PAYLOAD_TOO_LARGE(413, "Payload too large"),
        SERVICE_UNAVAILABLE(503, "Service unavailable"),
        INTERNAL_ERROR(500, "Internal error");

        private final int status;
        private final String title;

        Type(int status, String title) {
            this.status = status;
            this.title = title;
        }

        public int status() {
            return status;
        }

        public String title() {
            return title;
        }

        public String uri() {
            return "urn:measures311:problem:" + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    private final Type type;
    private final String parameter;
    private final String correlationId;

    public ApiProblem(Type type, String parameter, String detail) {
        this(type, parameter, detail, null);
    }

    public ApiProblem(Type type, String parameter, String detail, String correlationId) {
        super(Objects.requireNonNull(detail, "detail"), null, false, false);
        this.type = Objects.requireNonNull(type, "type");
        this.parameter = parameter;
        this.correlationId = correlationId;
    }

    public static ApiProblem invalid(String parameter, String detail) {
        return new ApiProblem(Type.INVALID_PARAMETER, parameter, detail);
    }

    public static ApiProblem notFound(String parameter, String detail) {
        return new ApiProblem(Type.NOT_FOUND, parameter, detail);
    }

    public Type type() {
        return type;
    }

    /** The offending query or path parameter; null when the problem is not about one. */
    public String parameter() {
        return parameter;
    }

    public String correlationId() {
        return correlationId;
    }

    public String detail() {
        return getMessage();
    }
}
