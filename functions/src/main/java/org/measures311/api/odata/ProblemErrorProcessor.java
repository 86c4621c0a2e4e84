package org.measures311.api.odata;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.olingo.commons.api.format.ContentType;
import org.apache.olingo.server.api.OData;
import org.apache.olingo.server.api.ODataApplicationException;
import org.apache.olingo.server.api.ODataRequest;
import org.apache.olingo.server.api.ODataResponse;
import org.apache.olingo.server.api.ODataServerError;
import org.apache.olingo.server.api.ServiceMetadata;
import org.apache.olingo.server.api.processor.ErrorProcessor;
import org.apache.olingo.server.core.uri.parser.Parser;
import org.measures311.api.ApiProblem;
import org.measures311.api.ApiResponse;
import org.measures311.api.ProblemResponses;

/**
 * Olingo's errors as RFC 9457 problems, like the rest of the API. A 4xx names the query option at fault: the
 * processors say it themselves; for a parse error each system query option is parsed alone to find the one
 * Olingo refused. A 5xx says nothing about the cause: it is logged with a correlation id instead.
 */
final class ProblemErrorProcessor implements ErrorProcessor {
    private static final Logger LOG = Logger.getLogger(ProblemErrorProcessor.class.getName());

    private final ServiceMetadata metadata;
    private OData odata;

    ProblemErrorProcessor(ServiceMetadata metadata) {
        this.metadata = metadata;
    }

    @Override
    public void init(OData odata, ServiceMetadata serviceMetadata) {
        this.odata = odata;
    }

    @Override
    public void processError(ODataRequest request, ODataResponse response, ODataServerError error, ContentType format) {
        int status = error.getStatusCode();
        ApiProblem problem;
        if (status >= 500 && status != 501) {
            String correlationId = UUID.randomUUID().toString();
            LOG.log(Level.SEVERE, "OData request failed (correlation id " + correlationId + ")", error.getException());
            problem = new ApiProblem(ApiProblem.Type.INTERNAL_ERROR, null,
                    "The request could not be answered. Quote correlation id " + correlationId + " when reporting it.",
                    correlationId);
        } else {
            String parameter = error.getException() instanceof ODataApplicationException a && a.getODataErrorCode() != null
                    ? a.getODataErrorCode() : offendingOption(request);
            ApiProblem.Type type = status == 404 ? ApiProblem.Type.NOT_FOUND
                    : status == 405 ? ApiProblem.Type.METHOD_NOT_ALLOWED : ApiProblem.Type.INVALID_ODATA_QUERY;
            String detail = error.getMessage() == null ? "The OData request is not valid." : error.getMessage();
            if (status == 501) {
                detail = "Not supported by this service: " + detail;
            }
            problem = new ApiProblem(type, parameter, detail);
        }
        ApiResponse rendered = ProblemResponses.of(problem, request.getRawODataPath());
        response.setStatusCode(problem.type() == ApiProblem.Type.INVALID_ODATA_QUERY || status == 501 ? 400 : problem.type().status());
        rendered.headers().forEach((name, values) -> values.forEach(v -> response.addHeader(name, v)));
        response.setContent(new java.io.ByteArrayInputStream(rendered.body()));
    }

    /** The first system query option ($filter, $top, ...) that does not parse on its own; null when none. */
    private String offendingOption(ODataRequest request) {
        String raw = request.getRawQueryPath();
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        for (String pair : raw.split("&")) {
            String name = URLDecoder.decode(pair.split("=", 2)[0], StandardCharsets.UTF_8);
            if (!name.startsWith("$")) {
                continue;
            }
            try {
                new Parser(metadata.getEdm(), odata).parseUri(request.getRawODataPath(), pair, null, request.getRawBaseUri());
            } catch (Exception e) {
                return name.toLowerCase(Locale.ROOT);
            }
        }
        return null;
    }
}
