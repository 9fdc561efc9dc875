package io.github.docstack.bench;

import io.github.docstack.engine.Engine;
import io.github.docstack.engine.EngineAddress;
import io.github.docstack.engine.EngineLog;
import io.github.docstack.image.BuildRequest;
import io.github.docstack.image.BuiltImage;
import io.github.docstack.image.ImageBuilder;
import io.github.docstack.image.ImagePusher;
import io.github.docstack.image.RetryPolicy;
import io.github.docstack.image.TagPolicy;
import io.github.docstack.it.SampleProject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;

/**
 * docstack's build and push against the docker CLI's, side by side on the sample project (projects/hello):
 * warm-cache build + push, the rebuild after a one-line source change, and the bytes the registry gained
 * from that change. Run: {@code ./mvnw -pl docstack-it -Pbench verify}. Needs the registry of scripts/host-setup.
 */
public final class BuildPushBenchmark {

    private static final String REGISTRY = System.getProperty("docstack.it.registry", "localhost:5001");
    private static final Path REGISTRY_STORAGE =
            Path.of(System.getProperty("docstack.bench.registryStorage", "/var/lib/docstack-host/registry"));
    private static final int ROUNDS = 5;

    public static void main(String[] args) throws Exception {
        try (SampleProject sample = SampleProject.copy("hello", Files.createTempDirectory("docstack-bench-hello"));
                Engine engine = Engine.connect(
                        EngineAddress.resolve(System.getProperty("docstack.dockerHost"), System.getenv()),
                        EngineLog.SILENT)) {
            ImageBuilder builder = new ImageBuilder(TagPolicy.DEFAULT);
            Path project = sample.directory;
            BuildRequest request = BuildRequest.of(sample.docstack(), Map.of()).withRegistry(REGISTRY, "bench");
            ImagePusher pusher = new ImagePusher(engine, EngineLog.SILENT, RetryPolicy.DEFAULT);
            String cliImage = REGISTRY + "/bench/hello-cli";

            // Warm both caches (and the registry) once, then alternate the two ways.
            pusher.push(
                    builder.build(builder.plan(request, project.resolve(".docstack")), engine, EngineLog.SILENT), null);
            cli(project, cliImage);
            double[] docstack = new double[ROUNDS];
            double[] raw = new double[ROUNDS];
            for (int i = 0; i < ROUNDS; i++) {
                long start = System.nanoTime();
                pusher.push(
                        builder.build(builder.plan(request, project.resolve(".docstack")), engine, EngineLog.SILENT),
                        null);
                docstack[i] = (System.nanoTime() - start) / 1e6;
                start = System.nanoTime();
                cli(project, cliImage);
                raw[i] = (System.nanoTime() - start) / 1e6;
            }
            double docstackMedian = median(docstack);
            double rawMedian = median(raw);
            System.out.printf(
                    "[bench] warm build+push, median of %d: docstack %.0f ms, docker CLI %.0f ms: ratio %.2f (target <= 1.10)%n",
                    ROUNDS, docstackMedian, rawMedian, docstackMedian / rawMedian);

            long before = size(REGISTRY_STORAGE);
            sample.replaceInFile("app/hello.pl", "hello from docstack v1", "hello from docstack v2");
            sample.commit("v2");
            long start = System.nanoTime();
            BuiltImage changed =
                    builder.build(builder.plan(request, project.resolve(".docstack")), engine, EngineLog.SILENT);
            double rebuildMs = (System.nanoTime() - start) / 1e6;
            pusher.push(changed, null);
            long added = size(REGISTRY_STORAGE) - before;
            long imageBytes = engine.inspectImage(changed.tags().get(0)).id().isEmpty()
                    ? 0
                    : imageSize(changed.tags().get(0));
            System.out.printf(
                    "[bench] rebuild after a one-line source change: %.0f ms (target < 5000 ms)%n", rebuildMs);
            System.out.printf(
                    "[bench] bytes the registry gained from that change: %d (the image is %d bytes uncompressed)%n",
                    added, imageBytes);
            for (String tag : changed.tags()) {
                engine.removeImage(tag);
            }
            engine.removeImage(cliImage + ":git-bench");
            engine.removeImage(cliImage + ":latest");
        }
    }

    /** The same work by hand: the same two tags docstack gives a commit on main, both pushed. */
    private static void cli(Path project, String image) throws IOException, InterruptedException {
        run(
                project,
                Map.of("DOCKER_BUILDKIT", "0"),
                "docker",
                "build",
                "-q",
                "-f",
                "docstack/Dockerfile",
                "-t",
                image + ":git-bench",
                "-t",
                image + ":latest",
                ".");
        run(project, Map.of(), "docker", "push", "-q", image + ":git-bench");
        run(project, Map.of(), "docker", "push", "-q", image + ":latest");
    }

    private static long imageSize(String image) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("docker", "image", "inspect", "-f", "{{.Size}}", image).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        process.waitFor();
        return Long.parseLong(out);
    }

    private static void run(Path dir, Map<String, String> env, String... command)
            throws IOException, InterruptedException {
        ProcessBuilder builder =
                new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
        }
    }

    private static long size(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .mapToLong(file -> file.toFile().length())
                    .sum();
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
