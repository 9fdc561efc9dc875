package io.github.docstack.manifest;

import io.github.docstack.dockerfile.DockerIgnore;
import io.github.docstack.dockerfile.Dockerfile;
import io.github.docstack.dockerfile.DockerfileParser;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Validates a project's {@code docstack/} directory: the manifest (YAML, shape, meaning), the Dockerfile (syntax
 * and lint rules) and how the two fit. Needs no Docker. Reports problems; never throws for bad input.
 */
public final class DocstackValidator {

    public static final String MANIFEST_FILE = "docstack.yaml";
    private static final int MAX_DOCKERFILE_BYTES = 1024 * 1024;

    private DocstackValidator() {}

    /**
     * Validates a project's docstack/ directory: its manifest, its Dockerfile, and how the two agree.
     *
     * @param directory    the docstack/ directory
     * @param ignoredRules rule ids not to report (the plugin's {@code ignore} parameter), on top of the manifest's own
     */
    public static ValidationReport validate(Path directory, Collection<String> ignoredRules) {
        Path dir = directory.toAbsolutePath().normalize();
        Path manifestFile = dir.resolve(MANIFEST_FILE);
        ProblemSink manifestSink = new ProblemSink(manifestFile);
        List<Problem> problems = new ArrayList<>();
        if (!Files.isRegularFile(manifestFile)) {
            manifestSink.report(
                    Rule.MANIFEST_MISSING,
                    Position.START,
                    Files.isDirectory(dir)
                            ? "There is no manifest: create " + manifestFile + " (apiVersion: docstack/v1, name: ...)"
                            : "There is no docstack/ directory at " + dir
                                    + ": create it with a Dockerfile and a docstack.yaml,"
                                    + " or point docstack.directory at it");
            return new ValidationReport(dir, null, manifestSink.problems());
        }
        byte[] manifestBytes = read(manifestFile, YamlReader.MAX_BYTES, manifestSink);
        Optional<YamlNode> root =
                manifestBytes == null ? Optional.empty() : YamlReader.read(manifestBytes, manifestSink);
        Manifest manifest = null;
        ProblemSink dockerfileSink = null;
        if (root.isPresent()) {
            new ShapeChecker(manifestSink, "the manifest").check(root.get(), ManifestShape.manifest(), "");
            ManifestChecks.check(root.get(), manifestSink);
            manifest = ManifestBinder.bind(root.get());
            dockerfileSink = checkDockerfile(dir, root.get(), manifest, manifestSink);
        }
        problems.addAll(manifestSink.problems());
        if (dockerfileSink != null) {
            problems.addAll(dockerfileSink.problems());
        }
        Set<String> ignored = new HashSet<>(ignoredRules);
        if (manifest != null) {
            ignored.addAll(manifest.ignore());
        }
        List<Problem> reported = problems.stream()
                .filter(problem -> !problem.rule().suppressible()
                        || !ignored.contains(problem.rule().id()))
                .sorted(Comparator.comparing((Problem problem) -> problem.file().toString())
                        .thenComparing(Problem::position))
                .toList();
        return new ValidationReport(
                dir,
                manifest,
                manifestBytes == null ? null : new String(manifestBytes, StandardCharsets.UTF_8),
                reported);
    }

