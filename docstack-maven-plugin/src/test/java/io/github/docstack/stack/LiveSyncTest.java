package io.github.docstack.stack;

import static io.github.docstack.stack.TestProjects.GLANCE;
import static io.github.docstack.stack.TestProjects.MARIADB;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.docstack.engine.EngineLog;
import io.github.docstack.engine.InMemoryEngine;
import io.github.docstack.manifest.WatchAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** watch's sync+exec on an engine in memory: glance-api gets a changed file, then its reload command. */
class LiveSyncTest {

    private static final List<String> RELOAD = List.of("glance-reload");
    private static final Duration READY = Duration.ofSeconds(5);

    @TempDir
    Path dir;

    private InMemoryEngine engine;
    private Deployment deployment;
    private ProjectChange change;

    @BeforeEach
    void glanceIsUp() throws Exception {
        engine = new InMemoryEngine().command("glance-api", RELOAD, 0);
        deployment = StackWiring.wire(
                TestProjects.stack(dir, MARIADB, GLANCE),
                List.of(MARIADB, GLANCE),
                new SecretStore(dir.resolve("secrets.properties")),
                42000);
        new StackRunner(engine, EngineLog.SILENT).up(deployment, new StackRunner.Timeouts(READY, READY), 2);
        engine.clearJournal();
        Path saved = Files.writeString(dir.resolve("api.py"), "changed\n");
        change = new ProjectChange(
                "glance",
                WatchAction.SYNC_EXEC,
                List.of(new ProjectChange.SyncedFile(saved, "/usr/lib/python3/dist-packages/glance/api.py", false)),
                List.of(RELOAD));
    }

    @Test
    void theFilesGoInThenTheCommandRunsThenTheServiceIsCheckedUntilReady() throws Exception {
        List<String> updated = new LiveSync(engine).apply(deployment, change, READY);

        assertEquals(List.of("glance-api"), updated);
        assertEquals(
                List.of("write glance-api /", "exec glance-api glance-reload", "ready glance-api"),
                engine.journal(),
                "no restart: the command is the service's own reload");
    }

    @Test
    void aCommandThatFailsPutsTheOldFilesBackAndRestartsTheService() throws Exception {
        engine.command("glance-api", RELOAD, 3);

        StackException failure =
                assertThrows(StackException.class, () -> new LiveSync(engine).apply(deployment, change, READY));

        assertTrue(
                failure.getMessage().contains("exec glance-reload in glance-api exited with code 3"),
                failure.getMessage());
        assertTrue(failure.getMessage().contains("got back the files it had and was restarted"), failure.getMessage());
        List<String> journal = engine.journal();
        assertEquals(
                List.of(
                        "write glance-api /",
                        "exec glance-api glance-reload",
                        // the file was not there before the change: it goes again, as root, then a restart starts
                        // afresh
                        "exec glance-api rm -rf -- /usr/lib/python3/dist-packages/glance/api.py",
                        "stop glance-api",
                        "start glance-api",
                        "ready glance-api"),
                journal);
    }
}
