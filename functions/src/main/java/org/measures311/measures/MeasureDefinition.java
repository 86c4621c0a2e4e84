package org.measures311.measures;

import java.util.List;
import java.util.Objects;

/**
 * A measure as the catalog publishes it: what it means (the seed documents' wording where one exists), how it
 * is computed, from which sources, at which grains, over which dimension members, and its default target.
 */
public record MeasureDefinition(
        String id,
        String name,
        Unit unit,
        String definition,
        String formula,
        List<String> sources,
        List<Grain> grains,
        String dimension,
        List<String> members,
        Double defaultTarget,
        Direction direction) {

    public enum Unit {
        COUNT("count"), PERCENT("percent"), SECONDS("seconds");

        private final String code;

        Unit(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    /** Which way is better; a target is met when the value is on the good side of it (or equal). */
    public enum Direction {
        HIGHER_IS_BETTER("higher_is_better"), LOWER_IS_BETTER("lower_is_better"), NONE("none");

        private final String code;

        Direction(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    public MeasureDefinition {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(formula, "formula");
        sources = List.copyOf(sources);
        grains = List.copyOf(grains);
        dimension = dimension == null ? "" : dimension;
        members = members == null ? List.of() : List.copyOf(members);
        Objects.requireNonNull(direction, "direction");
    }

    public boolean hasGrain(Grain grain) {
        return grains.contains(grain);
    }
}