    private static ProblemSink checkDockerfile(Path dir, YamlNode root, Manifest manifest, ProblemSink manifestSink) {
        Path dockerfilePath = resolve(dir, manifest.build().dockerfile());
        ProblemSink sink = new ProblemSink(dockerfilePath == null ? dir.resolve("Dockerfile") : dockerfilePath);
        if (dockerfilePath == null || !Files.isRegularFile(dockerfilePath)) {
            sink.report(
                    Rule.DOCKERFILE_MISSING,
                    Position.START,
                    "There is no Dockerfile at " + dir + "/" + manifest.build().dockerfile()
                            + ": create it (FROM debian:bookworm-slim ...), or set build.dockerfile in the manifest");
            return sink;
        }
        byte[] bytes = read(dockerfilePath, MAX_DOCKERFILE_BYTES, sink);
        if (bytes == null) {
            return sink;
        }
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            sink.report(Rule.FILE_ENCODING, Position.START, "The Dockerfile is not UTF-8 text: save it as UTF-8");
            return sink;
        }
        if (text.indexOf('\0') >= 0) {
            sink.report(
                    Rule.FILE_ENCODING,
                    Position.START,
                    "The Dockerfile holds a NUL character, so it is not a text" + " file: save it as UTF-8 text");
            return sink;
        }
        if (text.isBlank()) {
            sink.report(
                    Rule.FILE_EMPTY,
                    Position.START,
                    "The Dockerfile is empty: start it with FROM debian:bookworm-slim");
            return sink;
        }
        Dockerfile dockerfile = DockerfileParser.parse(text);
        Path context = resolve(dir, manifest.build().context());
        DockerIgnore ignore = DockerIgnore.NONE;
        if (context == null || !Files.isDirectory(context)) {
            manifestSink.report(
                    Rule.BUILD_CONTEXT_MISSING,
                    Position.START,
                    "The build context " + dir + "/" + manifest.build().context()
                            + " is not a directory: fix build.context (relative to " + dir + ")");
            context = null;
        } else {
            Path repository = repositoryRoot(dir);
            if (repository != null && !context.startsWith(repository)) {
                YamlNode contextNode =
                        root instanceof YamlNode.Mapping top && top.get("build") instanceof YamlNode.Mapping build
                                ? build.get("context")
                                : null;
                manifestSink.report(
                        Rule.CONTEXT_OUTSIDE_REPOSITORY,
                        contextNode == null ? Position.START : contextNode.position(),
                        "The build context " + context + " lies outside the repository " + repository
                                + ", and a build sends"
                                + " all of it to the engine: keep build.context inside the repository, or add "
                                + Rule.CONTEXT_OUTSIDE_REPOSITORY.id() + " to ignore: when that is meant");
            }
            try {
                ignore = DockerIgnore.of(context);
            } catch (IOException e) {
                manifestSink.report(
                        Rule.FILE_ENCODING,
                        Position.START,
                        "The .dockerignore in " + context + " could not be read (" + e.getMessage()
                                + "): save it as UTF-8 text");
            }
        }
        DockerfileLint.lint(dockerfile, sink, context, ignore);
        ImageChecks.check(root, manifest, dockerfile, manifestSink, sink);
        return sink;
    }

    /** The nearest directory from {@code dir} upwards that holds a {@code .git}, or null outside any repository. */
    private static Path repositoryRoot(Path dir) {
        for (Path candidate = dir; candidate != null; candidate = candidate.getParent()) {
            if (Files.exists(candidate.resolve(".git"))) {
                return candidate;
            }
        }
        return null;
    }

    /** {@code relative} resolved against {@code dir}, or null when it cannot be a path (a NUL in it, say). */
    private static Path resolve(Path dir, String relative) {
        try {
            return dir.resolve(relative).normalize();
        } catch (java.nio.file.InvalidPathException e) {
            return null;
        }
    }

    /** The file's bytes, or null (reported) when it is larger than {@code limit} or cannot be read. */
    private static byte[] read(Path file, int limit, ProblemSink sink) {
        try {
            long size = Files.size(file);
            if (size > limit) {
                sink.report(
                        Rule.FILE_TOO_LARGE,
                        Position.START,
                        file.getFileName() + " has " + size + " bytes, more than" + " the " + limit
                                + " docstack reads: keep large content in files the Dockerfile copies");
                return null;
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            sink.report(
                    Rule.FILE_ENCODING,
                    Position.START,
                    file + " could not be read (" + e.getMessage() + "): check its permissions");
            return null;
        }
    }
}
