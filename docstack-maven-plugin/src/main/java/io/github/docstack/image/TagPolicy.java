package io.github.docstack.image;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which tags a build gets, from its git state:
 * <table>
 * <caption>default policy</caption>
 * <tr><td>any commit</td><td>{@code git-<12 hex>} (immutable)</td></tr>
 * <tr><td>a default branch (master, main)</td><td>{@code latest}</td></tr>
 * <tr><td>{@code stable/<series>}</td><td>{@code <series>}</td></tr>
 * <tr><td>tag {@code N.N.N.0bN} or {@code N.N.N.0rcN}</td><td>the tag, and {@code milestone}</td></tr>
 * <tr><td>tag {@code N.N.N}</td><td>the tag</td></tr>
 * <tr><td>not a git checkout</td><td>{@code dev}</td></tr>
 * </table>
 * An image of the default branch whose own packages are a milestone's (Debian's {@code 31.0.0~b1},
 * {@code 31.0.0~rc1}) is tagged {@code milestone} as well: its source is a milestone, as a milestone's git tag says.
 */
public record TagPolicy(Set<String> defaultBranches) {

    public static final TagPolicy DEFAULT = new TagPolicy(Set.of("master", "main"));

    private static final Pattern MILESTONE = Pattern.compile("\\d+\\.\\d+\\.\\d+\\.0(b|rc)\\d+");
    private static final Pattern RELEASE = Pattern.compile("\\d+\\.\\d+\\.\\d+");
    /** A package version of a milestone as Debian writes it: 2:31.0.0~b1-1, 31.0.0~rc2-1. */
    private static final Pattern MILESTONE_PACKAGE = Pattern.compile("\\d~(b|rc)\\d+");

    private static final Pattern DOCKER_TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");

    public List<String> tags(GitState git) {
        if (!git.isCheckout()) {
            return List.of("dev");
        }
        Set<String> tags = new LinkedHashSet<>();
        tags.add("git-" + git.shortCommit());
        String branch = git.branch();
        if (branch != null) {
            if (defaultBranches.contains(branch)) {
                tags.add("latest");
            } else if (branch.startsWith("stable/")
                    && DOCKER_TAG.matcher(branch.substring(7)).matches()) {
                tags.add(branch.substring("stable/".length()));
            }
        }
        for (String tag : git.tags()) {
            if (MILESTONE.matcher(tag).matches()) {
                tags.add(tag);
                tags.add("milestone");
            } else if (RELEASE.matcher(tag).matches()) {
                tags.add(tag);
            }
        }
        return new ArrayList<>(tags);
    }

    /**
     * The tags of one release's image, for a directory that builds several ({@code build.releases}). Where the
     * policy gives {@code latest} (a default branch) or the series ({@code stable/<release>}), the image is also
     * tagged with its release's name. The newest release's image gets every other tag of the policy too; an older
     * one's immutable tags carry its name ({@code 2025.1-git-<12 hex>}), so no two releases of a commit share one,
     * and it gets neither {@code latest} nor the tags of git tags, which name the newest's version.
     */
    public List<String> tags(GitState git, String release, boolean newest) {
        List<String> policy = tags(git);
        Set<String> tags = new LinkedHashSet<>();
        if (newest) {
            tags.addAll(policy);
        } else {
            policy.stream()
                    .filter(tag -> tag.startsWith("git-") || tag.equals("dev"))
                    .forEach(tag -> tags.add(release + "-" + tag));
        }
        if (policy.contains("latest") || policy.contains(release)) {
            tags.add(release);
        }
        return new ArrayList<>(tags);
    }

    /**
     * The tags once the image's own package versions are known ({@code versions}: a line "name version" each):
     * {@code milestone} added where the image gets {@code latest} and a package is a milestone's.
     */
    public List<String> withPackageMilestone(List<String> tags, String versions) {
        boolean milestonePackages = versions.lines()
                .anyMatch(line -> MILESTONE_PACKAGE.matcher(line).find());
        if (!milestonePackages || !tags.contains("latest") || tags.contains("milestone")) {
            return tags;
        }
        List<String> withMilestone = new ArrayList<>(tags);
        withMilestone.add("milestone");
        return withMilestone;
    }

    /** The version a human reads in the image's labels: the release tag, else the series, else the commit. */
    public String version(GitState git) {
        if (!git.isCheckout()) {
            return "dev";
        }
        for (String tag : git.tags()) {
            if (MILESTONE.matcher(tag).matches() || RELEASE.matcher(tag).matches()) {
                return tag;
            }
        }
        if (git.branch() != null && git.branch().startsWith("stable/")) {
            return git.branch().substring("stable/".length());
        }
        return "git-" + git.shortCommit();
    }

    /** Whether {@code tag} may be used as a Docker tag, for tags the user adds. */
    public static boolean isValidTag(String tag) {
        return DOCKER_TAG.matcher(tag).matches();
    }
}
