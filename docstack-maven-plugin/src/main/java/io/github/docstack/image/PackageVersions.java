package io.github.docstack.image;

import io.github.docstack.engine.ContainerSpec;
import io.github.docstack.engine.Engine;
import io.github.docstack.engine.EngineException;
import io.github.docstack.engine.ImageBuild;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The versions of a project's own packages in an image it built, as its manifest's {@code build.versions} command
 * prints them, kept in the label {@link #LABEL}: an image built from a suite that moves every day (Debian sid) says
 * what it holds, and two builds of one tag show what changed between them.
 */
final class PackageVersions {

    /** Lines of "name version", as the command printed them with its blanks made one space. */
    static final String LABEL = "io.github.docstack.versions";

    private static final Duration TIMEOUT = Duration.ofMinutes(1);

    private PackageVersions() {}

    /**
     * Runs {@code command} in a throw-away container of {@code imageId} and returns what it printed, normalised.
     *
     * @throws EngineException also when the command fails, as a failed build step does: e.g. a package it names is
     *                         not installed
     */
    static String read(Engine engine, String image, String imageId, List<String> command) throws EngineException {
        String container =
                engine.run(ContainerSpec.of(imageId).withEntrypoint(List.of()).withCommand(command));
        try {
            int exitCode = engine.waitForExit(container, TIMEOUT);
            List<String> output = engine.lastLogLines(container, 500);
            if (exitCode != 0) {
                throw new EngineException("Building " + image + " failed: its build.versions command, "
                        + String.join(" ", command) + ", exited with " + exitCode
                        + (output.isEmpty() ? "" : " (" + String.join(" | ", last(output, 5)) + ")")
                        + ". Make the manifest's command name what the Dockerfile installs");
            }
            return normalise(output);
        } finally {
            engine.remove(container);
        }
    }

    private static List<String> last(List<String> lines, int count) {
        return lines.subList(Math.max(0, lines.size() - count), lines.size());
    }

    static String normalise(List<String> lines) {
        return lines.stream()
                .map(line -> line.strip().replaceAll("\\s+", " "))
                .filter(line -> !line.isEmpty())
                .collect(Collectors.joining("\n"));
    }

    /**
     * Builds an image of one line, FROM {@code imageId}, that adds {@code labels}, and gives it every tag: labels can
     * only be set by a build, and the versions are known only once the image exists.
     *
     * @return the new image's id
     */
    static String relabel(Engine engine, String imageId, Map<String, String> labels, List<String> tags)
            throws EngineException, IOException {
        Path context = Files.createTempDirectory("docstack-versions-");
        Path archive = Files.createTempFile("docstack-versions-", ".tar");
        try {
            Files.writeString(context.resolve("Dockerfile"), "FROM " + imageId + "\n");
            ContextArchive.write(context, archive);
            return engine.build(new ImageBuild(archive, "Dockerfile", tags, Map.of(), labels, null, false, false));
        } finally {
            Files.deleteIfExists(archive);
            Files.deleteIfExists(context.resolve("Dockerfile"));
            Files.deleteIfExists(context);
        }
    }
}
