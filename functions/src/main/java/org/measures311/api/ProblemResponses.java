package org.measures311.api;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Renders {@link ApiProblem}s as RFC 9457 {@code application/problem+json} responses. */
public final class ProblemResponses {
    private static final JsonFactory JSON = new JsonFactory();

    private ProblemResponses() {
    }

    /** Longest detail or instance echoed back: details quote what the caller sent, which may be megabytes. */
    static final int MAX_ECHO = 500;

    static String bounded(String text) {
        return text.length() <= MAX_ECHO ? text : text.substring(0, MAX_ECHO) + "… (" + text.length() + " characters)";
    }

    public static ApiResponse of(ApiProblem problem, String instance) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("type", problem.type().uri());
            g.writeStringField("title", problem.type().title());
            g.writeNumberField("status", problem.type().status());
            g.writeStringField("detail", bounded(problem.detail()));
            if (instance != null) {
                g.writeStringField("instance", bounded(instance));
            }
            if (problem.parameter() != null) {
                g.writeStringField("parameter", problem.parameter());
            }
            if (problem.correlationId() != null) {
                g.writeStringField("correlationId", problem.correlationId());
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ApiResponse response = ApiResponse.of(problem.type().status(), ApiResponse.PROBLEM_JSON, out.toByteArray())
                .withHeader("Cache-Control", "no-store");
        if (problem.type() == ApiProblem.Type.SERVICE_UNAVAILABLE) {
            response = response.withHeader("Retry-After", "30");
        }
        return response;
    }
}
