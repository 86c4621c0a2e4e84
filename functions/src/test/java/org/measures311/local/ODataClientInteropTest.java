package org.measures311.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.apache.olingo.client.api.ODataClient;
import org.apache.olingo.client.api.communication.ODataClientErrorException;
import org.apache.olingo.client.api.communication.request.retrieve.ODataEntitySetRequest;
import org.apache.olingo.client.api.domain.ClientEntity;
import org.apache.olingo.client.api.domain.ClientEntitySet;
import org.apache.olingo.client.core.ODataClientFactory;
import org.apache.olingo.commons.api.edm.Edm;
import org.apache.olingo.commons.api.edm.EdmEntityType;
import org.apache.olingo.commons.api.format.ContentType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.measures311.api.LocalApiFixtures;

/**
 * A real OData client, not ours (Apache Olingo's client library), reads the local server: $metadata, then
 * MeasureValues with a $filter, page by page through @odata.nextLink, as Power BI's OData connector does.
 */
class ODataClientInteropTest {
    LocalHttpServer server;
    String serviceRoot;
    final ODataClient client = ODataClientFactory.getClient();

    @BeforeEach
    void start() throws Exception {
        server = new LocalHttpServer(LocalApiFixtures.apiWithThreeMoreYearsOfDays(), InetAddress.getLoopbackAddress(), 4);
        server.start(0);
        serviceRoot = server.baseUrl() + "/odata";
        client.getConfiguration().setDefaultPubFormat(ContentType.JSON);
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void readsMetadata() {
        Edm edm = client.getRetrieveRequestFactory().getMetadataRequest(serviceRoot).execute().getBody();
        EdmEntityType type = edm.getEntityContainer().getEntitySet("MeasureValues").getEntityType();
        assertThat(type.getPropertyNames()).startsWith("id", "measure", "grain", "period", "dimension", "member", "value")
                .contains("periodStart", "periodEnd", "target", "meetsTarget", "computedAt");
        assertThat(type.getStructuralProperty("periodStart").getType().getName()).isEqualTo("Date");
        assertThat(type.getKeyPredicateNames()).containsExactly("id");
    }

    @Test
    void pagesThroughAFilteredSetByNextLink() {
        URI uri = client.newURIBuilder(serviceRoot).appendEntitySetSegment("MeasureValues")
                .filter("grain eq 'day' and member eq 'phone' and periodStart lt 2025-01-01").count(true).build();
        List<String> periods = new ArrayList<>();
        int pages = 0;
        Integer count = null;
        while (uri != null) {
            ODataEntitySetRequest<ClientEntitySet> request = client.getRetrieveRequestFactory().getEntitySetRequest(uri);
            request.setAccept("application/json;odata.metadata=minimal");
            ClientEntitySet page = request.execute().getBody();
            if (count == null) {
                count = page.getCount();
            }
            for (ClientEntity e : page.getEntities()) {
                periods.add(e.getProperty("period").getPrimitiveValue().toString());
                assertThat(e.getProperty("member").getPrimitiveValue().toString()).isEqualTo("phone");
            }
            uri = page.getNext();
            pages++;
        }
        assertThat(count).isEqualTo(1096);
        assertThat(pages).isEqualTo(2); // 1000 + 96
        assertThat(periods).hasSize(1096).doesNotHaveDuplicates();
        assertThat(periods.get(0)).isEqualTo("2022-01-01");
        assertThat(periods.get(1095)).isEqualTo("2024-12-31");
    }

    @Test
    void aMalformedFilterIsAClientError() {
        URI uri = URI.create(serviceRoot + "/MeasureValues?%24filter=grain%20eq");
        assertThatThrownBy(() -> client.getRetrieveRequestFactory().getEntitySetRequest(uri).execute())
                .isInstanceOf(ODataClientErrorException.class)
                .satisfies(e -> assertThat(((ODataClientErrorException) e).getStatusLine().getStatusCode()).isEqualTo(400));
    }
}
