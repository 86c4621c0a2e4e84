package org.measures311.api.odata;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import org.apache.olingo.commons.api.edm.EdmType;
import org.apache.olingo.commons.api.http.HttpStatusCode;
import org.apache.olingo.server.api.ODataApplicationException;
import org.apache.olingo.server.api.uri.UriResource;
import org.apache.olingo.server.api.uri.UriResourcePrimitiveProperty;
import org.apache.olingo.server.api.uri.queryoption.apply.AggregateExpression;
import org.apache.olingo.server.api.uri.queryoption.expression.BinaryOperatorKind;
import org.apache.olingo.server.api.uri.queryoption.expression.Expression;
import org.apache.olingo.server.api.uri.queryoption.expression.ExpressionVisitor;
import org.apache.olingo.server.api.uri.queryoption.expression.Literal;
import org.apache.olingo.server.api.uri.queryoption.expression.Member;
import org.apache.olingo.server.api.uri.queryoption.expression.MethodKind;
import org.apache.olingo.server.api.uri.queryoption.expression.UnaryOperatorKind;
import org.apache.olingo.commons.api.edm.EdmEnumType;
import org.measures311.measures.MeasureRow;

/**
 * Turns the $filter expression Olingo parsed into a predicate over rows in memory. Values from the request only
 * ever become Java values compared with {@link Comparable#compareTo}: nothing is spliced into any query text.
 * Supported: eq, ne, gt, ge, lt, le, and, or, not, and startswith/endswith/contains on text (what Power BI
 * folds); anything else is a 400 naming $filter.
 */
final class RowPredicates implements ExpressionVisitor<Object> {
    /** A property of the row, by its OData name. */
    record Field(String name) {
    }

    /** A literal of the request, already a Java value (null for the null literal). */
    record Value(Object value) {
    }

    static Predicate<MeasureRow> of(Expression filter) throws ODataApplicationException {
        try {
            Object result = filter.accept(new RowPredicates());
            if (result instanceof Predicate<?> p) {
                @SuppressWarnings("unchecked")
                Predicate<MeasureRow> rowPredicate = (Predicate<MeasureRow>) p;
                return rowPredicate;
            }
            if (result instanceof Field f && columnType(f) == Boolean.class) {
                return r -> Boolean.TRUE.equals(read(r, f.name()));
            }
            throw unsupported("the filter must be a condition, such as grain eq 'month'");
        } catch (org.apache.olingo.server.api.uri.queryoption.expression.ExpressionVisitException e) {
            throw unsupported(e.getMessage());
        }
    }

    /** The row's value of a property, as a comparable Java value. */
    static Comparable<?> read(MeasureRow r, String property) {
        return switch (MeasureValuesEdm.Column.of(property)) {
            case ID -> r.id();
            case MEASURE -> r.measure();
            case GRAIN -> r.grain().code();
            case PERIOD -> r.period();
            case DIMENSION -> r.dimension();
            case MEMBER -> r.member();
            case VALUE -> r.value();
            case NUMERATOR -> r.numerator();
            case DENOMINATOR -> r.denominator();
            case PERIOD_START -> r.periodStart();
            case PERIOD_END -> r.periodEnd();
            case TARGET -> r.target() == null ? null : BigDecimal.valueOf(r.target());
            case MEETS_TARGET -> r.meetsTarget();
            case COMPUTED_AT -> r.computedAt();
        };
    }

    private static Class<?> columnType(Field f) {
        return switch (MeasureValuesEdm.Column.of(f.name()).type) {
            case Double -> BigDecimal.class;
            case Date -> LocalDate.class;
            case DateTimeOffset -> Instant.class;
            case Boolean -> Boolean.class;
            default -> String.class;
        };
    }

    @Override
    public Object visitMember(Member member) throws ODataApplicationException {
        List<UriResource> parts = member.getResourcePath().getUriResourceParts();
        if (parts.size() == 1 && parts.get(0) instanceof UriResourcePrimitiveProperty p) {
            return new Field(p.getProperty().getName());
        }
        throw unsupported("only the properties of MeasureValue can be filtered on");
    }

    @Override
    public Object visitLiteral(Literal literal) throws ODataApplicationException {
        String text = literal.getText();
        EdmType type = literal.getType();
        if (type == null || "null".equals(text)) {
            return new Value(null);
        }
        try {
            return new Value(switch (type.getName()) {
                case "String" -> text.substring(1, text.length() - 1).replace("''", "'");
                case "Boolean" -> Boolean.parseBoolean(text);
                case "Date" -> LocalDate.parse(text);
                case "DateTimeOffset" -> OffsetDateTime.parse(text).toInstant();
                case "Byte", "SByte", "Int16", "Int32", "Int64", "Decimal", "Double", "Single" ->
                        new BigDecimal(text.toUpperCase(Locale.ROOT).replaceAll("[MDFL]$", ""));
                default -> throw unsupported("literals of type " + type.getName() + " are not supported");
            });
        } catch (DateTimeException | NumberFormatException e) {
            throw unsupported("'" + text + "' is not a valid " + type.getName());
        }
    }

