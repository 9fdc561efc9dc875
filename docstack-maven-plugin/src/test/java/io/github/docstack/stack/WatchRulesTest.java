package io.github.docstack.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.docstack.dockerfile.DockerIgnore;
import io.github.docstack.manifest.Manifest;
import io.github.docstack.manifest.WatchAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a change means for a project whose manifest says: keystone/ syncs and restarts, etc/ syncs, docs/ rebuilds. */
class WatchRulesTest {

    @TempDir
    Path context;

    private WatchedProject keystone;

    @BeforeEach
    void project() throws Exception {
        for (String file : List.of(
                "keystone/api/users.py", "etc/policy.yaml", "docs/index.rst", "setup.py", "docstack/Dockerfile")) {
            Files.createDirectories(context.resolve(file).getParent());
            Files.writeString(context.resolve(file), "x\n");
        }
        keystone = new WatchedProject(
                "keystone",
                context.resolve("docstack"),
                context,
                DockerIgnore.of(context),
                Set.of(),
                Set.of(),
                List.of(
                        new Manifest.WatchRule(
                                "keystone", WatchAction.SYNC_RESTART, "/usr/lib/python3/dist-packages/keystone/"),
                        new Manifest.WatchRule("etc/policy.yaml", WatchAction.SYNC, "/etc/keystone/policy.yaml"),
                        new Manifest.WatchRule("docs", WatchAction.REBUILD, null),
                        new Manifest.WatchRule("etc", WatchAction.REBUILD, null)));
    }

    @Test
    void aSourceFileIsCopiedToItsPlaceUnderTheTargetAndTheServiceRestarts() {
        ProjectChange change = keystone.decide(Set.of(context.resolve("keystone/api/users.py")));

        assertEquals(WatchAction.SYNC_RESTART, change.action());
        assertEquals(
                List.of(new ProjectChange.SyncedFile(
                        context.resolve("keystone/api/users.py"),
                        "/usr/lib/python3/dist-packages/keystone/api/users.py",
                        false)),
                change.files());
    }

    @Test
    void aRuleForOneFileCopiesItToItsTargetAndTheFirstMatchingRuleWins() {
        ProjectChange change = keystone.decide(Set.of(context.resolve("etc/policy.yaml")));

        assertEquals(WatchAction.SYNC, change.action());
        assertEquals("/etc/keystone/policy.yaml", change.files().get(0).target());
    }

    @Test
    void aSyncExecRuleRunsItsCommandOnceForTheBurstAndARestartInTheBurstSupersedesIt() throws Exception {
        Files.writeString(context.resolve("etc/api-paste.ini"), "x\n");
        WatchedProject reloading = new WatchedProject(
                "keystone",
                context.resolve("docstack"),
                context,
                DockerIgnore.of(context),
                Set.of(),
                Set.of(),
                List.of(
                        new Manifest.WatchRule(
                                "etc/api-paste.ini", WatchAction.SYNC_RESTART, "/etc/keystone/api-paste.ini"),
                        new Manifest.WatchRule(
                                "keystone",
                                WatchAction.SYNC_EXEC,
                                "/usr/lib/python3/dist-packages/keystone",
                                List.of("keystone-reload")),
                        new Manifest.WatchRule(
                                "etc", WatchAction.SYNC_EXEC, "/etc/keystone", List.of("keystone-reload"))));

        ProjectChange reload =
                reloading.decide(Set.of(context.resolve("keystone/api/users.py"), context.resolve("etc/policy.yaml")));
        assertEquals(WatchAction.SYNC_EXEC, reload.action());
        assertEquals(List.of(List.of("keystone-reload")), reload.commands(), "one command, run once, for both files");
        assertEquals(2, reload.files().size());

        WatchedProject twoCommands = new WatchedProject(
                "keystone",
                context.resolve("docstack"),
                context,
                DockerIgnore.of(context),
                Set.of(),
                Set.of(),
                List.of(
                        new Manifest.WatchRule("etc", WatchAction.SYNC_EXEC, "/etc/keystone", List.of("reload-policy")),
                        new Manifest.WatchRule(
                                "keystone", WatchAction.SYNC_EXEC, "/srv/keystone", List.of("keystone-reload"))));
        for (int i = 0; i < 5; i++) { // whatever order the burst's files come in
            assertEquals(
                    List.of(List.of("reload-policy"), List.of("keystone-reload")),
                    twoCommands
                            .decide(new java.util.HashSet<>(List.of(
                                    context.resolve("keystone/api/users.py"), context.resolve("etc/policy.yaml"))))
                            .commands(),
                    "the commands run in the order of their rules");
        }

        ProjectChange restart = reloading.decide(
                Set.of(context.resolve("keystone/api/users.py"), context.resolve("etc/api-paste.ini")));
        assertEquals(WatchAction.SYNC_RESTART, restart.action());
        assertEquals(List.of(), restart.commands(), "a restart starts the service afresh: no command besides");
    }

    @Test
    void oneFileThatNeedsARestartRestartsTheWholeBurst() {
        assertEquals(
                WatchAction.SYNC_RESTART,
                keystone.decide(Set.of(context.resolve("etc/policy.yaml"), context.resolve("keystone/api/users.py")))
                        .action());
    }

    @Test
    void aDeletedFileIsDeletedInTheContainersToo() throws Exception {
        Files.delete(context.resolve("keystone/api/users.py"));

        assertEquals(
                true,
                keystone.decide(Set.of(context.resolve("keystone/api/users.py")))
                        .files()
                        .get(0)
                        .deleted());
    }

    @Test
    void aRebuildRuleAFileNoRuleCoversAndTheDocstackDirectoryEachRebuildTheWholeBurst() {
        for (String file : List.of("docs/index.rst", "setup.py", "docstack/Dockerfile")) {
            ProjectChange change =
                    keystone.decide(Set.of(context.resolve("keystone/api/users.py"), context.resolve(file)));

            assertEquals(ProjectChange.rebuild("keystone"), change, file);
        }
    }

    @Test
    void withoutRulesEveryChangeRebuilds() throws Exception {
        WatchedProject plain = new WatchedProject(
                "plain", context.resolve("docstack"), context, DockerIgnore.of(context), Set.of(), Set.of(), List.of());

        assertEquals(
                WatchAction.REBUILD,
                plain.decide(Set.of(context.resolve("keystone/api/users.py"))).action());
    }

    @Test
    void aNewDirectoryIsNoFileToCopyItsFilesAre() throws Exception {
        Files.createDirectories(context.resolve("keystone/new"));
        Files.writeString(context.resolve("keystone/new/mod.py"), "x\n");

        ProjectChange change =
                keystone.decide(Set.of(context.resolve("keystone/new"), context.resolve("keystone/new/mod.py")));

        assertEquals(
                List.of("/usr/lib/python3/dist-packages/keystone/new/mod.py"),
                change.files().stream().map(ProjectChange.SyncedFile::target).toList());
    }
}
