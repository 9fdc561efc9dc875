package io.github.docstack.engine;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One image build: a context archive (a tar of the build context), the Dockerfile's path inside it, and what
 * to call the result.
 *
 * @param contextArchive a tar file holding the build context
 * @param dockerfile     the Dockerfile's path inside the context, with '/' separators
 * @param tags           full image references to apply; the first is the build's own name
 * @param buildArgs      {@code --build-arg} values
 * @param labels         labels set on the image
 * @param target         build stage to stop at, or null for the last
 * @param noCache        build every layer afresh
 * @param pull           look for a newer base image even when the engine has one
 */
public record ImageBuild(
        Path contextArchive,
        String dockerfile,
        List<String> tags,
        Map<String, String> buildArgs,
        Map<String, String> labels,
        String target,
        boolean noCache,
        boolean pull) {

    public ImageBuild {
        if (tags.isEmpty()) {
            throw new IllegalArgumentException("an image build needs at least one tag");
        }
        tags = List.copyOf(tags);
        buildArgs = Map.copyOf(buildArgs);
        labels = Map.copyOf(labels);
    }

    public static ImageBuild of(Path contextArchive, String dockerfile, String tag) {
        return new ImageBuild(contextArchive, dockerfile, List.of(tag), Map.of(), Map.of(), null, false, false);
    }
}
