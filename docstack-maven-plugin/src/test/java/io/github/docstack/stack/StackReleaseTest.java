package io.github.docstack.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.docstack.engine.EngineLog;
import io.github.docstack.engine.InMemoryEngine;
import io.github.docstack.image.ImagePuller;
import io.github.docstack.image.RetryPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A stack asks one release of every project; a project that does not build it stops up before any build. */
class StackReleaseTest {

    @TempDir
    Path dir;

    private Path project(String name, String releases) throws Exception {
        Path docstack = Files.createDirectories(dir.resolve(name).resolve("docstack"));
        Files.writeString(docstack.resolve("Dockerfile"), """
                ARG DEBIAN_SUITE=bookworm
                FROM debian:${DEBIAN_SUITE}-slim
                USER nobody
                HEALTHCHECK CMD ["true"]
                CMD ["serve"]
                """);
        Files.writeString(
                docstack.resolve("docstack.yaml"),
                "apiVersion: docstack/v1\nname: " + name + "\nbuild:\n  releases:\n" + releases);
        return dir.resolve(name);
    }

    private Stack stack(String release) throws Exception {
        Path both = project("keystone", "    \"2026.2\": {args: {DEBIAN_SUITE: sid}}\n    zed: {}\n");
        Path zedOnly = project("nova", "    zed: {}\n");
        return new Stack(
                dir.resolve("stack.yaml"),
                "cloud",
                null,
                release,
                List.of(
                        new Stack.Project("keystone", both, null, null),
                        new Stack.Project("nova", zedOnly, null, null)));
    }

    private static StackResolver resolver(InMemoryEngine engine) {
        return new StackResolver(
                engine,
                EngineLog.SILENT,
                4,
                new ImagePuller(
                        engine, EngineLog.SILENT, new RetryPolicy(1, Duration.ZERO, Duration.ZERO), registry -> null));
    }

    @Test
    void aReleaseOneProjectDoesNotBuildStopsUpBeforeAnyBuildNamingWhatItBuilds() throws Exception {
        InMemoryEngine engine = new InMemoryEngine();

        // The in-memory engine refuses every build: had keystone's begun, that refusal would be the failure.
        ReleaseUnavailableException refused = assertThrows(
                ReleaseUnavailableException.class, () -> resolver(engine).resolve(stack("2026.2")));

        assertEquals(List.of("zed"), refused.releases());
        assertTrue(
                refused.getMessage().startsWith("Project nova builds the releases zed, not 2026.2"),
                refused.getMessage());
        assertEquals(List.of(), engine.journal(), "nothing was asked of the engine");
    }

    @Test
    void aProjectsOwnReleaseWinsOverTheStacks() throws Exception {
        Stack stack = stack("2026.2");
        Stack.Project nova = stack.projects().get(1);
        Stack.Project pinned = new Stack.Project("nova", nova.path(), null, "zed");

        assertEquals("zed", stack.releaseOf(pinned));
        assertEquals("2026.2", stack.releaseOf(stack.projects().get(0)));
        assertEquals("zed", stack.withRelease("zed").releaseOf(stack.projects().get(0)));
    }
}
