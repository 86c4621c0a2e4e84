package org.measures311.api;

import java.util.Set;
import org.measures311.measures.Catalog;
import org.measures311.measures.Grain;
import org.measures311.measures.MeasureDefinition;

/** {@code GET /measures}: the catalog, one object per measure, in catalog order. */
final class CatalogHandler {
    private final Catalog catalog;

    CatalogHandler(Catalog catalog) {
        this.catalog = catalog;
    }

    ApiResponse handle(ApiRequest request) {
        Params.of(request, Set.of());
        return ApiResponse.json(200, Json.write(g -> {
            g.writeStartObject();
            g.writeArrayFieldStart("measures");
            for (MeasureDefinition m : catalog.all()) {
                g.writeStartObject();
                g.writeStringField("id", m.id());
                g.writeStringField("name", m.name());
                g.writeStringField("unit", m.unit().code());
                g.writeStringField("definition", m.definition());
                g.writeStringField("formula", m.formula());
                g.writeArrayFieldStart("sources");
                for (String s : m.sources()) {
                    g.writeString(s);
                }
                g.writeEndArray();
                g.writeArrayFieldStart("grains");
                for (Grain gr : m.grains()) {
                    g.writeString(gr.code());
                }
                g.writeEndArray();
                g.writeArrayFieldStart("dimensions");
                if (!m.dimension().isEmpty()) {
                    g.writeStartObject();
                    g.writeStringField("name", m.dimension());
                    g.writeArrayFieldStart("members");
                    for (String member : m.members()) {
                        g.writeString(member);
                    }
                    g.writeEndArray();
                    g.writeEndObject();
                }
                g.writeEndArray();
                Json.field(g, "target", m.defaultTarget());
                g.writeStringField("direction", m.direction().code());
                g.writeStringField("valuesLink", request.baseUrl() + "/measures/" + PercentCoding.encode(m.id()) + "/values");
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }));
    }
}
