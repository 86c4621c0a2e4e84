package org.measures311.measures;

import java.util.Locale;
import java.util.Optional;

/** The periods a measure is published at. */
public enum Grain {
    DAY("day"),
    MONTH("month"),
    YEAR("year"),
    FISCAL_YEAR("fiscal_year");

    private final String code;

    Grain(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<Grain> ofCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String c = code.trim().toLowerCase(Locale.ROOT);
        for (Grain g : values()) {
            if (g.code.equals(c)) {
                return Optional.of(g);
            }
        }
        return Optional.empty();
    }
}
