package io.github.docstack.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.docstack.manifest.DocstackValidator;
import io.github.docstack.manifest.Problem;
import io.github.docstack.manifest.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What a page shows as a whole manifest or stack file is one docstack accepts. */
class SiteExamplesTest {

    private static final Path SITE = Path.of("../src/site/markdown");
    private static final Pattern YAML_BLOCK =
            Pattern.compile("```yaml\n(apiVersion: docstack/v1\n.*?)```", Pattern.DOTALL);

    private static final Pattern PATH = Pattern.compile("path: ([^,}\\s]+)");

    @TempDir
    Path dir;

    static List<String> pages() throws java.io.IOException {
        try (java.util.stream.Stream<Path> files = Files.list(SITE)) {
            return files.map(file -> file.getFileName().toString())
                    // The rule catalogue shows what each rule refuses, on purpose.
                    .filter(name -> name.endsWith(".md") && !name.equals("rules.md"))
                    .sorted()
                    .toList();
        }
    }

    @ParameterizedTest
    @MethodSource("pages")
    void everyWholeManifestAndStackFileOnThePageValidates(String page) throws Exception {
        Matcher blocks = YAML_BLOCK.matcher(Files.readString(SITE.resolve(page)));
        List<String> errors = new ArrayList<>();
        int count = 0;
        while (blocks.find()) {
            String yaml = blocks.group(1);
            Path example = Files.createDirectories(dir.resolve("example-" + ++count));
            List<Problem> problems;
            if (yaml.contains("\nkind: Stack\n")) {
                // The checkouts a page's path: projects name are the reader's own.
                Matcher paths = PATH.matcher(yaml);
                while (paths.find()) {
                    Files.createDirectories(example.resolve(paths.group(1)).resolve("docstack"));
                }
                problems = StackLoader.load(Files.writeString(example.resolve("stack.yaml"), yaml))
                        .report()
                        .problems();
            } else {
                Path docstack = Files.createDirectories(example.resolve("docstack"));
                Files.writeString(docstack.resolve("docstack.yaml"), yaml);
                Files.writeString(docstack.resolve("Dockerfile"), "FROM debian:bookworm-slim\n");
                problems = DocstackValidator.validate(
                                docstack, List.of("runs-as-root", "no-healthcheck", "port-not-exposed"))
                        .problems();
            }
            problems.stream()
                    .filter(problem -> problem.severity() == Severity.ERROR)
                    .forEach(problem -> errors.add(page + ", example " + blocks.start() + ": " + problem));
        }
        assertEquals(List.of(), errors);
    }
}
