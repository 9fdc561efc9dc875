package io.github.docstack.engine;

import java.util.List;
import java.util.Map;

/**
 * A container as the engine lists it: enough to find docstack's own by label and say where it answers.
 *
 * @param image     the image reference it was created from
 * @param imageId   the image's id, {@code sha256:...}
 * @param published the host addresses its ports are published on, e.g. {@code 127.0.0.1:5000}
 */
public record ContainerSummary(
        String id,
        String name,
        String image,
        String imageId,
        List<String> published,
        String state,
        String status,
        Map<String, String> labels) {

    public boolean running() {
        return "running".equals(state);
    }
}
