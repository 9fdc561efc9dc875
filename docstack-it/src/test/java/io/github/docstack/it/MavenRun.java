package io.github.docstack.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real Maven (the project's wrapper) in a directory, with the docstack plugin this build installed
 * into docstack-it's invoker repository, as a user would. The failsafe configuration passes the paths.
 */
final class MavenRun {

    record Result(int exitCode, String log) {
        boolean succeeded() {
            return exitCode == 0;
        }
    }

    static final String PLUGIN =
            "io.github.docstack:docstack-maven-plugin:" + System.getProperty("docstack.it.pluginVersion");

    private MavenRun() {}

    /** Writes a settings.xml that resolves from the builder's own local repository, plus {@code servers}. */
    static Path settings(Path dir, String servers) throws IOException {
        String mirror = System.getProperty("docstack.it.centralMirror");
        return Files.writeString(dir.resolve("settings.xml"), """
                <settings>
                  <pluginGroups><pluginGroup>io.github.docstack</pluginGroup></pluginGroups>
                  <servers>%s</servers>
                  <profiles><profile><id>it-repo</id>
                    <activation><activeByDefault>true</activeByDefault></activation>
                    <repositories><repository><id>local.central</id><url>%s</url></repository></repositories>
                    <pluginRepositories><pluginRepository><id>local.central</id><url>%s</url></pluginRepository></pluginRepositories>
                  </profile></profiles>
                </settings>
                """.formatted(servers, mirror, mirror));
    }

    /** Starts Maven without waiting for it, its output discarded: for tests that interrupt it. */
    static Process start(Path directory, Path settings, String... arguments) throws IOException {
        return new ProcessBuilder(command(settings, arguments))
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    /** Starts Maven without waiting for it, its output going to {@code log}. */
    static Process start(Path directory, Path settings, Path log, String... arguments) throws IOException {
        return new ProcessBuilder(command(settings, arguments))
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }

    /** Sends SIGTERM to the JVM under the wrapper script and to the script, as Ctrl-C or a CI abort does. */
    static void terminate(Process maven) {
        maven.toHandle().children().forEach(ProcessHandle::destroy);
        maven.destroy();
    }

    private static List<String> command(Path settings, String... arguments) {
        List<String> command = new ArrayList<>(List.of(
                System.getProperty("docstack.it.mvnw"),
                "-B",
                "-s",
                settings.toString(),
                "-Dmaven.repo.local=" + System.getProperty("docstack.it.localRepository")));
        command.addAll(List.of(arguments));
        return command;
    }

    /** Runs Maven with these arguments in {@code directory}; fails unless it finishes within five minutes. */
    static Result run(Path directory, Path settings, String... arguments) throws IOException, InterruptedException {
        return run(Duration.ofMinutes(5), directory, settings, arguments);
    }

    /** As {@link #run(Path, Path, String...)}, within {@code bound}: e.g. a run that builds the sample cloud's images. */
    static Result run(Duration bound, Path directory, Path settings, String... arguments)
            throws IOException, InterruptedException {
        List<String> command = command(settings, arguments);
        Path log = Files.createTempFile("maven-run", ".log");
        Process process = new ProcessBuilder(command)
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        if (!process.waitFor(bound.toMillis(), TimeUnit.MILLISECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly); // mvnw's JVM, not only its shell
            process.destroyForcibly();
            throw new IllegalStateException("Maven did not finish in " + bound + ": " + command);
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        Files.delete(log);
        return new Result(process.exitValue(), output);
    }
}
