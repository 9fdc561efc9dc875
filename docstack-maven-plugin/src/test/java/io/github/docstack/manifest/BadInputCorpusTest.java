package io.github.docstack.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every malformed manifest in {@code bad-manifests/} (listed with its rule and position in expected.tsv) is
 * reported with that rule at that place, quickly, without an exception.
 */
class BadInputCorpusTest {

    @TempDir
    Path project;

    static Stream<Arguments> corpus() throws IOException, URISyntaxException {
        Path dir =
                Path.of(BadInputCorpusTest.class.getResource("/bad-manifests").toURI());
        return Files.readAllLines(dir.resolve("expected.tsv")).stream()
                .filter(line -> !line.startsWith("#") && !line.isBlank())
                .map(line -> line.split("\t"))
                .map(cells -> Arguments.of(cells[0], dir.resolve(cells[0]), cells[1], cells[2]));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void reportsTheRuleAtThePlace(String name, Path manifest, String rule, String position) throws IOException {
        byte[] bytes = Files.readAllBytes(manifest);
        ValidationReport report = assertTimeoutPreemptively(
                Duration.ofSeconds(5),
                () -> DocstackDirectory.in(project).manifest(bytes).validate());

        assertReported(report, rule, position);
    }

    @Test
    void tooLargeManifestIsRefusedBeforeParsing() throws IOException {
        byte[] huge = ("apiVersion: docstack/v1\nname: demo\ndescription: " + "x".repeat(YamlReader.MAX_BYTES) + "\n")
                .getBytes(StandardCharsets.UTF_8);
        assertReported(DocstackDirectory.in(project).manifest(huge).validate(), "file-too-large", "1:1");
    }

    @Test
    void absurdlyLongLineUnderTheLimitIsReadQuickly() throws IOException {
        String manifest = DocstackDirectory.GOOD_MANIFEST.replace("A demo service", "x".repeat(900_000));
        ValidationReport report = assertTimeoutPreemptively(
                Duration.ofSeconds(5),
                () -> DocstackDirectory.in(project).manifest(manifest).validate());
        assertEquals(List.of(), report.problems());
    }

    @Test
    void missingManifestNamesTheFile() throws IOException {
        DocstackDirectory directory = DocstackDirectory.in(project);
        Files.delete(directory.docstack.resolve("docstack.yaml"));
        ValidationReport report = directory.validate();
        assertReported(report, "manifest-missing", "1:1");
        assertTrue(
                report.problems().get(0).message().contains("docstack.yaml"),
                report.problems().get(0).message());
    }

    @Test
    void missingDocstackDirectorySaysWhatToCreate() {
        ValidationReport report = DocstackValidator.validate(project.resolve("docstack"), List.of());
        assertReported(report, "manifest-missing", "1:1");
        assertTrue(
                report.problems().get(0).message().contains("no docstack/ directory"),
                report.problems().get(0).message());
    }

    @Test
    void missingDockerfile() throws IOException {
        DocstackDirectory directory = DocstackDirectory.in(project);
        Files.delete(directory.docstack.resolve("Dockerfile"));
        assertReported(directory.validate(), "dockerfile-missing", "1:1");
    }

    @Test
    void binaryDockerfile() throws IOException {
        DocstackDirectory directory = DocstackDirectory.in(project);
        Files.write(directory.docstack.resolve("Dockerfile"), new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2});
        assertReported(directory.validate(), "file-encoding", "1:1");
    }

    @Test
    void emptyDockerfile() throws IOException {
        assertReported(DocstackDirectory.in(project).dockerfile("\n\n").validate(), "file-empty", "1:1");
    }

    @Test
    void buildContextOutsideTheRepositoryIsRefusedUnlessIgnored() throws IOException {
        java.nio.file.Files.createDirectories(project.resolve(".git"));
        String inside = DocstackDirectory.GOOD_MANIFEST + "build: {context: ..}\n";
        assertEquals(
                List.of(),
                DocstackDirectory.in(project).manifest(inside).validate().problems().stream()
                        .filter(problem -> problem.rule().id().equals("context-outside-repository"))
                        .toList());

        String outside = DocstackDirectory.GOOD_MANIFEST + "build: {context: ../..}\n";
        assertReported(
                DocstackDirectory.in(project).manifest(outside).validate(), "context-outside-repository", "8:18");
        assertEquals(
                List.of(),
                DocstackDirectory.in(project)
                        .manifest(outside + "ignore: [context-outside-repository]\n")
                        .validate()
                        .problems()
                        .stream()
                        .filter(problem -> problem.rule().id().equals("context-outside-repository"))
                        .toList(),
                "ignoring the rule is the way to opt in");
    }

    @Test
    void buildContextThatDoesNotExist() throws IOException {
        String manifest = DocstackDirectory.GOOD_MANIFEST + "build: {context: ../nowhere}\n";
        assertReported(DocstackDirectory.in(project).manifest(manifest).validate(), "build-context-missing", "1:1");
    }

    @Test
    void allProblemsAreReportedInOneRun() throws IOException {
        String manifest = """
                apiVersion: docstack/v2
                name: Bad Name
                servces: {}
                requires:
                  - capabilty: x
                """;
        ValidationReport report =
                DocstackDirectory.in(project).manifest(manifest).validate();
        assertEquals(
                List.of("api-version", "invalid-name", "unknown-key", "unknown-key", "missing-key"),
                report.problems().stream().map(problem -> problem.rule().id()).toList(),
                report.problems().toString());
    }

    static void assertReported(ValidationReport report, String rule, String position) {
        String found = report.problems().stream()
                .map(problem -> problem.rule().id() + "@" + problem.position() + " " + problem.message())
                .collect(Collectors.joining("\n"));
        boolean match = report.problems().stream()
                .anyMatch(problem -> problem.rule().id().equals(rule) && positionMatches(problem.position(), position));
        assertTrue(match, "expected " + rule + " at " + position + ", found:\n" + found);
    }

    private static boolean positionMatches(Position actual, String expected) {
        if (expected.equals("*")) {
            return true;
        }
        String[] parts = expected.split(":");
        return String.valueOf(actual.line()).equals(parts[0])
                && (parts[1].equals("*") || String.valueOf(actual.column()).equals(parts[1]));
    }
}
