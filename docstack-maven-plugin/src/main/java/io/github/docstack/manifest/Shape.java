package io.github.docstack.manifest;

import java.util.List;
import java.util.Optional;

/**
 * The grammar of a YAML file, declared once: {@link ShapeChecker} checks documents against it and
 * {@link JsonSchemaWriter} publishes it as a JSON Schema for editors.
 */
public sealed interface Shape {

    String description();

    /** A mapping with known keys. */
    record Fields(String description, List<Field> fields) implements Shape {
        public Optional<Field> field(String name) {
            return fields.stream().filter(field -> field.name().equals(name)).findFirst();
        }
    }

    record Field(String name, Shape shape, boolean required) {
        static Field required(String name, Shape shape) {
            return new Field(name, shape, true);
        }

        static Field optional(String name, Shape shape) {
            return new Field(name, shape, false);
        }
    }

    /** A mapping from names the user picks to values of one shape. */
    record MapOf(String description, Shape values) implements Shape {}

    record ListOf(String description, Shape items) implements Shape {}

    /** A single value. */
    record Value(String description, ValueType type) implements Shape {}

    /** One of two forms: a plain value (e.g. a name), or a mapping with more detail. */
    record Either(String description, Value brief, Fields full) implements Shape {}

    /** A command: a list of arguments (exec form), or one string run by /bin/sh -c. */
    record Command(String description) implements Shape {}

    enum ValueType {
        /** Any scalar, read as text (numbers and booleans too, as environment values are). */
        TEXT,
        INTEGER,
        /** Go-style duration: 500ms, 1s, 1m30s, or a whole number of seconds. */
        DURATION
    }
}
