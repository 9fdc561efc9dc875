package io.github.docstack.manifest;

import io.github.docstack.dockerfile.DockerIgnore;
import io.github.docstack.dockerfile.Dockerfile;
import io.github.docstack.dockerfile.Instruction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The Dockerfile's lint rules, and the checks between it and the manifest. */
final class DockerfileLint {

    static final List<String> INSTRUCTIONS = List.of(
            "ADD",
            "ARG",
            "CMD",
            "COPY",
            "ENTRYPOINT",
            "ENV",
            "EXPOSE",
            "FROM",
            "HEALTHCHECK",
            "LABEL",
            "MAINTAINER",
            "ONBUILD",
            "RUN",
            "SHELL",
            "STOPSIGNAL",
            "USER",
            "VOLUME",
            "WORKDIR");
    private static final Pattern SECRET_NAME =
            Pattern.compile("(?i).*(password|passwd|secret|token|api_?key|private_?key|credential).*");
    private static final Map<String, Set<String>> BUILDKIT_FLAGS = Map.of(
            "RUN", Set.of("mount", "network", "security"),
            "COPY", Set.of("link", "chmod", "parents", "exclude"),
            "ADD", Set.of("link", "chmod", "checksum", "keep-git-dir", "exclude"));

    private final Dockerfile dockerfile;
    private final ProblemSink sink;
    private final Path context;
    private final DockerIgnore ignore;
    private List<String> contextFiles;

    private DockerfileLint(Dockerfile dockerfile, ProblemSink sink, Path context, DockerIgnore ignore) {
        this.dockerfile = dockerfile;
        this.sink = sink;
        this.context = context;
        this.ignore = ignore;
    }

    /**
     * Lints {@code dockerfile}. {@code context} is null when the build context does not exist (then sources
     * are not checked).
     */
    static void lint(Dockerfile dockerfile, ProblemSink sink, Path context, DockerIgnore ignore) {
        new DockerfileLint(dockerfile, sink, context, ignore).run();
    }

    private void run() {
        dockerfile
                .errors()
                .forEach(error -> sink.report(Rule.DOCKERFILE_SYNTAX, new Position(error.line(), 1), error.message()));
        List<Dockerfile.Stage> stages = dockerfile.stages();
        checkFrom();
        List<String> stageNames = new ArrayList<>();
        int stage = -1;
        for (Instruction instruction : dockerfile.instructions()) {
            String keyword = instruction.keyword();
            if (!INSTRUCTIONS.contains(keyword)) {
                report(
                        instruction,
                        Rule.UNKNOWN_INSTRUCTION,
                        "Unknown instruction '" + keyword + "'"
                                + ShapeChecker.closest(keyword, INSTRUCTIONS)
                                        .map(known -> ": did you mean " + known + "?")
                                        .orElse(": see the Dockerfile reference for the instructions Docker knows"));
                continue;
            }
            switch (keyword) {
                case "FROM" -> {
                    stage++;
                    if (stage < stages.size()) {
                        checkBaseImage(stages.get(stage), stageNames);
                        if (stages.get(stage).name() != null) {
                            stageNames.add(stages.get(stage).name().toLowerCase(Locale.ROOT));
                        }
                    }
                }
                case "COPY", "ADD" -> checkCopy(instruction, stageNames, stage);
                case "ENV", "ARG" -> checkSecretNames(instruction);
                default -> {}
            }
            checkBuildkitOnly(instruction);
        }
    }

    private void checkFrom() {
        for (Instruction instruction : dockerfile.instructions()) {
            if (instruction.keyword().equals("FROM")) {
                return;
            }
            if (!instruction.keyword().equals("ARG") && INSTRUCTIONS.contains(instruction.keyword())) {
                report(
                        instruction,
                        Rule.NO_FROM,
                        instruction.keyword() + " comes before any FROM: start the build"
                                + " stage with FROM, e.g. FROM debian:bookworm-slim (only ARG may come first)");
                return;
            }
        }
        sink.report(
                Rule.NO_FROM,
                Position.START,
                "The Dockerfile has no FROM: start it with the base image, e.g." + " FROM debian:bookworm-slim");
    }

