package io.github.docstack.image;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TagPolicyTest {

    private static final String COMMIT = "0123456789abcdef0123456789abcdef01234567";

    private static GitState on(String branch, String... tags) {
        return new GitState(COMMIT, Instant.EPOCH, branch, List.of(tags), null);
    }

    @Test
    void everyCommitGetsItsImmutableTag() {
        assertEquals(List.of("git-0123456789ab"), TagPolicy.DEFAULT.tags(on("feature/x")));
    }

    @Test
    void defaultBranchesMoveLatest() {
        assertEquals(List.of("git-0123456789ab", "latest"), TagPolicy.DEFAULT.tags(on("main")));
        assertEquals(List.of("git-0123456789ab", "latest"), TagPolicy.DEFAULT.tags(on("master")));
    }

    @Test
    void stableBranchesGiveTheirSeries() {
        assertEquals(List.of("git-0123456789ab", "2025.2"), TagPolicy.DEFAULT.tags(on("stable/2025.2")));
        assertEquals("2025.2", TagPolicy.DEFAULT.version(on("stable/2025.2")));
    }

    @Test
    void milestoneAndReleaseCandidateTagsMoveMilestone() {
        assertEquals(
                List.of("git-0123456789ab", "29.0.0.0b1", "milestone"), TagPolicy.DEFAULT.tags(on(null, "29.0.0.0b1")));
        assertEquals(
                List.of("git-0123456789ab", "29.0.0.0rc2", "milestone"),
                TagPolicy.DEFAULT.tags(on(null, "29.0.0.0rc2")));
    }

    @Test
    void theDefaultBranchsImageOfAMilestonesPackagesMovesMilestone() {
        List<String> main = TagPolicy.DEFAULT.tags(on("main"), "2027.1", true);
        assertEquals(
                List.of("git-0123456789ab", "latest", "2027.1", "milestone"),
                TagPolicy.DEFAULT.withPackageMilestone(main, "keystone 2:31.0.0~b1-1\npython3-keystone 2:31.0.0~b1-1"));
        assertEquals(
                List.of("git-0123456789ab", "latest", "2027.1", "milestone"),
                TagPolicy.DEFAULT.withPackageMilestone(main, "nova 31.0.0~rc2-1"));
        assertEquals(main, TagPolicy.DEFAULT.withPackageMilestone(main, "keystone 2:30.0.0-3"), "a release is not");
        List<String> feature = TagPolicy.DEFAULT.tags(on("feature/x"));
        assertEquals(
                feature,
                TagPolicy.DEFAULT.withPackageMilestone(feature, "keystone 2:31.0.0~b1-1"),
                "only where latest moves");
    }

    @Test
    void releaseTagsAreTheirOwnTagOnly() {
        assertEquals(
                List.of("git-0123456789ab", "29.0.0"), TagPolicy.DEFAULT.tags(on(null, "29.0.0", "not-a-release")));
        assertEquals("29.0.0", TagPolicy.DEFAULT.version(on(null, "29.0.0")));
    }

    @Test
    void outsideACheckoutTheTagIsDev() {
        assertEquals(List.of("dev"), TagPolicy.DEFAULT.tags(GitState.NONE));
    }

    @Test
    void aProjectMayNameItsOwnDefaultBranches() {
        assertEquals(List.of("git-0123456789ab", "latest"), new TagPolicy(java.util.Set.of("trunk")).tags(on("trunk")));
    }

    @Test
    void theNewestReleaseOnTheDefaultBranchIsLatestAndItsSeries() {
        assertEquals(
                List.of("git-0123456789ab", "latest", "2026.2"), TagPolicy.DEFAULT.tags(on("main"), "2026.2", true));
    }

    @Test
    void anOlderReleaseGetsItsSeriesAndImmutableTagsOfItsOwnButNeitherLatestNorGitTags() {
        assertEquals(
                List.of("zed-git-0123456789ab", "zed"), TagPolicy.DEFAULT.tags(on("main", "29.0.0.0b1"), "zed", false));
    }

    @Test
    void aReleaseIsTaggedWithItsSeriesOnlyWhereTheChannelsMove() {
        assertEquals(List.of("git-0123456789ab"), TagPolicy.DEFAULT.tags(on("feature/x"), "2026.2", true));
        assertEquals(List.of("2025.1-git-0123456789ab"), TagPolicy.DEFAULT.tags(on("feature/x"), "2025.1", false));
        assertEquals(
                List.of("2025.1-git-0123456789ab", "2025.1"),
                TagPolicy.DEFAULT.tags(on("stable/2025.1"), "2025.1", false));
        assertEquals(List.of("zed-dev"), TagPolicy.DEFAULT.tags(GitState.NONE, "zed", false));
    }
}
