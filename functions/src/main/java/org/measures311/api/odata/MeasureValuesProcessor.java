package org.measures311.api.odata;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.apache.olingo.commons.api.data.ContextURL;
import org.apache.olingo.commons.api.data.Entity;
import org.apache.olingo.commons.api.data.EntityCollection;
import org.apache.olingo.commons.api.data.Property;
import org.apache.olingo.commons.api.data.ValueType;
import org.apache.olingo.commons.api.edm.EdmEntitySet;
import org.apache.olingo.commons.api.format.ContentType;
import org.apache.olingo.commons.api.http.HttpHeader;
import org.apache.olingo.commons.api.http.HttpStatusCode;
import org.apache.olingo.server.api.OData;
import org.apache.olingo.server.api.ODataApplicationException;
import org.apache.olingo.server.api.ODataLibraryException;
import org.apache.olingo.server.api.ODataRequest;
import org.apache.olingo.server.api.ODataResponse;
import org.apache.olingo.server.api.ServiceMetadata;
import org.apache.olingo.server.api.processor.CountEntityCollectionProcessor;
import org.apache.olingo.server.api.processor.EntityCollectionProcessor;
import org.apache.olingo.server.api.processor.ServiceDocumentProcessor;
import org.apache.olingo.server.api.serializer.EntityCollectionSerializerOptions;
import org.apache.olingo.server.api.uri.UriInfo;
import org.apache.olingo.server.api.uri.UriResourceEntitySet;
import org.apache.olingo.server.api.uri.UriResourcePrimitiveProperty;
import org.apache.olingo.server.api.uri.queryoption.OrderByItem;
import org.apache.olingo.server.api.uri.queryoption.expression.Member;
import org.measures311.measures.MeasureRow;

/**
 * Reads {@code MeasureValues}: $filter (as a predicate in memory), $orderby, $count, $skip, $top and $select,
 * then serves at most {@link #PAGE_SIZE} entities with an {@code @odata.nextLink} carrying a $skiptoken (the
 * offset into the filtered, ordered, skipped and topped list). Also {@code MeasureValues/$count}, which Power
 * Query asks for when a step counts rows ({@code Table.RowCount}) and the count can be folded.
 */
