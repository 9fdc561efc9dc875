package io.github.docstack.bench;

import io.github.docstack.engine.Engine;
import io.github.docstack.engine.EngineAddress;
import io.github.docstack.engine.EngineException;
import io.github.docstack.engine.EngineLog;
import io.github.docstack.engine.ImageBuild;
import io.github.docstack.image.ContextArchive;
import io.github.docstack.manifest.DocstackValidator;
import io.github.docstack.manifest.ManifestReference;
import io.github.docstack.manifest.ValidationReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * How fast docstack:validate is, and how that compares with finding the same mistake by building the image.
 * Run: {@code ./mvnw -pl docstack-it -Pbench verify} (after {@code ./mvnw install -DskipTests}).
 *
 * <ol>
 * <li>one typical docstack/ directory, warm (after JIT warm-up): median of many runs;</li>
 * <li>200 different directories in one fresh JVM, first to last;</li>
 * <li>baseline, side by side: a directory whose COPY source is missing, found by validate vs by
 *     {@code docker build} through the same engine (base image present, one cheap RUN before the COPY).</li>
 * </ol>
 */
public final class ValidateBenchmark {

    private static final String DOCKERFILE = """
            FROM debian:bookworm-slim
            RUN useradd --system glance && mkdir -p /etc/glance
            COPY docstack/glance-api.conf /etc/glance/
            USER glance
            EXPOSE 9292
            HEALTHCHECK --interval=1s CMD ["true"]
            CMD ["glance-api"]
            """;

    public static void main(String[] args) throws Exception {
        Path work = Files.createTempDirectory("docstack-bench");
        long coldStart = System.nanoTime();
        for (int i = 0; i < 200; i++) {
            Path dir = project(work.resolve("p" + i), i);
            check(DocstackValidator.validate(dir, List.of()), 0);
        }
        double twoHundredMs = (System.nanoTime() - coldStart) / 1e6;

        Path typical = project(work.resolve("typical"), 0);
        for (int i = 0; i < 500; i++) {
            DocstackValidator.validate(typical, List.of());
        }
        double[] runs = new double[201];
        for (int i = 0; i < runs.length; i++) {
            long start = System.nanoTime();
            DocstackValidator.validate(typical, List.of());
            runs[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(runs);

        System.out.printf(
                "[bench] validate one typical docstack/ directory, warm: median %.2f ms, p90 %.2f ms (target < 50 ms)%n",
                runs[runs.length / 2], runs[runs.length * 9 / 10]);
        System.out.printf(
                "[bench] validate 200 directories in one fresh JVM: %.0f ms (target < 2000 ms)%n", twoHundredMs);

        Path broken = project(work.resolve("broken"), 0);
        Files.delete(broken.resolve("glance-api.conf"));
        long start = System.nanoTime();
        ValidationReport report = DocstackValidator.validate(broken, List.of());
        double validateMs = (System.nanoTime() - start) / 1e6;
        check(report, 1);
        baseline(broken.getParent(), validateMs);
    }

    private static void baseline(Path project, double validateMs) throws IOException {
        Path archive = Files.createTempFile("docstack-bench", ".tar");
        try (Engine engine = Engine.connect(
                EngineAddress.resolve(System.getProperty("docstack.dockerHost"), System.getenv()), EngineLog.SILENT)) {
            long start = System.nanoTime();
            ContextArchive.write(project, archive);
            try {
                engine.build(new ImageBuild(
                        archive,
                        "docstack/Dockerfile",
                        List.of("docstack-bench/broken:latest"),
                        java.util.Map.of(),
                        java.util.Map.of(),
                        null,
                        true,
                        false));
                System.out.println("[bench] baseline: docker build unexpectedly succeeded");
                return;
            } catch (EngineException expected) {
                double buildMs = (System.nanoTime() - start) / 1e6;
                System.out.printf(
                        "[bench] a missing COPY source: validate finds it in %.1f ms, docker build (no cache) in %.0f ms:"
                                + " validate is %.0fx faster%n",
                        validateMs, buildMs, buildMs / validateMs);
            }
        } catch (EngineException e) {
            System.out.println("[bench] baseline skipped: " + e.getMessage());
        } finally {
            Files.deleteIfExists(archive);
        }
    }

    /** A glance-like project; {@code variant} changes names and ports so no two directories are alike. */
    private static Path project(Path root, int variant) throws IOException {
        Path docstack = Files.createDirectories(root.resolve("docstack"));
        String manifest = ManifestReference.EXAMPLE
                .replace("glance", "glance" + variant)
                .replace("9292", String.valueOf(9000 + variant));
        Files.writeString(docstack.resolve("docstack.yaml"), manifest);
        Files.writeString(
                docstack.resolve("Dockerfile"),
                DOCKERFILE
                        .replace("9292", String.valueOf(9000 + variant))
                        .replace("glance", "glance" + variant)
                        .replace("glance" + variant + "-api.conf", "glance-api.conf"));
        Files.writeString(docstack.resolve("glance-api.conf"), "[DEFAULT]\n");
        return docstack;
    }

    private static void check(ValidationReport report, long errors) {
        if (report.count(io.github.docstack.manifest.Severity.ERROR) != errors) {
            throw new IllegalStateException("expected " + errors + " errors, got " + report.problems());
        }
    }
}
