package org.measures311.api.odata;

import java.util.List;
import org.apache.olingo.commons.api.edm.EdmPrimitiveTypeKind;
import org.apache.olingo.commons.api.edm.FullQualifiedName;
import org.apache.olingo.commons.api.edm.provider.CsdlAbstractEdmProvider;
import org.apache.olingo.commons.api.edm.provider.CsdlEntityContainer;
import org.apache.olingo.commons.api.edm.provider.CsdlEntityContainerInfo;
import org.apache.olingo.commons.api.edm.provider.CsdlEntitySet;
import org.apache.olingo.commons.api.edm.provider.CsdlEntityType;
import org.apache.olingo.commons.api.edm.provider.CsdlProperty;
import org.apache.olingo.commons.api.edm.provider.CsdlPropertyRef;
import org.apache.olingo.commons.api.edm.provider.CsdlSchema;

/**
 * The OData model ($metadata): one entity set, {@code MeasureValues}, whose entity has the columns of the values
 * route. Numbers are Edm.Double: Power BI's own number type is a double, and counts stay exact up to 2^53.
 */
final class MeasureValuesEdm extends CsdlAbstractEdmProvider {
    static final String NAMESPACE = "Measures311";
    static final String CONTAINER_NAME = "Container";
    static final FullQualifiedName CONTAINER = new FullQualifiedName(NAMESPACE, CONTAINER_NAME);
    static final String ENTITY_SET = "MeasureValues";
    static final FullQualifiedName ENTITY_TYPE = new FullQualifiedName(NAMESPACE, "MeasureValue");

    /** Every property in order, with its type and whether it may be null. */
    enum Column {
        ID("id", EdmPrimitiveTypeKind.String, false),
        MEASURE("measure", EdmPrimitiveTypeKind.String, false),
        GRAIN("grain", EdmPrimitiveTypeKind.String, false),
        PERIOD("period", EdmPrimitiveTypeKind.String, false),
        DIMENSION("dimension", EdmPrimitiveTypeKind.String, false),
        MEMBER("member", EdmPrimitiveTypeKind.String, false),
        VALUE("value", EdmPrimitiveTypeKind.Double, false),
        NUMERATOR("numerator", EdmPrimitiveTypeKind.Double, false),
        DENOMINATOR("denominator", EdmPrimitiveTypeKind.Double, true),
        PERIOD_START("periodStart", EdmPrimitiveTypeKind.Date, false),
        PERIOD_END("periodEnd", EdmPrimitiveTypeKind.Date, false),
        TARGET("target", EdmPrimitiveTypeKind.Double, true),
        MEETS_TARGET("meetsTarget", EdmPrimitiveTypeKind.Boolean, true),
        COMPUTED_AT("computedAt", EdmPrimitiveTypeKind.DateTimeOffset, true);

        final String property;
        final EdmPrimitiveTypeKind type;
        final boolean nullable;

        Column(String property, EdmPrimitiveTypeKind type, boolean nullable) {
            this.property = property;
            this.type = type;
            this.nullable = nullable;
        }

        static Column of(String property) {
            for (Column c : values()) {
                if (c.property.equals(property)) {
                    return c;
                }
            }
            throw new IllegalArgumentException("no property " + property);
        }
    }

    @Override
    public CsdlEntityType getEntityType(FullQualifiedName name) {
        if (!ENTITY_TYPE.equals(name)) {
            return null;
        }
        List<CsdlProperty> properties = java.util.Arrays.stream(Column.values())
                .map(c -> new CsdlProperty().setName(c.property).setType(c.type.getFullQualifiedName()).setNullable(c.nullable))
                .toList();
        return new CsdlEntityType().setName(ENTITY_TYPE.getName()).setProperties(properties)
                .setKey(List.of(new CsdlPropertyRef().setName(Column.ID.property)));
    }

    @Override
    public CsdlEntitySet getEntitySet(FullQualifiedName container, String name) {
        if (!CONTAINER.equals(container) || !ENTITY_SET.equals(name)) {
            return null;
        }
        return new CsdlEntitySet().setName(ENTITY_SET).setType(ENTITY_TYPE);
    }

    @Override
    public CsdlEntityContainer getEntityContainer() {
        return new CsdlEntityContainer().setName(CONTAINER_NAME)
                .setEntitySets(List.of(getEntitySet(CONTAINER, ENTITY_SET)));
    }

    @Override
    public CsdlEntityContainerInfo getEntityContainerInfo(FullQualifiedName name) {
        if (name == null || CONTAINER.equals(name)) {
            return new CsdlEntityContainerInfo().setContainerName(CONTAINER);
        }
        return null;
    }

    @Override
    public List<CsdlSchema> getSchemas() {
        return List.of(new CsdlSchema().setNamespace(NAMESPACE)
                .setEntityTypes(List.of(getEntityType(ENTITY_TYPE)))
                .setEntityContainer(getEntityContainer()));
    }
}