    @Override
    public Object visitBinaryOperator(BinaryOperatorKind op, Object left, Object right) throws ODataApplicationException {
        if (op == BinaryOperatorKind.AND || op == BinaryOperatorKind.OR) {
            Predicate<MeasureRow> l = condition(left);
            Predicate<MeasureRow> r = condition(right);
            return op == BinaryOperatorKind.AND ? l.and(r) : l.or(r);
        }
        Function<MeasureRow, Object> a = operand(left);
        Function<MeasureRow, Object> b = operand(right);
        Class<?> type = left instanceof Field f ? columnType(f) : right instanceof Field f ? columnType(f) : null;
        checkComparable(type, left, right);
        return switch (op) {
            case EQ -> (Predicate<MeasureRow>) row -> compare(a.apply(row), b.apply(row)) == 0;
            case NE -> (Predicate<MeasureRow>) row -> compare(a.apply(row), b.apply(row)) != 0;
            case GT -> ordered(a, b, c -> c > 0);
            case GE -> ordered(a, b, c -> c >= 0);
            case LT -> ordered(a, b, c -> c < 0);
            case LE -> ordered(a, b, c -> c <= 0);
            default -> throw unsupported("the operator " + op.name().toLowerCase(Locale.ROOT) + " is not supported");
        };
    }

    private static Predicate<MeasureRow> ordered(Function<MeasureRow, Object> a, Function<MeasureRow, Object> b,
                                                 java.util.function.IntPredicate test) {
        // Comparisons with null are false, as in OData.
        return row -> {
            Object x = a.apply(row);
            Object y = b.apply(row);
            return x != null && y != null && test.test(compare(x, y));
        };
    }

    private static void checkComparable(Class<?> type, Object left, Object right) throws ODataApplicationException {
        for (Object side : List.of(left, right)) {
            if (side instanceof Value v && v.value() != null && type != null && !type.isInstance(v.value())) {
                throw unsupported("the literal " + v.value() + " does not match the property's type ("
                        + type.getSimpleName().replace("BigDecimal", "number").replace("LocalDate", "Edm.Date")
                        .replace("Instant", "Edm.DateTimeOffset") + ")");
            }
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(Object x, Object y) {
        if (x == null || y == null) {
            return Objects.equals(x, y) ? 0 : (x == null ? -1 : 1);
        }
        return ((Comparable) x).compareTo(y);
    }

    private static Function<MeasureRow, Object> operand(Object o) throws ODataApplicationException {
        if (o instanceof Field f) {
            return r -> read(r, f.name());
        }
        if (o instanceof Value v) {
            return r -> v.value();
        }
        throw unsupported("a comparison takes a property and a literal");
    }

    @SuppressWarnings("unchecked")
    private static Predicate<MeasureRow> condition(Object o) throws ODataApplicationException {
        if (o instanceof Predicate<?> p) {
            return (Predicate<MeasureRow>) p;
        }
        if (o instanceof Field f && columnType(f) == Boolean.class) {
            return r -> Boolean.TRUE.equals(read(r, f.name()));
        }
        throw unsupported("and/or/not combine conditions");
    }

    @Override
    public Object visitUnaryOperator(UnaryOperatorKind op, Object operand) throws ODataApplicationException {
        if (op == UnaryOperatorKind.NOT) {
            return condition(operand).negate();
        }
        throw unsupported("the operator " + op.name().toLowerCase(Locale.ROOT) + " is not supported");
    }

    @Override
    public Object visitMethodCall(MethodKind method, List<Object> parameters) throws ODataApplicationException {
        if ((method == MethodKind.STARTSWITH || method == MethodKind.ENDSWITH || method == MethodKind.CONTAINS)
                && parameters.size() == 2 && parameters.get(0) instanceof Field f && columnType(f) == String.class
                && parameters.get(1) instanceof Value v && v.value() instanceof String s) {
            return (Predicate<MeasureRow>) row -> {
                String text = (String) read(row, f.name());
                return switch (method) {
                    case STARTSWITH -> text.startsWith(s);
                    case ENDSWITH -> text.endsWith(s);
                    default -> text.contains(s);
                };
            };
        }
        throw unsupported("the function " + method.toString() + " is not supported");
    }

    @Override
    public Object visitLambdaExpression(String lambdaFunction, String lambdaVariable, Expression expression)
            throws ODataApplicationException {
        throw unsupported("lambda expressions are not supported");
    }

    @Override
    public Object visitAlias(String aliasName) throws ODataApplicationException {
        throw unsupported("parameter aliases are not supported");
    }

    @Override
    public Object visitTypeLiteral(EdmType type) throws ODataApplicationException {
        throw unsupported("type literals are not supported");
    }

    @Override
    public Object visitLambdaReference(String variableName) throws ODataApplicationException {
        throw unsupported("lambda expressions are not supported");
    }

    @Override
    public Object visitEnum(EdmEnumType type, List<String> enumValues) throws ODataApplicationException {
        throw unsupported("enumerations are not supported");
    }

    @Override
    public Object visitBinaryOperator(BinaryOperatorKind op, Object left, List<Object> right) throws ODataApplicationException {
        throw unsupported("the operator " + op.name().toLowerCase(Locale.ROOT) + " is not supported; use or");
    }

    @Override
    public Object visitComputeAggregate(AggregateExpression aggregateExpression) throws ODataApplicationException {
        throw unsupported("aggregation is not supported");
    }

    static ODataApplicationException unsupported(String what) {
        return new ODataApplicationException("$filter: " + what + ".", HttpStatusCode.BAD_REQUEST.getStatusCode(),
                Locale.ROOT, "$filter");
    }
}
