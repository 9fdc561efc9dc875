package io.github.docstack.image;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * What to build: a docstack/ directory, where the image goes, and how. Made with {@link #of} and the {@code with}
 * methods, which name what they set.
 *
 * @param docstackDirectory the project's docstack/ directory
 * @param registry          registry host[:port] the image is named for, or null for the local engine only
 * @param namespace         path inside the registry, e.g. docstack, or null
 * @param extraTags         tags on top of the tag policy's
 * @param buildArgs         build arguments on top of the manifest's build.args (these win)
 * @param noCache           build every layer afresh
 * @param pull              look for a newer base image
 * @param ignoredRules      validation rules not to report
 * @param environment       process environment (Jenkins' BRANCH_NAME, TAG_NAME, GIT_BRANCH)
 * @param release           the release to build, of those the manifest's build.releases names; null, latest or
 *                          milestone for the newest
 */
public record BuildRequest(
        Path docstackDirectory,
        String registry,
        String namespace,
        List<String> extraTags,
        Map<String, String> buildArgs,
        boolean noCache,
        boolean pull,
        Collection<String> ignoredRules,
        Map<String, String> environment,
        String release) {

    public BuildRequest {
        extraTags = List.copyOf(extraTags);
        buildArgs = Map.copyOf(buildArgs);
        ignoredRules = List.copyOf(ignoredRules);
        environment = Map.copyOf(environment);
    }

    /** The project in {@code docstackDirectory}, for the local engine only, with the manifest's build as it is. */
    public static BuildRequest of(Path docstackDirectory, Map<String, String> environment) {
        return new BuildRequest(
                docstackDirectory, null, null, List.of(), Map.of(), false, false, List.of(), environment, null);
    }

    /** Named for {@code registry} (host[:port]) under {@code namespace} (either may be null). */
    public BuildRequest withRegistry(String registry, String namespace) {
        return new BuildRequest(
                docstackDirectory,
                registry,
                namespace,
                extraTags,
                buildArgs,
                noCache,
                pull,
                ignoredRules,
                environment,
                release);
    }

    public BuildRequest withExtraTags(List<String> tags) {
        return new BuildRequest(
                docstackDirectory,
                registry,
                namespace,
                tags,
                buildArgs,
                noCache,
                pull,
                ignoredRules,
                environment,
                release);
    }

    public BuildRequest withBuildArgs(Map<String, String> args) {
        return new BuildRequest(
                docstackDirectory,
                registry,
                namespace,
                extraTags,
                args,
                noCache,
                pull,
                ignoredRules,
                environment,
                release);
    }

    public BuildRequest withNoCache(boolean value) {
        return new BuildRequest(
                docstackDirectory,
                registry,
                namespace,
                extraTags,
                buildArgs,
                value,
                pull,
                ignoredRules,
                environment,
                release);
    }

    public BuildRequest withPull(boolean value) {
        return new BuildRequest(
                docstackDirectory,
                registry,
                namespace,
                extraTags,
                buildArgs,
                noCache,
                value,
                ignoredRules,
                environment,
                release);
    }

    public BuildRequest withIgnoredRules(Collection<String> rules) {
        return new BuildRequest(
                docstackDirectory,
                registry,
                namespace,
                extraTags,
                buildArgs,
                noCache,
                pull,
                rules,
                environment,
                release);
    }

    /** Builds {@code name}, one of the manifest's releases; null, latest or milestone for the newest. */
    public BuildRequest withRelease(String name) {
        return new BuildRequest(
                docstackDirectory,
                registry,
                namespace,
                extraTags,
                buildArgs,
                noCache,
                pull,
                ignoredRules,
                environment,
                name);
    }
}
