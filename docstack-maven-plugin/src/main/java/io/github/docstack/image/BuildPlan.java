package io.github.docstack.image;

import io.github.docstack.manifest.Manifest;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything about a build that needs no engine: the validated manifest, the context, the tags, labels and
 * arguments. Made first, so a broken docstack/ directory is reported even where no engine runs.
 */
public record BuildPlan(Manifest manifest, ImageReference name, List<String> references, List<String> tagNames,
        Path context, String dockerfileInContext, Set<String> neverSent, Map<String, String> buildArgs,
        Map<String, String> labels, GitState git, String version, boolean noCache, boolean pull) {
}
