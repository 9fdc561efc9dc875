package io.github.docstack.manifest;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads one YAML document into {@link YamlNode}s that remember their line and column. Hostile input is
 * refused early and named: files over {@link #MAX_BYTES}, text that is not UTF-8, nesting deeper than
 * {@link #MAX_DEPTH}, and aliases (never expanded, so "billion laughs" cannot cost anything).
 */
public final class YamlReader {

    public static final int MAX_BYTES = 1024 * 1024;
    public static final int MAX_DEPTH = 64;

    private static final YAMLFactory FACTORY = YAMLFactory.builder()
            .loaderOptions(loaderOptions())
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_DEPTH * 2)
                    .build())
            .build();

    private YamlReader() {}

    /** Reads {@code bytes}; problems go to {@code sink}. Empty when the document could not be read at all. */
    public static Optional<YamlNode> read(byte[] bytes, ProblemSink sink) {
        Optional<String> text = decode(bytes, sink);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try (YAMLParser parser = FACTORY.createParser(text.get())) {
            try {
                JsonToken first = parser.nextToken();
                if (first == null) {
                    sink.report(
                            Rule.FILE_EMPTY,
                            Position.START,
                            "The file holds no YAML document: write the manifest"
                                    + " (apiVersion: docstack/v1, name: ...), see the manifest reference");
                    return Optional.empty();
                }
                Optional<YamlNode> root = new TreeBuilder(parser, sink).value(first, 1);
                if (root.isPresent() && parser.nextToken() != null) {
                    sink.report(
                            Rule.YAML_MULTIPLE_DOCUMENTS,
                            position(parser.currentTokenLocation()),
                            "A second YAML document starts here: a manifest is one document, remove the '---' and what follows");
                }
                return root;
            } catch (JacksonException e) {
                reportSyntax(e, sink, parser.currentLocation());
                return Optional.empty();
            }
        } catch (IOException e) {
            sink.report(Rule.YAML_SYNTAX, Position.START, "The file could not be read: " + e.getMessage());
            return Optional.empty();
        }
    }

    private static Optional<String> decode(byte[] bytes, ProblemSink sink) {
        if (bytes.length > MAX_BYTES) {
            sink.report(
                    Rule.FILE_TOO_LARGE,
                    Position.START,
                    "The file has " + bytes.length + " bytes, more than the " + MAX_BYTES
                            + " a manifest may have: keep large content in files of the image");
            return Optional.empty();
        }
        if (bytes.length == 0) {
            sink.report(
                    Rule.FILE_EMPTY,
                    Position.START,
                    "The file is empty: write the manifest"
                            + " (apiVersion: docstack/v1, name: ...), see the manifest reference");
            return Optional.empty();
        }
        int offset = 0;
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb && (bytes[2] & 0xff) == 0xbf) {
            sink.report(
                    Rule.FILE_BOM,
                    Position.START,
                    "The file starts with a UTF-8 byte order mark; it is ignored,"
                            + " but plain UTF-8 without it is what other tools expect");
            offset = 3;
        }
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset))
                    .toString();
        } catch (CharacterCodingException e) {
            sink.report(
                    Rule.FILE_ENCODING,
                    Position.START,
                    "The file is not UTF-8 text (binary, or another encoding):" + " save it as UTF-8");
            return Optional.empty();
        }
        int nul = text.indexOf('\0');
        if (nul >= 0) {
            sink.report(
                    Rule.FILE_ENCODING,
                    positionOf(text, nul),
                    "The file holds a NUL character, so it is not a" + " text file: save the manifest as UTF-8 text");
            return Optional.empty();
        }
        return Optional.of(text);
    }

    private static void reportSyntax(JacksonException e, ProblemSink sink, JsonLocation fallback) {
        MarkedYAMLException marked = findMarked(e);
        if (marked != null && marked.getProblemMark() != null) {
            Mark mark = marked.getProblemMark();
            Position at = new Position(mark.getLine() + 1, mark.getColumn() + 1);
            String problem = marked.getProblem() == null ? "invalid YAML" : marked.getProblem();
            if (problem.contains("'\\t(TAB)'") || problem.contains("'\\t'")) {
                sink.report(
                        Rule.YAML_TAB,
                        at,
                        "A tab character: YAML indents with spaces only, replace the tab with spaces");
            } else if (problem.contains("exceeds the limit")) {
                sink.report(
                        Rule.YAML_TOO_DEEP, at, "The document nests deeper than " + MAX_DEPTH + " levels: flatten it");
            } else {
                String context = marked.getContext() == null ? "" : " (" + marked.getContext() + ")";
                sink.report(
                        Rule.YAML_SYNTAX,
                        at,
                        "YAML syntax error: " + problem + context
                                + ". Check indentation, colons after keys and closing quotes or brackets here");
            }
            return;
        }
        String message = e.getOriginalMessage();
        Position at = position(e.getLocation() != null ? e.getLocation() : fallback);
        if (message != null && message.toLowerCase(Locale.ROOT).contains("nesting depth")) {
            sink.report(Rule.YAML_TOO_DEEP, at, "The document nests deeper than " + MAX_DEPTH + " levels: flatten it");
        } else {
            sink.report(Rule.YAML_SYNTAX, at, "YAML syntax error: " + message);
        }
    }

    private static MarkedYAMLException findMarked(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof MarkedYAMLException marked) {
                return marked;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return null;
    }

    static Position position(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return Position.START;
        }
        return new Position(location.getLineNr(), Math.max(1, location.getColumnNr()));
    }

    private static Position positionOf(String text, int index) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < index; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new Position(line, column);
    }

    private static LoaderOptions loaderOptions() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(10);
        options.setNestingDepthLimit(MAX_DEPTH);
        options.setCodePointLimit(MAX_BYTES);
        options.setAllowDuplicateKeys(true); // reported by the tree builder, with both positions
        return options;
    }

    /** Walks the parser's tokens into nodes. */
    private static final class TreeBuilder {

        private final YAMLParser parser;
        private final ProblemSink sink;

        TreeBuilder(YAMLParser parser, ProblemSink sink) {
            this.parser = parser;
            this.sink = sink;
        }

        Optional<YamlNode> value(JsonToken token, int depth) throws IOException {
            Position at = position(parser.currentTokenLocation());
            if (depth > MAX_DEPTH) {
                parser.skipChildren();
                sink.report(
                        Rule.YAML_TOO_DEEP, at, "The document nests deeper than " + MAX_DEPTH + " levels: flatten it");
                return Optional.empty();
            }
            if (parser.isCurrentAlias()) {
                sink.report(
                        Rule.YAML_ALIAS,
                        at,
                        "A YAML alias (*" + parser.getText() + "): docstack does not expand"
                                + " aliases, write the value out");
                return Optional.of(new YamlNode.Scalar(at, null, YamlNode.ScalarType.NULL));
            }
            return switch (token) {
                case START_OBJECT -> Optional.of(mapping(at, depth));
                case START_ARRAY -> Optional.of(sequence(at, depth));
                case VALUE_NULL -> Optional.of(new YamlNode.Scalar(at, null, YamlNode.ScalarType.NULL));
                case VALUE_TRUE, VALUE_FALSE -> scalar(at, YamlNode.ScalarType.BOOLEAN);
                case VALUE_NUMBER_INT -> scalar(at, YamlNode.ScalarType.INTEGER);
                case VALUE_NUMBER_FLOAT -> scalar(at, YamlNode.ScalarType.FLOAT);
                default -> scalar(at, YamlNode.ScalarType.STRING);
            };
        }

        private Optional<YamlNode> scalar(Position at, YamlNode.ScalarType type) throws IOException {
            return Optional.of(new YamlNode.Scalar(at, parser.getText(), type));
        }

        private YamlNode mapping(Position at, int depth) throws IOException {
            Map<String, YamlNode.Entry> entries = new LinkedHashMap<>();
            for (JsonToken token = parser.nextToken(); token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
                String key = parser.currentName();
                Position keyAt = position(parser.currentTokenLocation());
                Optional<YamlNode> value = value(parser.nextToken(), depth + 1);
                YamlNode.Entry earlier = entries.get(key);
                if (earlier != null) {
                    sink.report(
                            Rule.YAML_DUPLICATE_KEY,
                            keyAt,
                            "'" + key + "' is set twice (first at line "
                                    + earlier.keyPosition().line() + "): keep one");
                } else {
                    value.ifPresent(node -> entries.put(key, new YamlNode.Entry(key, keyAt, node)));
                }
            }
            return new YamlNode.Mapping(at, entries);
        }

        private YamlNode sequence(Position at, int depth) throws IOException {
            List<YamlNode> items = new ArrayList<>();
            for (JsonToken token = parser.nextToken();
                    token != null && token != JsonToken.END_ARRAY;
                    token = parser.nextToken()) {
                value(token, depth + 1).ifPresent(items::add);
            }
            return new YamlNode.Sequence(at, items);
        }
    }
}
