package io.github.docstack.image;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * What to build: a docstack/ directory, where the image goes, and how.
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
        Map<String, String> environment) {

    public BuildRequest {
        extraTags = List.copyOf(extraTags);
        buildArgs = Map.copyOf(buildArgs);
        ignoredRules = List.copyOf(ignoredRules);
        environment = Map.copyOf(environment);
    }
}
