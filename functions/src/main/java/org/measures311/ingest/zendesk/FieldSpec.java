package org.measures311.ingest.zendesk;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The fields a reader wants from each record, decided before the file is opened, so every format can route a
 * value straight into a numbered slot and skip everything else (comment bodies, names, emails) without
 * building a tree. Paths are dotted ({@code via.channel}); two structured shapes are supported besides plain
 * values: keyed entries ({@code custom_fields: [{id, value}]}, one slot per wanted id) and child records
 * ({@code child_events: [{...}]}, each captured with its own spec).
 */
public final class FieldSpec {
    private final Node root;
    private final List<String> paths;
    private final BitSet idSlots;
    private final BitSet timestampSlots;

    private FieldSpec(Node root, List<String> paths, BitSet idSlots, BitSet timestampSlots) {
        this.root = root;
        this.paths = List.copyOf(paths);
        this.idSlots = (BitSet) idSlots.clone();
        this.timestampSlots = (BitSet) timestampSlots.clone();
    }

    /**
     * Whether the slot was declared with {@link Builder#timestampField}: a text parser may then store a cell in
     * {@link IsoTimestamps}' shape as epoch milliseconds ({@link SourceRecord#isEpochMillis}).
     */
    boolean isTimestamp(int slot) {
        return timestampSlots.get(slot);
    }

    /**
     * Whether the slot was declared with {@link Builder#idField}: a text parser may then store a cell of plain
     * digits as an integer ({@link SourceRecord#isInteger}), which the id rules in {@code ZendeskRows} read as
     * they would its text.
     */
    boolean isId(int slot) {
        return idSlots.get(slot);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Number of slots a record of this spec holds. */
    public int size() {
        return paths.size();
    }

    public String path(int slot) {
        return paths.get(slot);
    }

    Node root() {
        return root;
    }

    /** The node at a dotted path, or null when the spec wants nothing there. */
    Node find(String dottedPath) {
        Node node = root;
        int start = 0;
        while (node != null) {
            int dot = dottedPath.indexOf('.', start);
            String part = dot < 0 ? dottedPath.substring(start) : dottedPath.substring(start, dot);
            node = node.child(part);
            if (dot < 0) {
                return node;
            }
            start = dot + 1;
        }
        return null;
    }

    /** One step of a path. Unwanted keys have no node, which is what lets parsers skip them. */
    static final class Node {
        private final Map<String, Node> children = new HashMap<>();
        int slot = -1;
        /** For {@code [{key: K, value: V}]} arrays: wanted key -> slot. */
        Map<String, Integer> keyedSlots;
        String keyName;
        String valueName;
        /** For arrays of sub-records. */
        FieldSpec childSpec;

        /*
         * The children's names, interned, beside the map: Jackson hands over field names interned (its
         * INTERN_FIELD_NAMES default), so a wanted field is found by identity in a few comparisons; a map lookup
         * per field was 10% of the JSON Lines parse. Written only while the spec is built, before any reader
         * thread starts, and read-only afterwards.
         */
        private String[] internedNames = new String[0];
        private Node[] internedNodes = new Node[0];

        Node child(String name) {
            String[] names = internedNames;
            for (int i = 0; i < names.length; i++) {
                if (names[i] == name) {
                    return internedNodes[i];
                }
            }
            return children.get(name);
        }

        Node childOrCreate(String name) {
            Node node = children.get(name);
            if (node == null) {
                node = new Node();
                children.put(name, node);
                int n = internedNames.length;
                internedNames = java.util.Arrays.copyOf(internedNames, n + 1);
                internedNodes = java.util.Arrays.copyOf(internedNodes, n + 1);
                internedNames[n] = name.intern();
                internedNodes[n] = node;
            }
            return node;
        }

        /** True when the value at this node is a structure (object or array) we look into. */
        boolean hasStructure() {
            return !children.isEmpty() || keyedSlots != null || childSpec != null;
        }
    }

    public static final class Builder {
        private final Node root = new Node();
        private final List<String> paths = new ArrayList<>();
        private final BitSet idSlots = new BitSet();
        private final BitSet timestampSlots = new BitSet();

        private Node nodeAt(String dottedPath) {
            Node node = root;
            for (String part : dottedPath.split("\\.")) {
                if (part.isEmpty()) {
                    throw new IllegalArgumentException("empty step in path " + dottedPath);
                }
                node = node.childOrCreate(part);
            }
            return node;
        }

        /** A plain value at a dotted path; returns its slot. */
        public int field(String dottedPath) {
            Node node = nodeAt(dottedPath);
            if (node.slot >= 0) {
                return node.slot;
            }
            node.slot = paths.size();
            paths.add(dottedPath);
            return node.slot;
        }

        /** A plain value that is only ever read as a Zendesk id ({@link #isId}); returns its slot. */
        public int idField(String dottedPath) {
            int slot = field(dottedPath);
            idSlots.set(slot);
            return slot;
        }

        /** A plain value that is only ever read as a timestamp ({@link #isTimestamp}); returns its slot. */
        public int timestampField(String dottedPath) {
            int slot = field(dottedPath);
            timestampSlots.set(slot);
            return slot;
        }

        /** The {@code value} of the entry whose {@code id} equals {@code key} in an array of {id, value} objects. */
        public int keyedEntry(String arrayPath, String keyName, String valueName, String key) {
            Node node = nodeAt(arrayPath);
            if (node.keyedSlots == null) {
                node.keyedSlots = new HashMap<>();
                node.keyName = keyName;
                node.valueName = valueName;
            } else if (!node.keyName.equals(keyName) || !node.valueName.equals(valueName)) {
                throw new IllegalArgumentException("conflicting key/value names for " + arrayPath);
            }
            Integer existing = node.keyedSlots.get(key);
            if (existing != null) {
                return existing;
            }
            int slot = paths.size();
            paths.add(arrayPath + "[" + keyName + "=" + key + "]");
            node.keyedSlots.put(key, slot);
            return slot;
        }

        /** An array of sub-records at a path, each captured with {@code childSpec}. */
        public void children(String arrayPath, FieldSpec childSpec) {
            nodeAt(arrayPath).childSpec = childSpec;
        }

        public FieldSpec build() {
            return new FieldSpec(root, paths, idSlots, timestampSlots);
        }
    }
}
