package org.measures311.api.odata;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.olingo.commons.api.http.HttpMethod;
import org.apache.olingo.server.api.OData;
import org.apache.olingo.server.api.ODataHandler;
import org.apache.olingo.server.api.ODataRequest;
import org.apache.olingo.server.api.ODataResponse;
import org.apache.olingo.server.api.ServiceMetadata;
import org.measures311.api.ApiProblem;
import org.measures311.api.ApiRequest;
import org.measures311.api.ApiResponse;
import org.measures311.api.MeasureValuesSource;
import org.measures311.measures.Catalog;
import org.measures311.measures.Grain;
import org.measures311.measures.MeasureDefinition;
import org.measures311.measures.MeasureRow;

/**
 * {@code /odata/...}: an OData v4 service over every measure value, run by Apache Olingo's protocol handler
 * ({@link OData#createRawHandler}, the servlet-free entry point) so that the Functions adapters and the local
 * server drive it with the same {@link ApiRequest}. Olingo parses the URI and query options, writes the service
 * document, $metadata and JSON; {@link MeasureValuesProcessor} reads the rows; {@link ProblemErrorProcessor}
 * turns every refusal into problem+json.
 */
public final class ODataService {
    private final Catalog catalog;
    private final MeasureValuesSource values;
    private final OData odata = OData.newInstance();
    private final ServiceMetadata metadata;
    private final int pageSize;

    public ODataService(Catalog catalog, MeasureValuesSource values) {
        this(catalog, values, MeasureValuesProcessor.PAGE_SIZE);
    }

    /** With another server page size (tests use a small one to page through little data). */
    public ODataService(Catalog catalog, MeasureValuesSource values, int pageSize) {
        this.catalog = catalog;
        this.values = values;
        this.pageSize = pageSize;
        this.metadata = odata.createServiceMetadata(new MeasureValuesEdm(), List.of());
    }

    /**
     * Answers one request for the service.
     *
     * @param odataPath the raw (still percent-encoded) path after {@code /odata/}, e.g. {@code $metadata}
     */
    public ApiResponse handle(ApiRequest request, String odataPath) {
        if (!request.method().equals("GET")) {
            throw new ApiProblem(ApiProblem.Type.METHOD_NOT_ALLOWED, null, "The OData service is read-only.");
        }
        // Olingo's handler keeps per-request state: a new one each time (it is cheap; the metadata is shared).
        ODataHandler handler = odata.createRawHandler(metadata);
        handler.register(new MeasureValuesProcessor(this::allRows, pageSize));
        handler.register(new ProblemErrorProcessor(metadata));

        String serviceRoot = request.baseUrl() + "/odata";
        String rawPath = "/" + odataPath;
        ODataRequest o = new ODataRequest();
        o.setMethod(HttpMethod.GET);
        o.setProtocol("HTTP/1.1");
        request.headers().forEach((name, list) -> o.addHeader(name, list));
        o.setBody(new ByteArrayInputStream(request.body()));
        o.setRawBaseUri(serviceRoot);
        o.setRawODataPath(rawPath);
        o.setRawQueryPath(request.rawQuery());
        o.setRawRequestUri(serviceRoot + rawPath + (request.rawQuery() == null ? "" : "?" + request.rawQuery()));
        o.setRawServiceResolutionUri(null);

        ODataResponse r = handler.process(o);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        r.getAllHeaders().forEach((k, v) -> headers.put(k, new ArrayList<>(v)));
        return new ApiResponse(r.getStatusCode(), headers, read(r.getContent()));
    }

    /** Every row of every measure and grain: each a single-partition read. */
    private List<MeasureRow> allRows() {
        List<MeasureRow> all = new ArrayList<>();
        for (MeasureDefinition m : catalog.all()) {
            for (Grain g : m.grains()) {
                all.addAll(values.read(m.id(), g));
            }
        }
        return all;
    }

    private static byte[] read(InputStream content) {
        if (content == null) {
            return new byte[0];
        }
        try (InputStream in = content) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
