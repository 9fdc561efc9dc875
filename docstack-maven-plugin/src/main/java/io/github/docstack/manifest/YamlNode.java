package io.github.docstack.manifest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A YAML value with the place it was written: a scalar, a mapping or a sequence. */
public sealed interface YamlNode {

    Position position();

    /** What the user wrote, named the way an error message should name it. */
    String kind();

    /** A scalar; {@code text} is null for YAML's null ({@code ~}, {@code null} or nothing). */
    record Scalar(Position position, String text, ScalarType type) implements YamlNode {
        @Override
        public String kind() {
            return switch (type) {
                case NULL -> "nothing";
                case STRING -> "a string";
                case INTEGER -> "a whole number";
                case FLOAT -> "a number";
                case BOOLEAN -> "true/false";
            };
        }
    }

    /** A mapping, in the order written. */
    record Mapping(Position position, Map<String, Entry> entries) implements YamlNode {
        public Mapping {
            entries = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        }

        @Override
        public String kind() {
            return "a mapping";
        }

        public YamlNode get(String key) {
            Entry entry = entries.get(key);
            return entry == null ? null : entry.value();
        }
    }

    /** One key of a mapping, with where the key itself was written. */
    record Entry(String key, Position keyPosition, YamlNode value) {}

    record Sequence(Position position, List<YamlNode> items) implements YamlNode {
        public Sequence {
            items = List.copyOf(items);
        }

        @Override
        public String kind() {
            return "a list";
        }
    }

    enum ScalarType {
        NULL,
        STRING,
        INTEGER,
        FLOAT,
        BOOLEAN
    }
}
