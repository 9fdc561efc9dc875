package io.github.docstack.manifest;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Checks a YAML document against a {@link Shape}: unknown keys (with "did you mean"), missing keys, wrong types. */
public final class ShapeChecker {

    private static final Pattern DURATION = Pattern.compile("(\\d+(\\.\\d+)?(ns|us|µs|ms|s|m|h))+|\\d+");

    private final ProblemSink sink;
    private final String document;

    /** @param document how messages name the whole file: "the manifest", "the stack file" */
    public ShapeChecker(ProblemSink sink, String document) {
        this.sink = sink;
        this.document = document;
    }

    public void check(YamlNode node, Shape shape, String path) {
        if (shape instanceof Shape.Fields fields) {
            checkFields(node, fields, path);
        } else if (shape instanceof Shape.MapOf map) {
            if (node instanceof YamlNode.Mapping mapping) {
                mapping.entries()
                        .values()
                        .forEach(entry -> check(entry.value(), map.values(), path + "." + entry.key()));
            } else {
                wrongType(node, path, "a mapping of names to values");
            }
        } else if (shape instanceof Shape.ListOf list) {
            if (node instanceof YamlNode.Sequence sequence) {
                for (int i = 0; i < sequence.items().size(); i++) {
                    check(sequence.items().get(i), list.items(), path + "[" + i + "]");
                }
            } else {
                wrongType(node, path, "a list (items starting with '- ')");
            }
        } else if (shape instanceof Shape.Either either) {
            if (node instanceof YamlNode.Mapping) {
                checkFields(node, either.full(), path);
            } else {
                checkValue(node, either.brief().type(), path);
            }
        } else if (shape instanceof Shape.Command) {
            checkCommand(node, path);
        } else if (shape instanceof Shape.Value value) {
            checkValue(node, value.type(), path);
        }
    }

    private void checkFields(YamlNode node, Shape.Fields shape, String path) {
        if (!(node instanceof YamlNode.Mapping mapping)) {
            wrongType(node, path, "a mapping with the keys " + names(shape));
            return;
        }
        for (YamlNode.Entry entry : mapping.entries().values()) {
            Optional<Shape.Field> field = shape.field(entry.key());
            if (field.isPresent()) {
                check(entry.value(), field.get().shape(), join(path, entry.key()));
            } else {
                sink.report(
                        Rule.UNKNOWN_KEY,
                        entry.keyPosition(),
                        "Unknown key '" + entry.key() + "' in " + where(path)
                                + closest(entry.key(), shape)
                                        .map(known -> ": did you mean '" + known + "'?")
                                        .orElse(": the keys here are " + names(shape)));
            }
        }
        for (Shape.Field field : shape.fields()) {
            if (field.required() && !mapping.entries().containsKey(field.name())) {
                sink.report(
                        Rule.MISSING_KEY,
                        mapping.position(),
                        "'" + field.name() + "' is missing in " + where(path) + ": add it ("
                                + field.shape().description() + ")");
            }
        }
    }

    private void checkCommand(YamlNode node, String path) {
        if (node instanceof YamlNode.Scalar scalar && scalar.type() == YamlNode.ScalarType.STRING) {
            if (scalar.text().isBlank()) {
                sink.report(Rule.EMPTY_COMMAND, node.position(), where(path) + " is empty: give the command to run");
            }
        } else if (node instanceof YamlNode.Sequence sequence) {
            if (sequence.items().isEmpty()) {
                sink.report(
                        Rule.EMPTY_COMMAND,
                        node.position(),
                        where(path) + " is an empty list: give the command to run");
            }
            for (int i = 0; i < sequence.items().size(); i++) {
                checkValue(sequence.items().get(i), Shape.ValueType.TEXT, path + "[" + i + "]");
            }
        } else {
            wrongType(node, path, "a command: a list of arguments such as [glance-manage, db_sync], or one string");
        }
    }

    private void checkValue(YamlNode node, Shape.ValueType type, String path) {
        if (!(node instanceof YamlNode.Scalar scalar) || scalar.type() == YamlNode.ScalarType.NULL) {
            wrongType(node, path, expected(type));
            return;
        }
        switch (type) {
            case TEXT -> {}
            case INTEGER -> {
                if (scalar.type() != YamlNode.ScalarType.INTEGER) {
                    wrongType(node, path, expected(type));
                }
            }
            case DURATION -> {
                if (!DURATION.matcher(scalar.text()).matches()) {
                    sink.report(
                            Rule.INVALID_DURATION,
                            node.position(),
                            "'" + scalar.text() + "' in " + where(path)
                                    + " is not a duration: write it like 500ms, 2s, 1m30s");
                }
            }
        }
    }

    private void wrongType(YamlNode node, String path, String expected) {
        sink.report(Rule.WRONG_TYPE, node.position(), where(path) + " must be " + expected + ", not " + node.kind());
    }

    private static String expected(Shape.ValueType type) {
        return switch (type) {
            case TEXT -> "a value";
            case INTEGER -> "a whole number";
            case DURATION -> "a duration such as 2s";
        };
    }

    private String where(String path) {
        return path.isEmpty() ? document : "'" + path + "'";
    }

    private static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private static String names(Shape.Fields shape) {
        return String.join(", ", shape.fields().stream().map(Shape.Field::name).toList());
    }

    /** The known key nearest to {@code key}, if it is near enough to be a slip of the keyboard. */
    static Optional<String> closest(String key, Shape.Fields shape) {
        return closest(key, shape.fields().stream().map(Shape.Field::name).toList());
    }

    public static Optional<String> closest(String word, List<String> candidates) {
        String lower = word.toLowerCase(Locale.ROOT);
        return candidates.stream()
                .filter(candidate -> !candidate.equals(word))
                .map(candidate -> new Object() {
                    final String name = candidate;
                    final int distance = distance(lower, candidate.toLowerCase(Locale.ROOT));
                })
                .filter(scored -> scored.distance <= Math.max(2, scored.name.length() / 3))
                .min(Comparator.comparingInt(scored -> scored.distance))
                .map(scored -> scored.name);
    }

    /** Levenshtein distance, with a swap of two neighbours counting as one edit. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
