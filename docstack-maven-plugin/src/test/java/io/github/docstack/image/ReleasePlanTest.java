package io.github.docstack.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One docstack/ directory, three releases: each build gets its release's arguments, labels and tags. */
class ReleasePlanTest {

    @TempDir
    Path project;

    private final ImageBuilder builder = new ImageBuilder(TagPolicy.DEFAULT);

    @BeforeEach
    void threeReleases() throws Exception {
        Path docstack = Files.createDirectories(project.resolve("docstack"));
        Files.writeString(docstack.resolve("Dockerfile"), """
                ARG DEBIAN_SUITE=bookworm
                FROM debian:${DEBIAN_SUITE}-slim
                RUN apt-get update && apt-get install -y keystone
                USER keystone
                HEALTHCHECK CMD ["true"]
                CMD ["keystone"]
                """);
        Files.writeString(docstack.resolve("docstack.yaml"), """
                apiVersion: docstack/v1
                name: keystone
                build:
                  args: {PYTHON: python3}
                  releases:
                    "2026.2": {args: {DEBIAN_SUITE: sid}}
                    "2025.1": {args: {DEBIAN_SUITE: trixie}}
                    zed: {args: {DEBIAN_SUITE: bookworm}}
                """);
    }

    private BuildPlan plan(String release) throws Exception {
        return builder.plan(
                BuildRequest.of(project.resolve("docstack"), Map.of()).withRelease(release), project.resolve("out"));
    }

    @Test
    void noReleaseAskedBuildsTheNewest() throws Exception {
        BuildPlan plan = plan(null);

        assertEquals(Map.of("PYTHON", "python3", "DEBIAN_SUITE", "sid"), plan.buildArgs());
        assertEquals("2026.2", plan.labels().get(ImageBuilder.RELEASE_LABEL));
        assertEquals("debian:sid-slim", plan.labels().get("org.opencontainers.image.base.name"));
        assertEquals(plan, plan("latest"), "latest is the newest release");
    }

    @Test
    void anOlderReleaseGetsItsArgumentsBaseAndATagOfItsOwn() throws Exception {
        BuildPlan plan = plan("zed");

        assertEquals("bookworm", plan.buildArgs().get("DEBIAN_SUITE"));
        assertEquals("zed", plan.labels().get(ImageBuilder.RELEASE_LABEL));
        assertEquals("debian:bookworm-slim", plan.labels().get("org.opencontainers.image.base.name"));
        assertEquals(List.of("zed-dev"), plan.tagNames(), "outside git, its own dev tag, not the newest's");
    }

    @Test
    void argumentsGivenToTheBuildWinOverTheRelease() throws Exception {
        BuildPlan plan = builder.plan(
                BuildRequest.of(project.resolve("docstack"), Map.of())
                        .withRelease("2025.1")
                        .withBuildArgs(Map.of("DEBIAN_SUITE", "forky")),
                project.resolve("out"));

        assertEquals("forky", plan.buildArgs().get("DEBIAN_SUITE"));
        assertEquals("debian:forky-slim", plan.labels().get("org.opencontainers.image.base.name"));
    }

    @Test
    void aReleaseTheDirectoryDoesNotBuildIsRefusedNamingThoseItDoes() {
        ReleaseNotBuiltException refused = assertThrows(ReleaseNotBuiltException.class, () -> plan("2024.1"));

        assertEquals(List.of("2026.2", "2025.1", "zed"), refused.releases());
        assertEquals("keystone builds the releases 2026.2, 2025.1, zed, not 2024.1", refused.getMessage());
    }

    @Test
    void aDirectoryWithoutReleasesBuildsOneImageWhateverTheReleaseAsked() throws Exception {
        Path manifest = project.resolve("docstack/docstack.yaml");
        Files.writeString(manifest, "apiVersion: docstack/v1\nname: keystone\n");

        BuildPlan plan = plan("2025.1");

        assertEquals(List.of("dev"), plan.tagNames());
        assertEquals(null, plan.labels().get(ImageBuilder.RELEASE_LABEL));
        assertEquals("debian:bookworm-slim", plan.labels().get("org.opencontainers.image.base.name"));
    }
}
