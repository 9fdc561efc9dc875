package io.github.docstack.image;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileBasedConfig;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.util.FS;
import org.eclipse.jgit.util.SystemReader;

/** Reads a checkout's {@link GitState} with JGit; Jenkins' environment fills in what a detached HEAD hides. */
public final class GitInspector {

    static {
        if (!(SystemReader.getInstance() instanceof WithoutSystemConfig)) {
            SystemReader.setInstance(new WithoutSystemConfig(SystemReader.getInstance()));
        }
    }

    private GitInspector() {}

    /**
     * The commit, branch and dirtiness of the checkout that holds {@code directory}.
     *
     * @param directory   any directory inside the checkout
     * @param environment the process environment (BRANCH_NAME, GIT_BRANCH, TAG_NAME are read)
     */
    public static GitState inspect(Path directory, Map<String, String> environment) throws IOException {
        FileRepositoryBuilder builder = new FileRepositoryBuilder()
                .findGitDir(directory.toAbsolutePath().toFile());
        if (builder.getGitDir() == null) {
            return GitState.NONE;
        }
        try (Repository repository = builder.setMustExist(true).build();
                RevWalk walk = new RevWalk(repository)) {
            ObjectId head = repository.resolve(Constants.HEAD);
            if (head == null) {
                return GitState.NONE; // a repository without commits
            }
            RevCommit commit = walk.parseCommit(head);
            String branch = null;
            String fullBranch = repository.getFullBranch();
            if (fullBranch != null && fullBranch.startsWith(Constants.R_HEADS)) {
                branch = fullBranch.substring(Constants.R_HEADS.length());
            } else {
                branch = firstNonBlank(environment.get("BRANCH_NAME"), stripRemote(environment.get("GIT_BRANCH")));
            }
            List<String> tags = new ArrayList<>();
            for (Ref tag : repository.getRefDatabase().getRefsByPrefix(Constants.R_TAGS)) {
                Ref peeled = repository.getRefDatabase().peel(tag);
                ObjectId target =
                        peeled.getPeeledObjectId() != null ? peeled.getPeeledObjectId() : peeled.getObjectId();
                if (head.equals(target)) {
                    tags.add(tag.getName().substring(Constants.R_TAGS.length()));
                }
            }
            String tagName = environment.get("TAG_NAME");
            if (tagName != null && !tagName.isBlank() && !tags.contains(tagName)) {
                tags.add(tagName);
            }
            String remote = repository.getConfig().getString("remote", "origin", "url");
            return new GitState(
                    head.name(),
                    Instant.ofEpochSecond(commit.getCommitTime()),
                    branch,
                    tags,
                    remote == null ? null : withoutCredentials(remote));
        }
    }

    /** {@code https://user:token@host/x.git} becomes {@code https://host/x.git}. */
    static String withoutCredentials(String url) {
        return url.replaceFirst("^([a-zA-Z][a-zA-Z0-9+.-]*://)[^/@]*@", "$1");
    }

    private static String stripRemote(String gitBranch) {
        return gitBranch == null ? null : gitBranch.replaceFirst("^(refs/remotes/)?origin/", "");
    }

    private static String firstNonBlank(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }

    /**
     * JGit without git's system-wide config ({@code /etc/gitconfig}): to find that file, JGit runs {@code git
     * --version} and {@code git config --system --list} for every repository it opens, two processes per project on
     * each {@code up}, and nothing read here (HEAD, refs, the origin's URL) is set there.
     */
    static final class WithoutSystemConfig extends SystemReader.Delegate {

        WithoutSystemConfig(SystemReader delegate) {
            super(delegate);
        }

        @Override
        public FileBasedConfig openSystemConfig(Config parent, FS fs) {
            return new FileBasedConfig(parent, null, fs) {
                @Override
                public void load() {}

                @Override
                public boolean isOutdated() {
                    return false;
                }
            };
        }
    }
}
