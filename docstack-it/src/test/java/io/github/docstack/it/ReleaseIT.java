package io.github.docstack.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.docstack.engine.ContainerSummary;
import io.github.docstack.engine.ImageDetails;
import io.github.docstack.image.BuildRequest;
import io.github.docstack.image.BuiltImage;
import io.github.docstack.image.ImageBuilder;
import io.github.docstack.image.PackagesNotInstallableException;
import io.github.docstack.image.TagPolicy;
import io.github.docstack.stack.ReleaseUnavailableException;
import io.github.docstack.stack.Stack;
import io.github.docstack.stack.StackLabels;
import io.github.docstack.stack.StackPreparer;
import io.github.docstack.stack.StackRunner;
import io.github.docstack.stack.VolumesOfAnotherReleaseException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * One docstack/ directory that builds two releases, brought up on the real engine for one release and then the other:
 * each image holds its release's build, labelled and tagged with it; a release the directory does not build stops up
 * before anything is built or started. A package the suite's archive lacks fails the build naming the package; a
 * milestone's packages make the default branch's image {@code milestone}.
 */
class ReleaseIT {

    @RegisterExtension
    static final RealEngine REAL = new RealEngine();

    private static final String STACK = "release-it";

    @TempDir
    Path work;

    @BeforeEach
    void projectOfTwoReleases() throws Exception {
        Path docstack = Files.createDirectories(work.resolve("series/docstack"));
        Files.writeString(docstack.resolve("Dockerfile"), """
                ARG DEBIAN_SUITE=bookworm
                FROM debian:${DEBIAN_SUITE}-slim
                ARG SERIES=none
                RUN echo "$SERIES" > /series
                CMD ["sleep", "infinity"]
                """);
        Files.writeString(docstack.resolve("docstack.yaml"), """
                apiVersion: docstack/v1
                name: series
                build:
                  releases:
                    "2026.2": {args: {SERIES: "2026.2"}}
                    zed: {args: {SERIES: zed, DEBIAN_SUITE: bookworm}}
                  versions: [sh, -c, "echo series $(cat /series)"]
                services:
                  series:
                    healthcheck: {command: [test, -s, /series], interval: 1s, start_interval: 200ms}
                ignore: [runs-as-root, no-healthcheck]
                """);
    }

    @AfterEach
    void down() throws Exception {
        new StackRunner(REAL.engine(), RealEngine.CONSOLE).down(STACK, true);
    }

    private Stack stack(String release) {
        return new Stack(
                work.resolve("stack.yaml"),
                STACK,
                null,
                release,
                List.of(new Stack.Project("series", work.resolve("series"), null, null)));
    }

    private String up(String release) throws Exception {
        StackRunner.UpReport report = new StackRunner(REAL.engine(), RealEngine.CONSOLE)
                .up(
                        StackPreparer.prepare(stack(release), REAL.engine(), RealEngine.CONSOLE, 0, 4)
                                .deployment(),
                        new StackRunner.Timeouts(Duration.ofSeconds(60), Duration.ofSeconds(60)),
                        4);
        assertEquals("healthy", report.services().get(0).state());
        return REAL.engine().containers(StackLabels.STACK, STACK).get(0).image();
    }

    @Test
    void aPackageTheSuiteLacksFailsTheBuildNamingThePackage() throws Exception {
        Path docstack = Files.createDirectories(work.resolve("lacking/docstack"));
        Files.writeString(docstack.resolve("Dockerfile"), """
                FROM debian:bookworm-slim
                RUN apt-get update && apt-get install -y --no-install-recommends docstack-no-such-package
                CMD ["sleep", "infinity"]
                """);
        Files.writeString(docstack.resolve("docstack.yaml"), """
                apiVersion: docstack/v1
                name: lacking
                services:
                  lacking: {}
                ignore: [runs-as-root, no-healthcheck]
                """);
        ImageBuilder builder = new ImageBuilder(TagPolicy.DEFAULT);

        PackagesNotInstallableException failure = assertThrows(
                PackagesNotInstallableException.class,
                () -> builder.build(
                        builder.plan(BuildRequest.of(docstack, System.getenv()), work.resolve("out")),
                        REAL.engine(),
                        RealEngine.CONSOLE));

        assertEquals(List.of("the archive has no package docstack-no-such-package"), failure.problems());
        assertTrue(
                failure.getMessage()
                        .contains("Debian's archive could not install what the Dockerfile asks for: the archive has"
                                + " no package docstack-no-such-package. "),
                failure.getMessage());
    }