    private void checkBaseImage(Dockerfile.Stage stage, List<String> earlierStages) {
        String image = stage.baseImage();
        if (image.isEmpty()
                || image.equals("scratch")
                || image.contains("@")
                || earlierStages.contains(image.toLowerCase(Locale.ROOT))) {
            return;
        }
        String lastPart = image.substring(image.lastIndexOf('/') + 1);
        int colon = lastPart.indexOf(':');
        if (colon < 0) {
            report(
                    stage.from(),
                    Rule.BASE_IMAGE_UNPINNED,
                    "The base image " + image + " has no tag, so it means"
                            + " :latest and changes under you: name a tag, e.g. " + image
                            + ":bookworm-slim or a release");
        } else if (lastPart.substring(colon + 1).equals("latest")) {
            report(
                    stage.from(),
                    Rule.BASE_IMAGE_UNPINNED,
                    "The base image " + image + " uses :latest, which changes"
                            + " under you: name a release tag instead");
        }
    }

    private void checkCopy(Instruction instruction, List<String> stageNames, int stage) {
        String from = instruction.flag("from");
        if (from != null) {
            checkStageReference(instruction, from, stageNames, stage);
            return;
        }
        if (!instruction.heredocs().isEmpty()) {
            return;
        }
        List<String> arguments = instruction.arguments();
        if (arguments.size() < 2) {
            report(
                    instruction,
                    Rule.DOCKERFILE_SYNTAX,
                    instruction.keyword() + " needs a source and a destination," + " e.g. " + instruction.keyword()
                            + " docstack/entrypoint.sh /usr/local/bin/");
            return;
        }
        for (String source : arguments.subList(0, arguments.size() - 1)) {
            checkSource(instruction, instruction.execForm() ? source : stripQuotes(source));
        }
    }

    private void checkStageReference(Instruction instruction, String from, List<String> stageNames, int stage) {
        if (from.chars().allMatch(Character::isDigit) && !from.isEmpty()) {
            if (Integer.parseInt(from) >= stage) {
                report(
                        instruction,
                        Rule.UNKNOWN_STAGE,
                        "--from=" + from + " names stage " + from + ", but only stages" + " 0 to " + (stage - 1)
                                + " come before it: use an earlier stage");
            }
            return;
        }
        boolean imageLike = from.contains(":") || from.contains("/") || from.contains("@") || from.contains("$");
        if (!imageLike && !stageNames.contains(from.toLowerCase(Locale.ROOT))) {
            report(
                    instruction,
                    Rule.UNKNOWN_STAGE,
                    "--from=" + from + " names no earlier stage"
                            + ShapeChecker.closest(from, stageNames)
                                    .map(name -> ": did you mean '" + name + "'?")
                                    .orElse(
                                            stageNames.isEmpty()
                                                    ? ": name a stage with FROM ... AS " + from
                                                    : ": the stages are " + String.join(", ", stageNames))
                            + " (to copy from an image, give it with its tag)");
        }
    }

