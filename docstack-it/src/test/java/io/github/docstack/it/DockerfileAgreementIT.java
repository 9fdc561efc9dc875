package io.github.docstack.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.docstack.dockerfile.Dockerfile;
import io.github.docstack.dockerfile.DockerfileParser;
import io.github.docstack.dockerfile.Instruction;
import io.github.docstack.engine.EngineException;
import io.github.docstack.engine.EngineLog;
import io.github.docstack.engine.ImageBuild;
import io.github.docstack.engine.ImageDetails;
import io.github.docstack.image.ContextArchive;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * docstack's Dockerfile parser agrees with the real engine: for each Dockerfile in {@code agreement/}, the
 * classic builder's "Step N/M : ..." lines are the parser's instructions, and the built image's command,
 * entrypoint, environment, labels, ports, user, working directory and healthcheck are what the parser says
 * the instructions mean.
 */
class DockerfileAgreementIT {

    @RegisterExtension
    static final RealEngine REAL = new RealEngine();

    @TempDir
    Path context;

    static Stream<Path> dockerfiles() throws IOException, URISyntaxException {
        Path dir = Path.of(DockerfileAgreementIT.class.getResource("/agreement").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(path -> path.toString().endsWith(".Dockerfile")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dockerfiles")
    void parserReadsWhatDockerBuilds(Path dockerfile) throws IOException, EngineException {
        String text = Files.readString(dockerfile);
        Dockerfile parsed = DockerfileParser.parse(text);
        Files.writeString(context.resolve("Dockerfile"), text);
        Path archive = Files.createTempFile("agreement", ".tar");
        ContextArchive.write(context, archive);
        String image = "docstack-it/agreement:" + UUID.randomUUID().toString().substring(0, 8);
        REAL.removeImageAfterAll(image);
        List<String> steps = new ArrayList<>();
        EngineLog stepLog = new EngineLog() {
            @Override
            public void info(String message) {
                if (message.startsWith("Step ")) {
                    steps.add(message.substring(message.indexOf(" : ") + 3));
                }
            }

            @Override
            public void warn(String message) {}

            @Override
            public void debug(String message) {}
        };
        try (var engine = io.github.docstack.engine.Engine.connect(REAL.engine().address(), stepLog)) {
            engine.build(ImageBuild.of(archive, "Dockerfile", image));
        } finally {
            Files.delete(archive);
        }

        List<String> originals =
                parsed.instructions().stream().map(Instruction::original).toList();
        assertEquals(originals, steps, "the builder's steps");

        ImageDetails details = REAL.engine().inspectImage(image);
        Expected expected = Expected.of(parsed);
        assertEquals(expected.cmd, details.cmd(), "Cmd");
        assertEquals(expected.entrypoint, details.entrypoint(), "Entrypoint");
        assertEquals(expected.healthcheck, details.healthcheck(), "Healthcheck");
        assertEquals(expected.user, details.user(), "User");
        assertEquals(expected.workingDir, details.workingDir(), "WorkingDir");
        assertEquals(expected.ports, new java.util.TreeSet<>(details.exposedPorts()), "ExposedPorts");
        assertEquals(expected.labels, details.labels(), "Labels");
        Map<String, String> env = new TreeMap<>();
        details.env()
                .forEach(entry ->
                        env.put(entry.substring(0, entry.indexOf('=')), entry.substring(entry.indexOf('=') + 1)));
        env.remove("PATH");
        assertEquals(expected.env, env, "Env");
    }

    /** What the parser says the final stage's image configuration is. */
    private static final class Expected {
        List<String> cmd = List.of("bash");
        List<String> entrypoint = List.of();
        List<String> healthcheck = List.of();
        String user = "";
        String workingDir = "";
        java.util.SortedSet<String> ports = new java.util.TreeSet<>();
        Map<String, String> labels = new TreeMap<>();
        Map<String, String> env = new TreeMap<>();

        static Expected of(Dockerfile dockerfile) {
            Expected expected = new Expected();
            List<String> shell = List.of("/bin/sh", "-c");
            for (Instruction instruction : dockerfile.instructions()) {
                switch (instruction.keyword()) {
                    case "FROM" -> {
                        expected = new Expected();
                        shell = List.of("/bin/sh", "-c");
                    }
                    case "SHELL" -> shell = instruction.arguments();
                    case "CMD" -> expected.cmd = command(instruction, shell);
                    case "ENTRYPOINT" -> {
                        expected.entrypoint = command(instruction, shell);
                        expected.cmd = List.of(); // Docker resets CMD when ENTRYPOINT is set
                    }
                    case "HEALTHCHECK" -> {
                        List<String> arguments = instruction.arguments();
                        List<String> test = new ArrayList<>();
                        test.add(instruction.execForm() ? "CMD" : "CMD-SHELL");
                        test.addAll(arguments.subList(1, arguments.size()));
                        expected.healthcheck = arguments.get(0).equals("NONE") ? List.of("NONE") : test;
                    }
                    case "USER" -> expected.user = instruction.arguments().get(0);
                    case "WORKDIR" ->
                        expected.workingDir = instruction.arguments().get(0);
                    case "EXPOSE" -> {
                        for (String port : instruction.arguments()) {
                            expected.ports.add(port.contains("/") ? port : port + "/tcp");
                        }
                    }
                    case "LABEL" -> expected.labels.putAll(dockerfile.keyValues(instruction));
                    case "ENV" -> expected.env.putAll(dockerfile.keyValues(instruction));
                    default -> {}
                }
            }
            return expected;
        }

        private static List<String> command(Instruction instruction, List<String> shell) {
            if (instruction.execForm()) {
                return instruction.arguments();
            }
            List<String> command = new ArrayList<>(shell);
            command.addAll(instruction.arguments());
            return command;
        }
    }
}
