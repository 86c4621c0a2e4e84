package org.measures311.facts;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Dictionary encoding of a low-cardinality text column (ticket categories): each distinct value gets a code. */
public final class TextDictionary {
    public static final int ABSENT = -1;

    private final Map<String, Integer> codes = new HashMap<>();
    private final List<String> values = new ArrayList<>();

    int encode(String value) {
        if (value == null) {
            return ABSENT;
        }
        Integer code = codes.get(value);
        if (code == null) {
            code = values.size();
            codes.put(value, code);
            values.add(value);
        }
        return code;
    }

    public String value(int code) {
        return values.get(code);
    }

    public int size() {
        return values.size();
    }
}
