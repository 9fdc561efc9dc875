package io.github.docstack.it;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.revwalk.RevCommit;

/** A copy of a sample project from {@code projects/} in a git repository of its own, for CI-loop tests. */
public final class SampleProject implements AutoCloseable {

    public final Path directory;
    public final Git git;

    private SampleProject(Path directory, Git git) {
        this.directory = directory;
        this.git = git;
    }

    public static SampleProject copy(String name, Path target) throws IOException, URISyntaxException, GitAPIException {
        TestResources.copy("/projects/" + name, target);
        SampleProject project = committed(target, "initial import");
        project.git
                .getRepository()
                .getConfig()
                .setString("remote", "origin", "url", "https://ci:token@git.example.org/demo/" + name + ".git");
        project.git.getRepository().getConfig().save();
        return project;
    }

    /** {@code directory} as it is, made a git repository of its own on main with all it holds committed. */
    public static SampleProject committed(Path directory, String message) throws GitAPIException {
        Git git = Git.init()
                .setDirectory(directory.toFile())
                .setInitialBranch("main")
                .call();
        SampleProject project = new SampleProject(directory, git);
        project.commit(message);
        return project;
    }

    public RevCommit commit(String message) throws GitAPIException {
        git.add().addFilepattern(".").call();
        return git.commit()
                .setMessage(message)
                .setAuthor("docstack", "ci@example.org")
                .setCommitter("docstack", "ci@example.org")
                .call();
    }

    public void replaceInFile(String relative, String from, String to) throws IOException {
        Path file = directory.resolve(relative);
        Files.writeString(file, Files.readString(file).replace(from, to));
    }

    public Path docstack() {
        return directory.resolve("docstack");
    }

    @Override
    public void close() {
        git.close();
    }
}
