package io.github.docstack.dockerfile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each {@code dockerfiles/NAME.Dockerfile} parses to exactly the instructions, stages and errors in
 * {@code NAME.expected}: what Docker reads from it. Set -Ddocstack.corpus.write=true to rewrite the expected
 * files after a deliberate change, then review the diff line by line.
 */
class DockerfileCorpusTest {

    static Stream<Path> corpus() throws IOException, URISyntaxException {
        Path dir =
                Path.of(DockerfileCorpusTest.class.getResource("/dockerfiles").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(path -> path.toString().endsWith(".Dockerfile")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void parsesAsDockerDoes(Path dockerfile) throws IOException {
        String actual = String.join(
                        "\n",
                        describe(DockerfileParser.parse(
                                new String(Files.readAllBytes(dockerfile), StandardCharsets.UTF_8))))
                + "\n";
        Path expectedFile = Path.of(dockerfile.toString().replace(".Dockerfile", ".expected"));
        if (Boolean.getBoolean("docstack.corpus.write")) {
            Path source = Path.of("src/test/resources/dockerfiles").resolve(expectedFile.getFileName());
            Files.writeString(source, actual);
        }
        assertEquals(
                Files.readString(expectedFile), actual, dockerfile.getFileName().toString());
    }

    static List<String> describe(Dockerfile dockerfile) {
        List<String> lines = new ArrayList<>();
        dockerfile.directives().entrySet().stream()
                .sorted(java.util.Map.Entry.comparingByKey())
                .forEach(directive -> lines.add("directive " + directive.getKey() + "=" + directive.getValue()));
        lines.add("escape " + dockerfile.escape());
        for (Instruction instruction : dockerfile.instructions()) {
            lines.add(instruction.describe()
                    + (instruction.ignored().isEmpty()
                            ? ""
                            : " ignore=" + new java.util.TreeSet<>(instruction.ignored())));
        }
        for (Dockerfile.Stage stage : dockerfile.stages()) {
            lines.add("stage " + stage.index() + " base=" + stage.baseImage() + " name=" + stage.name());
        }
        dockerfile.errors().forEach(error -> lines.add("error " + error.line() + " " + error.message()));
        return lines;
    }
}