final class MeasureValuesProcessor
        implements EntityCollectionProcessor, CountEntityCollectionProcessor, ServiceDocumentProcessor {
    static final int PAGE_SIZE = 1000;
    /** Stable order when $orderby does not decide: the row key. */
    static final Comparator<MeasureRow> KEY_ORDER = Comparator.comparing(MeasureRow::measure)
            .thenComparing(MeasureRow::grain).thenComparing(MeasureRow::periodStart).thenComparing(MeasureRow::member);

    private final Supplier<List<MeasureRow>> rows;
    private final int pageSize;
    private OData odata;
    private ServiceMetadata metadata;

    MeasureValuesProcessor(Supplier<List<MeasureRow>> rows, int pageSize) {
        this.rows = rows;
        this.pageSize = pageSize;
    }

    @Override
    public void init(OData odata, ServiceMetadata metadata) {
        this.odata = odata;
        this.metadata = metadata;
    }

    @Override
    public void readEntityCollection(ODataRequest request, ODataResponse response, UriInfo uriInfo, ContentType format)
            throws ODataApplicationException, ODataLibraryException {
        EdmEntitySet set = ((UriResourceEntitySet) uriInfo.getUriResourceParts().get(0)).getEntitySet();
        if (uriInfo.getUriResourceParts().size() != 1) {
            throw new ODataApplicationException("Only the MeasureValues collection can be read.",
                    HttpStatusCode.NOT_IMPLEMENTED.getStatusCode(), Locale.ROOT);
        }
        List<MeasureRow> matching = new ArrayList<>(rows.get().stream().filter(filter(uriInfo)).toList());
        matching.sort(order(uriInfo));
        int count = matching.size();
        int skip = uriInfo.getSkipOption() == null ? 0 : uriInfo.getSkipOption().getValue();
        int top = uriInfo.getTopOption() == null ? Integer.MAX_VALUE : uriInfo.getTopOption().getValue();
        List<MeasureRow> selected = matching.subList(Math.min(skip, count), (int) Math.min(count, (long) skip + top));
        int offset = skipToken(uriInfo);
        int end = Math.min(selected.size(), offset + pageSize);
        EntityCollection collection = new EntityCollection();
        for (MeasureRow r : selected.subList(Math.min(offset, selected.size()), end)) {
            collection.getEntities().add(entity(r));
        }
        if (uriInfo.getCountOption() != null && uriInfo.getCountOption().getValue()) {
            collection.setCount(count);
        }
        if (end < selected.size()) {
            collection.setNext(URI.create(nextLink(request, end)));
        }
        String selectList = odata.createUriHelper().buildContextURLSelectList(set.getEntityType(), null, uriInfo.getSelectOption());
        ContextURL context = ContextURL.with().serviceRoot(URI.create(request.getRawBaseUri() + "/"))
                .entitySet(set).selectList(selectList).build();
        EntityCollectionSerializerOptions options = EntityCollectionSerializerOptions.with().contextURL(context)
                .select(uriInfo.getSelectOption()).count(uriInfo.getCountOption())
                .id(request.getRawBaseUri() + "/" + MeasureValuesEdm.ENTITY_SET).build();
        response.setContent(odata.createSerializer(format).entityCollection(metadata, set.getEntityType(), collection, options)
                .getContent());
        response.setStatusCode(HttpStatusCode.OK.getStatusCode());
        response.setHeader(HttpHeader.CONTENT_TYPE, format.toContentTypeString());
    }

    /**
     * {@code MeasureValues/$count}: how many rows pass $filter, as plain text (Olingo refuses $top and $skip
     * there as a bad request).
     */
    @Override
    public void countEntityCollection(ODataRequest request, ODataResponse response, UriInfo uriInfo)
            throws ODataApplicationException, ODataLibraryException {
        if (uriInfo.getUriResourceParts().size() != 2) {
            throw new ODataApplicationException("Only the MeasureValues collection can be counted.",
                    HttpStatusCode.NOT_IMPLEMENTED.getStatusCode(), Locale.ROOT);
        }
        long count = rows.get().stream().filter(filter(uriInfo)).count();
        response.setContent(new ByteArrayInputStream(Long.toString(count).getBytes(StandardCharsets.US_ASCII)));
        response.setStatusCode(HttpStatusCode.OK.getStatusCode());
        response.setHeader(HttpHeader.CONTENT_TYPE, ContentType.TEXT_PLAIN.toContentTypeString());
    }

    private static Predicate<MeasureRow> filter(UriInfo uriInfo) throws ODataApplicationException {
        return uriInfo.getFilterOption() == null ? r -> true : RowPredicates.of(uriInfo.getFilterOption().getExpression());
    }

    /** The service document, with an absolute context URL (Olingo's default processor writes a relative one). */
    @Override
    public void readServiceDocument(ODataRequest request, ODataResponse response, UriInfo uriInfo, ContentType format)
            throws ODataApplicationException, ODataLibraryException {
        response.setContent(odata.createSerializer(format).serviceDocument(metadata, request.getRawBaseUri() + "/").getContent());
        response.setStatusCode(HttpStatusCode.OK.getStatusCode());
        response.setHeader(HttpHeader.CONTENT_TYPE, format.toContentTypeString());
    }

    private static int skipToken(UriInfo uriInfo) throws ODataApplicationException {
        if (uriInfo.getSkipTokenOption() == null) {
            return 0;
        }
        String token = uriInfo.getSkipTokenOption().getValue();
        if (!token.matches("\\d{1,9}")) {
            throw new ODataApplicationException("$skiptoken: '" + token + "' is not a token this service issued.",
                    HttpStatusCode.BAD_REQUEST.getStatusCode(), Locale.ROOT, "$skiptoken");
        }
        return Integer.parseInt(token);
    }

    /** The request again, every option as sent (custom ones such as the key included), with a new $skiptoken. */
    private static String nextLink(ODataRequest request, int offset) {
        StringBuilder query = new StringBuilder();
        String raw = request.getRawQueryPath();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                String name = URLDecoder.decode(pair.split("=", 2)[0], StandardCharsets.UTF_8);
                if (!pair.isEmpty() && !name.equals("$skiptoken")) {
                    query.append(pair).append('&');
                }
            }
        }
        query.append("%24skiptoken=").append(offset);
        return request.getRawBaseUri() + "/" + MeasureValuesEdm.ENTITY_SET + "?" + query;
    }

    private static Comparator<MeasureRow> order(UriInfo uriInfo) throws ODataApplicationException {
        Comparator<MeasureRow> order = null;
        if (uriInfo.getOrderByOption() != null) {
            for (OrderByItem item : uriInfo.getOrderByOption().getOrders()) {
                if (!(item.getExpression() instanceof Member m) || m.getResourcePath().getUriResourceParts().size() != 1
                        || !(m.getResourcePath().getUriResourceParts().get(0) instanceof UriResourcePrimitiveProperty p)) {
                    throw new ODataApplicationException("$orderby: order by properties of MeasureValue only.",
                            HttpStatusCode.BAD_REQUEST.getStatusCode(), Locale.ROOT, "$orderby");
                }
                String name = p.getProperty().getName();
                Comparator<MeasureRow> c = Comparator.comparing(r -> RowPredicates.read(r, name),
                        Comparator.nullsFirst(MeasureValuesProcessor::compare));
                c = item.isDescending() ? c.reversed() : c;
                order = order == null ? c : order.thenComparing(c);
            }
        }
        return order == null ? KEY_ORDER : order.thenComparing(KEY_ORDER);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(Comparable a, Comparable b) {
        return a.compareTo(b);
    }

    static Entity entity(MeasureRow r) {
        Entity e = new Entity();
        for (MeasureValuesEdm.Column c : MeasureValuesEdm.Column.values()) {
            Object v = RowPredicates.read(r, c.property);
            if (v instanceof java.math.BigDecimal d) {
                v = d.doubleValue();
            } else if (v instanceof java.time.Instant i) {
                v = java.sql.Timestamp.from(i);
            } else if (v instanceof java.time.LocalDate d) {
                v = java.util.GregorianCalendar.from(d.atStartOfDay(ZoneOffset.UTC));
            }
            e.addProperty(new Property(null, c.property, ValueType.PRIMITIVE, v));
        }
        e.setId(URI.create(MeasureValuesEdm.ENTITY_SET + "('"
                + java.net.URLEncoder.encode(r.id().replace("'", "''"), StandardCharsets.UTF_8) + "')"));
        return e;
    }
}