    @Test
    void theDefaultBranchsImageOfAMilestonesPackagesIsTaggedMilestone() throws Exception {
        Path manifest = work.resolve("series/docstack/docstack.yaml");
        Files.writeString(
                manifest,
                Files.readString(manifest).replace("echo series $(cat /series)", "echo series 2:31.0.0~b1-1"));
        Path checkout = work.resolve("series");
        SampleProject.committed(checkout, "series").close();
        ImageBuilder builder = new ImageBuilder(TagPolicy.DEFAULT);

        BuiltImage built = builder.build(
                builder.plan(BuildRequest.of(checkout.resolve("docstack"), Map.of()), work.resolve("out")),
                REAL.engine(),
                RealEngine.CONSOLE);
        built.tags().forEach(REAL::removeImageAfterAll);

        assertTrue(
                built.tags().containsAll(List.of("series:latest", "series:2026.2", "series:milestone")),
                built.tags().toString());
        assertEquals(
                built.imageId(), REAL.engine().inspectImage("series:milestone").id());
        assertEquals(
                "series 2:31.0.0~b1-1",
                REAL.engine().inspectImage("series:milestone").labels().get("io.github.docstack.versions"));
    }

    @Test
    void eachReleaseRunsItsOwnBuildLabelledAndTaggedWithIt() throws Exception {
        String zed = up("zed");
        ImageDetails zedImage = REAL.engine().inspectImage(zed);
        assertEquals("zed", zedImage.labels().get(ImageBuilder.RELEASE_LABEL));
        assertEquals("debian:bookworm-slim", zedImage.labels().get("org.opencontainers.image.base.name"));
        assertTrue(zed.startsWith("series:zed-"), "an older release's immutable tag carries its name: " + zed);
        assertEquals(
                "series zed",
                zedImage.labels().get("io.github.docstack.versions"),
                "what the versions command printed in the image is its label");
        assertEquals("zed\n", Commands.run("docker", "exec", STACK + "-series", "cat", "/series"));

        String newest = up("latest");
        assertEquals("2026.2", REAL.engine().inspectImage(newest).labels().get(ImageBuilder.RELEASE_LABEL));
        assertEquals("2026.2\n", Commands.run("docker", "exec", STACK + "-series", "cat", "/series"));
        assertTrue(REAL.engine().hasImage(zed), "the zed image keeps its tag beside the newest's");
    }

    @Test
    void dataOfOneReleaseStopsAnUpOfAnotherWithTheRunningServiceLeftAsItWas() throws Exception {
        Path manifest = work.resolve("series/docstack/docstack.yaml");
        Files.writeString(
                manifest,
                Files.readString(manifest).replace("  series:\n", "  series:\n    volumes: {series-data: /data}\n"));
        String zed = up("zed");
        assertEquals(
                "zed",
                REAL.engine().volumes(StackLabels.STACK, STACK).get(0).labels().get(StackLabels.RELEASE),
                "the volume says which release made its data");

        VolumesOfAnotherReleaseException refused = assertThrows(
                VolumesOfAnotherReleaseException.class,
                () -> StackPreparer.prepare(stack("latest"), REAL.engine(), RealEngine.CONSOLE, 0, 4));

        assertEquals(Map.of(STACK + "_series-data", "zed"), refused.madeBy());
        assertEquals(Map.of(STACK + "_series-data", "2026.2"), refused.asked());
        assertEquals(
                List.of(zed),
                REAL.engine().containers(StackLabels.STACK, STACK).stream()
                        .map(ContainerSummary::image)
                        .toList(),
                "zed's service still runs, on its own image");
        new StackRunner(REAL.engine(), RealEngine.CONSOLE).down(STACK, true);
        assertTrue(up("latest").startsWith("series:"), "without the data, the newest release comes up");
    }

    @Test
    void aReleaseTheProjectDoesNotBuildStopsUpWithNothingStarted() throws Exception {
        ReleaseUnavailableException refused = assertThrows(
                ReleaseUnavailableException.class,
                () -> StackPreparer.prepare(stack("2025.1"), REAL.engine(), RealEngine.CONSOLE, 0, 4));

        assertEquals(List.of("2026.2", "zed"), refused.releases());
        assertEquals(List.of(), REAL.engine().containers(StackLabels.STACK, STACK));
    }
}
