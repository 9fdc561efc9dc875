package io.github.docstack.bench;

import io.github.docstack.it.TestResources;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Wall time as the user feels it: each command run as a process from the command line, the way a person types it
 * ({@code mvn docstack:up}, with the plugin prefix from settings.xml), side by side with its baseline in the same
 * run: Maven doing nothing ({@code mvn -v}) and docker-compose 1.29 on the Compose file docstack exports for the
 * same stack (the demo stack: three services, a provision step and an init step). Needs the plugin installed
 * ({@code ./mvnw install -DskipTests}). {@code -Ddocstack.bench.rounds=N} rounds per command (default 3).
 */
public final class KeystrokeBenchmark {

    static final String JVM_CONFIG = "-XX:TieredStopAtLevel=1";
    /** The class-data archive the docs show how to make: Maven's and docstack's classes, ready to map. */
    static final String CLASS_ARCHIVE = ".mvn/classes.jsa";

    private final Path work;
    private final Path mvnw;
    private final Path settings;
    private final Map<String, Rounds> timings = new LinkedHashMap<>();

    private KeystrokeBenchmark(Path work) throws Exception {
        this.work = work;
        this.mvnw = Path.of(System.getProperty("maven.multiModuleProjectDirectory", ".."), "mvnw")
                .toAbsolutePath();
        this.settings = Files.writeString(
                work.resolve("settings.xml"),
                "<settings><pluginGroups><pluginGroup>io.github.docstack</pluginGroup></pluginGroups></settings>\n");
        jvmConfig(JVM_CONFIG);
    }

    /**
     * As the docs advise: Maven's JVM compiles with C1 alone, which a command of seconds gains from; and, where a
     * line says so, maps its classes from an archive. No lines: no .mvn/jvm.config.
     */
    private void jvmConfig(String... lines) throws Exception {
        Path config = work.resolve(".mvn/jvm.config");
        if (lines.length > 0) {
            Files.createDirectories(config.getParent());
            Files.writeString(config, String.join("\n", lines) + "\n");
        } else {
            Files.deleteIfExists(config);
        }
    }

    public static void main(String[] args) throws Exception {
        Path work = Files.createTempDirectory("keystroke-bench");
        TestResources.copy("/stacks/demo", work);
        new KeystrokeBenchmark(work).run();
    }

    private void run() throws Exception {
        int rounds = Rounds.COUNT;
        List<String> compose = List.of(
                "docker-compose", "-p", "keystrokebench", "-f", composeFile().toString());
        try {
            for (int round = 0; round < rounds; round++) {
                time("mvn -v", mvn("-v"));
                time("mvn docstack:help", mvn("docstack:help"));
                time(
                        "mvn docstack:validate, one directory",
                        mvn("docstack:validate", "-Ddocstack.directory=webapp/docstack"));
            }
            time("mvn docstack:up, first (builds the images)", mvn("docstack:up"));
            run(mvn("docstack:compose"));
            // The archive, made once as the docs show: the classes a no-op up loads.
            run(mvn("docstack:up"), Map.of("MAVEN_OPTS", "-XX:ArchiveClassesAtExit=" + CLASS_ARCHIVE));
            run(mvn("docstack:down"));
            // Each side with only its own stack up, as a user has it: the other stack's containers would run their
            // checks beside it (six every 2 s), and docstack's JVM, which computes where compose mostly waits,
            // would pay more for that than compose does. The rounds still alternate, so both see the same machine.
            for (int round = 0; round < rounds; round++) {
                time("mvn docstack:up, from nothing (images built)", mvn("docstack:up"));
                time("mvn docstack:up, nothing changed", mvn("docstack:up"));
                time("mvn docstack:status", mvn("docstack:status"));
                jvmConfig();
                time("mvn docstack:up, nothing changed, without .mvn/jvm.config", mvn("docstack:up"));
                jvmConfig(JVM_CONFIG, "-XX:SharedArchiveFile=" + CLASS_ARCHIVE);
                time("mvn docstack:up, nothing changed, with the class-data archive", mvn("docstack:up"));
                jvmConfig(JVM_CONFIG);
                time("mvn docstack:down", mvn("docstack:down"));
                time("docker-compose up -d, from nothing", with(compose, "up", "-d"));
                time("docker-compose up -d, nothing changed", with(compose, "up", "-d"));
                time("docker-compose ps", with(compose, "ps"));
                time("docker-compose down", with(compose, "down"));
            }
        } finally {
            // Compose first: docstack's down -Ddocstack.removeVolumes removes .docstack/demo/, the Compose file with
            // it.
            if (Files.exists(composeFile())) {
                run(with(compose, "down", "-v"));
            }
            run(mvn("docstack:down", "-Ddocstack.removeVolumes"));
        }
        System.out.println("[keystroke-bench] wall time from the command line, " + rounds + " rounds, on "
                + Runtime.getRuntime().availableProcessors() + " cores; Maven with .mvn/jvm.config " + JVM_CONFIG
                + " unless said:");
        timings.forEach(
                (command, seconds) -> System.out.printf("[keystroke-bench]   %-60s %s%n", command, seconds.describe()));
        ratio("mvn docstack:up, nothing changed", "docker-compose up -d, nothing changed");
        ratio("mvn docstack:up, nothing changed, with the class-data archive", "docker-compose up -d, nothing changed");
        ratio("mvn docstack:up, from nothing (images built)", "docker-compose up -d, from nothing");
        // The floor under every goal: Maven started and the plugin loaded, before docstack does anything. Where it
        // alone is above docker-compose's no-op, no work docstack leaves out brings a no-op up below it.
        ratio("mvn docstack:help", "docker-compose up -d, nothing changed");
    }

    private void ratio(String docstack, String compose) {
        System.out.printf(
                "[keystroke-bench]   %s against %s: %.2f (median against median)%n",
                docstack,
                compose,
                timings.get(docstack).median() / timings.get(compose).median());
    }

    private Path composeFile() {
        return work.resolve(".docstack/demo/compose.yaml");
    }

    private List<String> mvn(String... arguments) {
        List<String> command = new ArrayList<>(List.of(mvnw.toString(), "-B", "-o", "-s", settings.toString()));
        command.addAll(List.of(arguments));
        return command;
    }

    private static List<String> with(List<String> base, String... more) {
        List<String> command = new ArrayList<>(base);
        command.addAll(List.of(more));
        return command;
    }

    private void time(String what, List<String> command) throws Exception {
        long start = System.nanoTime();
        run(command);
        timings.computeIfAbsent(what, key -> new Rounds()).add((System.nanoTime() - start) / 1e9);
    }

    private void run(List<String> command) throws Exception {
        run(command, Map.of());
    }

    private void run(List<String> command, Map<String, String> environment) throws Exception {
        Path log = work.resolve("command.log");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(work.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + Files.readString(log));
        }
    }
}
