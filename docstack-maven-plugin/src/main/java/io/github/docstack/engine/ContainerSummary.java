package io.github.docstack.engine;

import java.util.Map;

/** A container as the engine lists it: enough to find docstack's own by label. */
public record ContainerSummary(String id, String name, String image, String state, String status, Map<String, String> labels) {

    public boolean running() {
        return "running".equals(state);
    }
}
