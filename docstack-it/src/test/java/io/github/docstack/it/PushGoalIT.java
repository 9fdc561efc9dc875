package io.github.docstack.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mvn docstack:build docstack:push} as a user runs it, in a directory without a pom: to the registry,
 * to a registry that is down, and to one that wants credentials from settings.xml.
 */
class PushGoalIT {

    @RegisterExtension
    static final RealEngine REAL = new RealEngine();

    @RegisterExtension
    static final AuthenticatedRegistry AUTH = new AuthenticatedRegistry();

    @TempDir
    Path work;

    @Test
    void directoryWithoutPomIsBuiltAndPushed() throws Exception {
        try (SampleProject project = SampleProject.copy("hello", work.resolve("hello"))) {
            MavenRun.Result result = MavenRun.run(
                    project.directory,
                    MavenRun.settings(work, ""),
                    "docstack:build",
                    "docstack:push",
                    "-Ddocstack.registry=" + BuildPushIT.REGISTRY,
                    "-Ddocstack.namespace=pushgoal");
            assertTrue(result.succeeded(), result.log());
            JsonNode image = new ObjectMapper()
                    .readTree(project.directory.resolve(".docstack/image.json").toFile());
            image.path("tags").forEach(tag -> REAL.removeImageAfterAll(tag.asText()));
            assertTrue(image.path("digest").asText().startsWith("sha256:"), image.toString());
            assertTrue(
                    result.log().contains("docstack:push " + BuildPushIT.REGISTRY + "/pushgoal/hello@sha256:"),
                    result.log());

            MavenRun.Result offline =
                    MavenRun.run(project.directory, MavenRun.settings(work, ""), "-o", "docstack:push");
            assertFalse(offline.succeeded());
            assertTrue(
                    offline.log()
                            .contains(
                                    "Maven runs offline (-o), and docstack:push needs the registry: run it without -o"),
                    offline.log());
        }
    }

    @Test
    void registryThatIsDownIsNamedWithoutAStackTrace() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        try (SampleProject project = SampleProject.copy("hello", work.resolve("down"))) {
            MavenRun.Result result = MavenRun.run(
                    project.directory,
                    MavenRun.settings(work, ""),
                    "docstack:build",
                    "docstack:push",
                    "-Ddocstack.registry=127.0.0.1:" + closed,
                    "-Ddocstack.pushAttempts=2");
            readBuild(project).forEach(tag -> REAL.removeImageAfterAll(tag));
            assertFalse(result.succeeded());
            assertTrue(
                    result.log()
                            .contains("Nothing answers at the registry 127.0.0.1:" + closed + " (after 2 attempts)"),
                    result.log());
            assertNoStackTrace(result);
        }
    }

    @Test
    void wrongCredentialsAreRefusedClearlyThenRightOnesPush() throws Exception {
        try (SampleProject project = SampleProject.copy("hello", work.resolve("auth"))) {
            String server = "<server><id>" + AUTH.address() + "</id><username>" + AuthenticatedRegistry.USER
                    + "</username><password>%s</password></server>";
            Path wrong = Files.createDirectories(work.resolve("wrong"));
            MavenRun.Result refused = MavenRun.run(
                    project.directory,
                    MavenRun.settings(wrong, server.formatted("not-the-password")),
                    "docstack:build",
                    "docstack:push",
                    "-Ddocstack.registry=" + AUTH.address());
            readBuild(project).forEach(tag -> REAL.removeImageAfterAll(tag));
            assertFalse(refused.succeeded());
            assertTrue(
                    refused.log()
                            .contains("refused the credentials: configure a <server> with <id>" + AUTH.address()
                                    + "</id>"),
                    refused.log());
            assertFalse(refused.log().contains("not-the-password"), "credentials never reach the log");
            assertNoStackTrace(refused);

            Path right = Files.createDirectories(work.resolve("right"));
            MavenRun.Result pushed = MavenRun.run(
                    project.directory,
                    MavenRun.settings(right, server.formatted(AuthenticatedRegistry.PASSWORD)),
                    "docstack:push");
            assertTrue(pushed.succeeded(), pushed.log());
            assertTrue(
                    pushed.log().contains("credentials of <server> " + AUTH.address() + " from settings.xml"),
                    pushed.log());
            assertFalse(pushed.log().contains(AuthenticatedRegistry.PASSWORD), "credentials never reach the log");
        }
    }

    @Test
    void aStackPullsFromAnAuthenticatedRegistryWithTheSameCredentials() throws Exception {
        try (SampleProject project = SampleProject.copy("hello", work.resolve("pull"))) {
            String server = "<server><id>" + AUTH.address() + "</id><username>" + AuthenticatedRegistry.USER
                    + "</username><password>" + AuthenticatedRegistry.PASSWORD + "</password></server>";
            Path settings = MavenRun.settings(Files.createDirectories(work.resolve("pull-settings")), server);
            MavenRun.Result pushed = MavenRun.run(
                    project.directory,
                    settings,
                    "docstack:build",
                    "docstack:push",
                    "-Ddocstack.registry=" + AUTH.address());
            java.util.List<String> tags = readBuild(project);
            tags.forEach(tag -> REAL.removeImageAfterAll(tag));
            assertTrue(pushed.succeeded(), pushed.log());
            String image = tags.stream()
                    .filter(tag -> tag.endsWith(":latest"))
                    .findFirst()
                    .orElseThrow();
            for (String tag : tags) {
                REAL.engine().removeImage(tag); // so the stack must pull it
            }
            Path stack = Files.writeString(
                    work.resolve("pull/stack.yaml"),
                    "apiVersion: docstack/v1\nkind: Stack\nname: pulled\n" + "projects:\n  - {name: hello, image: \""
                            + image + "\"}\n");

            MavenRun.Result composed =
                    MavenRun.run(work.resolve("pull"), settings, "docstack:compose", "-Ddocstack.stack=" + stack);

            assertTrue(composed.succeeded(), composed.log());
            assertTrue(
                    composed.log().contains("credentials of <server> " + AUTH.address() + " from settings.xml"),
                    composed.log());
            assertTrue(REAL.engine().hasImage(image), "pulled with the settings.xml credentials");
            assertFalse(composed.log().contains(AuthenticatedRegistry.PASSWORD), "credentials never reach the log");
        }
    }

    private static java.util.List<String> readBuild(SampleProject project) throws java.io.IOException {
        Path build = project.directory.resolve(".docstack/build.json");
        java.util.List<String> tags = new java.util.ArrayList<>();
        if (Files.exists(build)) {
            new ObjectMapper().readTree(build.toFile()).path("tags").forEach(tag -> tags.add(tag.asText()));
        }
        return tags;
    }

    private static void assertNoStackTrace(MavenRun.Result result) {
        assertFalse(result.log().lines().anyMatch(line -> line.matches("\\s+at [\\w.$]+\\(.*\\)")), result.log());
    }
}
