package io.github.docstack.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.docstack.engine.ContainerSpec;
import io.github.docstack.engine.Engine;
import io.github.docstack.engine.ImageDetails;
import io.github.docstack.image.BuildRequest;
import io.github.docstack.image.BuiltImage;
import io.github.docstack.image.ImageBuilder;
import io.github.docstack.image.ImagePusher;
import io.github.docstack.image.PushedImage;
import io.github.docstack.image.RetryPolicy;
import io.github.docstack.image.TagPolicy;
import io.github.docstack.manifest.DocstackValidator;
import io.github.docstack.manifest.ManifestJson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CI loop against the real engine and the real registry on 127.0.0.1:5001 (started by scripts/host-setup):
 * a sample project in a git repository is built and pushed, changed and pushed again, branched and tagged.
 */
class BuildPushIT {

    static final String REGISTRY = System.getProperty("docstack.it.registry", "localhost:5001");

    @RegisterExtension
    static final RealEngine REAL = new RealEngine();

    @TempDir
    Path work;

    private final String namespace =
            "docstack-it-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void ciLoopTagsDigestsLabelsAndTheServedChange() throws Exception {
        Engine engine = REAL.engine();
        try (SampleProject project = SampleProject.copy("hello", work.resolve("hello"))) {
            RevCommit first = project.git.log().call().iterator().next();
            PushedImage v1 = buildAndPush(project, Map.of());
            String firstShaTag = "git-" + first.name().substring(0, 12);
            assertEquals(List.of(ref(firstShaTag), ref("latest")), v1.tags());
            assertTrue(
                    registryTags().containsAll(List.of(firstShaTag, "latest")),
                    registryTags().toString());

            project.replaceInFile("app/hello.pl", "hello from docstack v1", "hello from docstack v2");
            RevCommit second = project.commit("say v2");
            PushedImage v2 = buildAndPush(project, Map.of());
            assertNotEquals(v1.digest(), v2.digest(), "latest moved to a new digest");
            assertEquals(second.name(), v2.revision());

            // The old immutable tag still pulls, and still says v1.
            engine.removeImage(ref(firstShaTag));
            engine.pull(ref(firstShaTag), null);
            assertEquals(
                    first.name(),
                    engine.inspectImage(ref(firstShaTag)).labels().get("org.opencontainers.image.revision"));

            // Pulled back from the registry, latest carries the commit, the manifest and clean source labels.
            engine.removeImage(ref("latest"));
            engine.pull(ref("latest"), null);
            ImageDetails latest = engine.inspectImage(ref("latest"));
            assertEquals(second.name(), latest.labels().get("org.opencontainers.image.revision"));
            assertEquals(
                    "https://git.example.org/demo/hello.git",
                    latest.labels().get("org.opencontainers.image.source"),
                    "credentials are stripped from the remote URL");
            assertEquals(
                    DocstackValidator.validate(project.docstack(), List.of()).manifest(),
                    ManifestJson.read(latest.labels().get(ManifestJson.LABEL)));
            assertEquals(Instant(second), latest.labels().get("org.opencontainers.image.created"));

            // The running container serves the changed line; .dockerignore kept secret.txt and *.log out.
            String container = engine.run(ContainerSpec.of(ref("latest")).withPorts(Map.of(8080, 0)));
            REAL.removeContainerAfterAll(container);
            engine.waitHealthy(container, Duration.ofSeconds(60));
            assertEquals(
                    "hello from docstack v2\n", get("http://127.0.0.1:" + engine.publishedPort(container, 8080) + "/"));
            String check = engine.run(ContainerSpec.of(ref("latest"))
                    .withCommand(List.of(
                            "sh",
                            "-c",
                            "test -e /srv/hello.pl && test ! -e /srv/secret.txt && test ! -e /srv/debug.log")));
            REAL.removeContainerAfterAll(check);
            assertEquals(
                    0, engine.waitForExit(check, Duration.ofSeconds(30)), "excluded files are absent from the image");

            project.git
                    .checkout()
                    .setCreateBranch(true)
                    .setName("stable/2025.2")
                    .call();
            PushedImage stable = buildAndPush(project, Map.of());
            assertTrue(stable.tags().contains(ref("2025.2")), stable.tags().toString());
            assertFalse(stable.tags().contains(ref("latest")), "only the default branch moves latest");

            project.git
                    .tag()
                    .setName("29.0.0.0b1")
                    .setAnnotated(true)
                    .setMessage("milestone")
                    .call();
            PushedImage milestone = buildAndPush(project, Map.of());
            assertTrue(
                    milestone.tags().containsAll(List.of(ref("29.0.0.0b1"), ref("milestone"))),
                    milestone.tags().toString());
            assertTrue(
                    registryTags().containsAll(List.of("2025.2", "29.0.0.0b1", "milestone")),
                    registryTags().toString());
        } finally {
            for (String tag : registryTags()) {
                REAL.removeImageAfterAll(ref(tag));
            }
        }
    }

    @Test
    void detachedHeadTakesTheBranchFromJenkins() throws Exception {
        try (SampleProject project = SampleProject.copy("hello", work.resolve("detached"))) {
            String commit = project.git.log().call().iterator().next().name();
            project.git.checkout().setName(commit).call(); // what Jenkins checks out
            ImageBuilder builder = new ImageBuilder(TagPolicy.DEFAULT);
            BuiltImage built = builder.build(
                    builder.plan(request(project, Map.of("BRANCH_NAME", "main")), work.resolve("out")),
                    REAL.engine(),
                    RealEngine.CONSOLE);
            built.tags().forEach(REAL::removeImageAfterAll);
            REAL.removeImageAfterAll(built.imageId());
            assertTrue(built.tags().contains(ref("latest")), built.tags().toString());
        }
    }

    private PushedImage buildAndPush(SampleProject project, Map<String, String> environment) throws Exception {
        ImageBuilder builder = new ImageBuilder(TagPolicy.DEFAULT);
        BuiltImage built = builder.build(
                builder.plan(request(project, environment), work.resolve("out")), REAL.engine(), RealEngine.CONSOLE);
        REAL.removeImageAfterAll(built.imageId()); // also when a later build takes its tags away
        return new ImagePusher(REAL.engine(), RealEngine.CONSOLE, RetryPolicy.DEFAULT).push(built, null);
    }

    private BuildRequest request(SampleProject project, Map<String, String> environment) {
        return BuildRequest.of(project.docstack(), environment).withRegistry(REGISTRY, namespace);
    }

    private String ref(String tag) {
        return REGISTRY + "/" + namespace + "/hello:" + tag;
    }

    private List<String> registryTags() throws IOException, InterruptedException {
        String body = get("http://" + REGISTRY + "/v2/" + namespace + "/hello/tags/list");
        if (!body.contains("\"tags\"")) {
            return List.of();
        }
        List<String> tags = new java.util.ArrayList<>();
        new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(body)
                .path("tags")
                .forEach(tag -> tags.add(tag.asText()));
        return tags;
    }

    private static String get(String url) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(url))
                                .timeout(Duration.ofSeconds(10))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        return response.body();
    }

    private static String Instant(RevCommit commit) {
        return java.time.Instant.ofEpochSecond(commit.getCommitTime()).toString();
    }
}
