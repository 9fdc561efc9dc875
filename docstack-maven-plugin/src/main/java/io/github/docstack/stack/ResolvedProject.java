package io.github.docstack.stack;

import io.github.docstack.manifest.Manifest;
import java.util.Map;

/**
 * A project of the stack with its image found: the reference it runs from, the image id (so a changed image
 * is noticed), the manifest read from the image's label, the readiness of the image's own HEALTHCHECK (null
 * when it has none), the digests of its init steps' inputs from the image's label (step name to digest), and the
 * release the image was built for (its label; null when its manifest builds no named releases).
 */
public record ResolvedProject(
        String name,
        String image,
        String imageId,
        Manifest manifest,
        Readiness imageReadiness,
        Map<String, String> stepInputs,
        String release) {

    public ResolvedProject {
        stepInputs = Map.copyOf(stepInputs);
    }

    public ResolvedProject(String name, String image, String imageId, Manifest manifest, Readiness imageReadiness) {
        this(name, image, imageId, manifest, imageReadiness, Map.of(), null);
    }

    /**
     * What decides whether an init step runs again: the digest of its inputs where the manifest names them and the
     * image carries it, else the image itself.
     */
    String stepVersion(Manifest.Step step) {
        String inputs = step.inputs() == null ? null : stepInputs.get(step.name());
        return inputs != null ? "inputs:" + inputs : imageId;
    }
}
