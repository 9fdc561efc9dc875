package io.github.docstack.image;

import java.time.Instant;
import java.util.List;

/**
 * What the build's git checkout says: commit, branch, tags at HEAD, remote. {@link #NONE} outside a checkout.
 *
 * @param commit     full commit id, or null outside a checkout
 * @param commitTime the commit's time (so two builds of one commit carry the same created label)
 * @param branch     branch name, from HEAD or, when HEAD is detached, from Jenkins' BRANCH_NAME/GIT_BRANCH
 * @param tags       tags pointing at HEAD, plus Jenkins' TAG_NAME
 * @param remoteUrl  origin's URL with any credentials removed, or null
 */
public record GitState(String commit, Instant commitTime, String branch, List<String> tags, String remoteUrl) {

    public static final GitState NONE = new GitState(null, null, null, List.of(), null);

    public GitState {
        tags = List.copyOf(tags);
    }

    public boolean isCheckout() {
        return commit != null;
    }

    public String shortCommit() {
        return commit == null ? null : commit.substring(0, Math.min(12, commit.length()));
    }
}