    private void checkSource(Instruction instruction, String source) {
        String lower = source.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            if (instruction.keyword().equals("ADD")) {
                report(
                        instruction,
                        Rule.ADD_URL,
                        "ADD of a URL downloads at every build without a checksum: download"
                                + " it in a RUN step with curl and check its sha256, or keep the file in the repository");
            }
            return;
        }
        if (context == null || source.contains("$") || lower.startsWith("git@")) {
            return;
        }
        String relative = cleanRelative(source);
        if (relative.equals("..") || relative.startsWith("../")) {
            report(
                    instruction,
                    Rule.COPY_SOURCE_OUTSIDE_CONTEXT,
                    source + " is outside the build context " + context
                            + ": Docker cannot send it; move the file into the context or widen build.context in the manifest");
            return;
        }
        if (relative.equals(".")) {
            return;
        }
        if (relative.matches(".*[*?\\[].*")) {
            List<String> matches = contextFiles().stream()
                    .filter(file -> DockerIgnore.globMatches(relative, file))
                    .toList();
            if (matches.isEmpty()) {
                report(
                        instruction,
                        Rule.COPY_SOURCE_MISSING,
                        source + " matches no file in the build context " + context
                                + ": fix the pattern or add the files");
            } else if (matches.stream().allMatch(ignore::excludes)) {
                report(
                        instruction,
                        Rule.COPY_SOURCE_IGNORED,
                        source + " matches only files that .dockerignore"
                                + " excludes, so the build does not see them: add an exception (!" + relative
                                + ") to .dockerignore");
            }
            return;
        }
        Path path = context.resolve(relative);
        if (!Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            report(
                    instruction,
                    Rule.COPY_SOURCE_MISSING,
                    source + " does not exist in the build context " + context
                            + nearestSibling(path)
                                    .map(name -> ": did you mean " + name + "?")
                                    .orElse(": fix the path or add the file"));
        } else if (ignore.excludes(relative)) {
            report(
                    instruction,
                    Rule.COPY_SOURCE_IGNORED,
                    source + " is excluded by .dockerignore, so the build does" + " not see it: add an exception (!"
                            + relative + ") to .dockerignore");
        }
    }

    private java.util.Optional<String> nearestSibling(Path path) {
        Path parent = path.getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            return java.util.Optional.empty();
        }
        try (Stream<Path> siblings = Files.list(parent)) {
            List<String> names =
                    siblings.map(sibling -> sibling.getFileName().toString()).toList();
            String wanted = path.getFileName().toString();
            return ShapeChecker.closest(wanted, names)
                    .map(name ->
                            context.relativize(parent.resolve(name)).toString().replace('\\', '/'));
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }

    private List<String> contextFiles() {
        if (contextFiles == null) {
            try (Stream<Path> walk = Files.walk(context)) {
                contextFiles = walk.filter(path -> !path.equals(context))
                        .map(path -> context.relativize(path).toString().replace('\\', '/'))
                        .toList();
            } catch (IOException | java.io.UncheckedIOException e) {
                contextFiles = List.of();
            }
        }
        return contextFiles;
    }

    private void checkSecretNames(Instruction instruction) {
        for (String name : dockerfile.keyValues(instruction).keySet()) {
            if (SECRET_NAME.matcher(name).matches()) {
                report(
                        instruction,
                        Rule.SECRET_IN_ENV,
                        instruction.keyword() + " " + name + " looks like a secret:"
                                + " values of " + instruction.keyword()
                                + " stay in the image for anyone who pulls it; let docstack"
                                + " hand secrets in at run time (requires/provides exports)");
            }
        }
    }

    private void checkBuildkitOnly(Instruction instruction) {
        if (!instruction.heredocs().isEmpty()) {
            report(
                    instruction,
                    Rule.NEEDS_BUILDKIT,
                    "Here-documents need BuildKit, and docstack builds with the engine's"
                            + " classic builder: put the text in a file and COPY it, or use RUN with && between commands");
        }
        Set<String> buildkitFlags = BUILDKIT_FLAGS.getOrDefault(instruction.keyword(), Set.of());
        for (Instruction.Flag flag : instruction.flags()) {
            if (buildkitFlags.contains(flag.name())) {
                report(
                        instruction,
                        Rule.NEEDS_BUILDKIT,
                        flag + " needs BuildKit, and docstack builds with the engine's"
                                + " classic builder: drop the flag"
                                + (flag.name().equals("chmod") ? " and RUN chmod instead" : ""));
            }
        }
    }

    private void report(Instruction instruction, Rule rule, String message) {
        if (!instruction.ignored().contains(rule.id()) || !rule.suppressible()) {
            sink.report(rule, new Position(instruction.line(), 1), message);
        }
    }

    private static String stripQuotes(String word) {
        if (word.length() >= 2
                && ((word.startsWith("\"") && word.endsWith("\"")) || (word.startsWith("'") && word.endsWith("'")))) {
            return word.substring(1, word.length() - 1);
        }
        return word;
    }

    // Docker reads a source's leading '/' as the context root.
    private static String cleanRelative(String source) {
        return DockerIgnore.clean(source.replace('\\', '/').replaceFirst("^/+", ""));
    }
}
