package io.github.docstack.manifest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Writes the manifest reference page of the site from {@link ManifestShape}, so the page cannot fall behind. */
public final class ManifestReference {

    /** A manifest that uses every key; the reference shows it, and the tests check it validates cleanly. */
    public static final String EXAMPLE = resource("example-manifest.yaml");

    private ManifestReference() {}

    public static String markdown() {
        List<String> rows = new ArrayList<>();
        rows(ManifestShape.manifest(), "", rows);
        return resource("manifest-reference.md.template")
                .replace("{{KEYS}}", String.join("\n", rows) + "\n")
                .replace("{{EXAMPLE}}", EXAMPLE);
    }

    private static void rows(Shape shape, String path, List<String> rows) {
        if (shape instanceof Shape.Fields fields) {
            for (Shape.Field field : fields.fields()) {
                String key = path.isEmpty() ? field.name() : path + "." + field.name();
                rows.add("| `" + key + "` | " + type(field.shape()) + " | " + (field.required() ? "yes" : "no") + " | "
                        + field.shape().description() + " |");
                rows(field.shape(), key, rows);
            }
        } else if (shape instanceof Shape.MapOf map) {
            if (!(map.values() instanceof Shape.Value)) {
                rows(map.values(), path + ".NAME", rows);
            }
        } else if (shape instanceof Shape.ListOf list) {
            rows(list.items(), path + "[]", rows);
        } else if (shape instanceof Shape.Either either) {
            rows(either.full(), path, rows);
        }
    }

    private static String type(Shape shape) {
        if (shape instanceof Shape.Fields) {
            return "mapping";
        } else if (shape instanceof Shape.MapOf map) {
            return "mapping of NAME to " + type(map.values());
        } else if (shape instanceof Shape.ListOf list) {
            return "list of " + type(list.items());
        } else if (shape instanceof Shape.Command) {
            return "command";
        } else if (shape instanceof Shape.Either either) {
            return type(either.brief()) + " or mapping";
        } else if (shape instanceof Shape.Value value) {
            return switch (value.type()) {
                case TEXT -> "text";
                case INTEGER -> "integer";
                case DURATION -> "duration";
            };
        }
        return "";
    }

    private static String resource(String name) {
        try (InputStream in = ManifestReference.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the plugin jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
