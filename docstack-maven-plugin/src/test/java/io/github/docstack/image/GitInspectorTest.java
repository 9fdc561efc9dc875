package io.github.docstack.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.storage.file.FileBasedConfig;
import org.eclipse.jgit.util.FS;
import org.eclipse.jgit.util.SystemReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitInspectorTest {

    @TempDir
    Path dir;

    private RevCommit commit(Git git) throws Exception {
        Files.writeString(dir.resolve("file.txt"), String.valueOf(System.nanoTime()));
        git.add().addFilepattern(".").call();
        return git.commit()
                .setMessage("change")
                .setAuthor("t", "t@e")
                .setCommitter("t", "t@e")
                .call();
    }

    @Test
    void branchTagsCommitTimeAndACleanRemote() throws Exception {
        try (Git git =
                Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            RevCommit commit = commit(git);
            git.tag()
                    .setName("29.0.0")
                    .setAnnotated(true)
                    .setMessage("release")
                    .call(); // annotated: peeled to the commit
            git.tag().setName("lightweight").setAnnotated(false).call();
            git.getRepository()
                    .getConfig()
                    .setString("remote", "origin", "url", "https://ci:s3cret@git.example.org/x.git");
            git.getRepository().getConfig().save();
            Files.createDirectories(dir.resolve("docstack"));

            GitState state = GitInspector.inspect(dir.resolve("docstack"), Map.of());

            assertEquals(commit.name(), state.commit());
            assertEquals("main", state.branch());
            assertEquals(List.of("29.0.0", "lightweight"), state.tags());
            assertEquals("https://git.example.org/x.git", state.remoteUrl());
            assertEquals(commit.getCommitTime(), state.commitTime().getEpochSecond());
        }
    }

    @Test
    void detachedHeadTakesBranchAndTagFromJenkins() throws Exception {
        try (Git git =
                Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            RevCommit commit = commit(git);
            git.checkout().setName(commit.name()).call();

            assertEquals(
                    "stable/2025.2",
                    GitInspector.inspect(dir, Map.of("BRANCH_NAME", "stable/2025.2"))
                            .branch());
            assertEquals(
                    "main",
                    GitInspector.inspect(dir, Map.of("GIT_BRANCH", "origin/main"))
                            .branch());
            assertEquals(
                    List.of("30.0.0.0rc1"),
                    GitInspector.inspect(dir, Map.of("TAG_NAME", "30.0.0.0rc1")).tags());
        }
    }

    @Test
    void notACheckout() throws Exception {
        assertSame(GitState.NONE, GitInspector.inspect(dir, Map.of()));
    }

    @Test
    void sshRemotesKeepTheirUser() {
        assertEquals("git@github.com:x/y.git", GitInspector.withoutCredentials("git@github.com:x/y.git"));
        assertEquals("ssh://git.example.org/x", GitInspector.withoutCredentials("ssh://user@git.example.org/x"));
    }

    @Test
    void gitsSystemConfigIsNeitherLookedForNorRead() throws Exception {
        try (Git git =
                Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            commit(git);
        }

        GitInspector.inspect(dir, Map.of());

        // No file: JGit asks git where /etc/gitconfig is only to open it, by starting two processes.
        FileBasedConfig system = SystemReader.getInstance().openSystemConfig(null, FS.DETECTED);
        system.load();
        assertNull(system.getFile());
        assertTrue(system.getSections().isEmpty());
    }
}
