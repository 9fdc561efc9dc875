package io.github.docstack.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.github.docstack.dockerfile.DockerIgnore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The watch's view of a project on the real file system: its context sends src/ and its docstack/ only. */
class SourceWatcherTest {

    private static final Duration WITHIN = Duration.ofSeconds(20);

    @TempDir
    Path root;

    private WatchedProject app;

    @BeforeEach
    void project() throws Exception {
        Files.createDirectories(root.resolve("src"));
        Files.createDirectories(root.resolve("docstack"));
        Files.createDirectories(root.resolve(".docstack/demo"));
        Files.writeString(root.resolve(".dockerignore"), "*\n!src/\n!docstack/\n");
        Path context = root.toRealPath();
        app = new WatchedProject(
                "app",
                context.resolve("docstack"),
                context,
                DockerIgnore.of(context),
                Set.of("docstack/Dockerfile", ".dockerignore"),
                Set.of(".docstack"),
                List.of());
    }

    @Test
    void aSavedSourceFileIsAChangeOfItsProject() throws Exception {
        try (SourceWatcher watcher = new SourceWatcher(List.of(app), Duration.ofMillis(100))) {
            Files.writeString(root.resolve("src/app.py"), "print('changed')\n");

            assertEquals(Map.of("app", Set.of(app.context().resolve("src/app.py"))), await(watcher));
        }
    }

    @Test
    void filesNoImageIsBuiltFromAreNoChange() throws Exception {
        try (SourceWatcher watcher = new SourceWatcher(List.of(app), Duration.ofMillis(100))) {
            Files.writeString(root.resolve("NOTES.md"), "left out by .dockerignore\n");
            Files.writeString(root.resolve(".docstack/demo/clouds.yaml"), "the stack's own output\n");
            Files.writeString(root.resolve("docstack/docstack.yaml"), "name: app\n");

            assertEquals(Map.of("app", Set.of(app.context().resolve("docstack/docstack.yaml"))), await(watcher));
        }
    }

    @Test
    void aBurstOfSavesIsOneChange() throws Exception {
        try (SourceWatcher watcher = new SourceWatcher(List.of(app), Duration.ofMillis(300))) {
            for (int i = 0; i < 5; i++) {
                Files.writeString(root.resolve("src/module" + i + ".py"), "x = " + i + "\n");
            }

            assertEquals(5, await(watcher).get("app").size(), "all five files in one change");
        }
    }

    @Test
    void filesOfANewDirectoryAreInputsToo() throws Exception {
        try (SourceWatcher watcher = new SourceWatcher(List.of(app), Duration.ofMillis(100))) {
            Files.createDirectories(root.resolve("src/pkg"));
            Files.writeString(root.resolve("src/pkg/first.py"), "written before the directory was watched\n");
            assertEquals(
                    Set.of(app.context().resolve("src/pkg"), app.context().resolve("src/pkg/first.py")),
                    await(watcher).get("app"));

            Files.writeString(root.resolve("src/pkg/second.py"), "written into a watched directory\n");
            assertEquals(
                    Set.of(app.context().resolve("src/pkg/second.py")),
                    await(watcher).get("app"));
        }
    }

    private static Map<String, Set<Path>> await(SourceWatcher watcher) {
        return assertTimeoutPreemptively(WITHIN, watcher::awaitChanges);
    }
}
