package io.github.docstack.stack;

import io.github.docstack.manifest.Position;
import io.github.docstack.manifest.ProblemSink;
import io.github.docstack.manifest.Rule;
import io.github.docstack.manifest.ShapeChecker;
import io.github.docstack.manifest.ValidationReport;
import io.github.docstack.manifest.YamlNode;
import io.github.docstack.manifest.YamlReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads and checks a stack file with the same problem quality as a manifest: rule, line, column, and the fix. */
public final class StackLoader {

    private static final Pattern STACK_NAME = Pattern.compile("[a-z0-9]([a-z0-9-]{0,30}[a-z0-9])?");
    private static final Pattern PROJECT_NAME = Pattern.compile("[a-z0-9]+((\\.|_|__|-+)[a-z0-9]+)*");

    /** The problems found, and the stack when there is no error. */
    public record Result(ValidationReport report, Stack stack) {}

    private StackLoader() {}

    public static Result load(Path file) {
        Path stackFile = file.toAbsolutePath().normalize();
        ProblemSink sink = new ProblemSink(stackFile);
        if (!Files.isRegularFile(stackFile)) {
            sink.report(
                    Rule.MANIFEST_MISSING,
                    Position.START,
                    "There is no stack file " + stackFile + ": write one"
                            + " (apiVersion: docstack/v1, kind: Stack, name: ..., projects: [...]) or point docstack.stack at it");
            return new Result(new ValidationReport(stackFile.getParent(), null, sink.problems()), null);
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(stackFile);
        } catch (IOException e) {
            sink.report(Rule.FILE_ENCODING, Position.START, stackFile + " could not be read: " + e.getMessage());
            return new Result(new ValidationReport(stackFile.getParent(), null, sink.problems()), null);
        }
        Optional<YamlNode> root = YamlReader.read(bytes, sink);
        Stack stack = null;
        if (root.isPresent()) {
            new ShapeChecker(sink, "the stack file").check(root.get(), StackShape.stack(), "");
            stack = check(root.get(), stackFile, sink);
        }
        List<io.github.docstack.manifest.Problem> problems = new ArrayList<>(sink.problems());
        problems.sort(java.util.Comparator.comparing(io.github.docstack.manifest.Problem::position));
        ValidationReport report = new ValidationReport(stackFile.getParent(), null, problems);
        return new Result(report, report.hasErrors() ? null : stack);
    }

    private static Stack check(YamlNode root, Path file, ProblemSink sink) {
        if (!(root instanceof YamlNode.Mapping top)) {
            return null;
        }
        text(top.get("kind"))
                .filter(kind -> !"Stack".equals(kind.text()))
                .ifPresent(kind -> sink.report(
                        Rule.API_VERSION,
                        kind.position(),
                        "kind '" + kind.text() + "' is not Stack: write kind: Stack"));
        text(top.get("apiVersion"))
                .filter(v -> !"docstack/v1".equals(v.text()))
                .ifPresent(v -> sink.report(
                        Rule.API_VERSION,
                        v.position(),
                        "apiVersion '" + v.text() + "' is not one docstack knows: write apiVersion: docstack/v1"));
        Optional<YamlNode.Scalar> name = text(top.get("name"));
        name.filter(v -> !STACK_NAME.matcher(v.text()).matches())
                .ifPresent(
                        v -> sink.report(
                                Rule.INVALID_NAME,
                                v.position(),
                                "Stack name '" + v.text() + "' must be lowercase letters, digits"
                                        + " and '-', at most 32, as it prefixes container, network and volume names: e.g. devcloud"));
        List<Stack.Project> projects = new ArrayList<>();
        Map<String, Position> seen = new HashMap<>();
        if (top.get("projects") instanceof YamlNode.Sequence list) {
            if (list.items().isEmpty()) {
                sink.report(Rule.MISSING_KEY, list.position(), "The stack lists no projects: add some, e.g. - mariadb");
            }
            for (YamlNode item : list.items()) {
                YamlNode.Scalar projectName = item instanceof YamlNode.Mapping m
                        ? text(m.get("name")).orElse(null)
                        : text(item).orElse(null);
                if (projectName == null) {
                    continue;
                }
                if (!PROJECT_NAME.matcher(projectName.text()).matches()) {
                    sink.report(
                            Rule.INVALID_NAME,
                            projectName.position(),
                            "'" + projectName.text() + "' is not an image"
                                    + " name: use lowercase letters, digits and separators (. _ -)");
                }
                Position first = seen.putIfAbsent(projectName.text(), projectName.position());
                if (first != null) {
                    sink.report(
                            Rule.DUPLICATE_PROJECT,
                            projectName.position(),
                            "Project '" + projectName.text() + "' is listed twice (first at line " + first.line()
                                    + "): keep one");
                }
                Path path = null;
                String image = null;
                String release = null;
                List<String> profiles = List.of();
                String node = null;
                if (item instanceof YamlNode.Mapping mapping) {
                    Optional<YamlNode.Scalar> pathNode = text(mapping.get("path"));
                    if (pathNode.isPresent()) {
                        path = file.getParent().resolve(pathNode.get().text()).normalize();
                        if (!Files.isDirectory(path.resolve("docstack"))) {
                            sink.report(
                                    Rule.BUILD_CONTEXT_MISSING,
                                    pathNode.get().position(),
                                    "There is no docstack/" + " directory in " + path
                                            + ": point path at a project checkout that has one");
                        }
                    }
                    image = text(mapping.get("image"))
                            .map(YamlNode.Scalar::text)
                            .orElse(null);
                    release = text(mapping.get("release"))
                            .map(YamlNode.Scalar::text)
                            .orElse(null);
                    profiles = texts(mapping.get("profiles"));
                    node = text(mapping.get("node")).map(YamlNode.Scalar::text).orElse(null);
                }
                projects.add(new Stack.Project(projectName.text(), path, image, release, profiles, node));
            }
        }
        return new Stack(
                file,
                name.map(YamlNode.Scalar::text).orElse(null),
                text(top.get("registry")).map(YamlNode.Scalar::text).orElse(null),
                text(top.get("release")).map(YamlNode.Scalar::text).orElse("latest"),
                projects,
                texts(top.get("profiles")));
    }

    private static List<String> texts(YamlNode node) {
        return node instanceof YamlNode.Sequence list
                ? list.items().stream()
                        .map(StackLoader::text)
                        .flatMap(Optional::stream)
                        .map(YamlNode.Scalar::text)
                        .toList()
                : List.of();
    }

    private static Optional<YamlNode.Scalar> text(YamlNode node) {
        return node instanceof YamlNode.Scalar scalar && scalar.text() != null ? Optional.of(scalar) : Optional.empty();
    }
}
