package io.github.docstack.stack;

import io.github.docstack.manifest.Manifest;

/**
 * A project of the stack with its image found: the reference it runs from, the image id (so a changed image
 * is noticed), the manifest read from the image's label, and the readiness of the image's own HEALTHCHECK (null
 * when it has none).
 */
public record ResolvedProject(String name, String image, String imageId, Manifest manifest, Readiness imageReadiness) {
}
