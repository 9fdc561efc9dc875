package io.github.docstack.image;

import java.util.List;

/**
 * An image docstack built: what {@code docstack:push} pushes, kept as build.json between the two goals.
 *
 * @param name     {@code [registry/][namespace/]name}, without tag
 * @param tags     full references, one per tag
 * @param imageId  the engine's image id
 * @param revision the git commit, or null outside a checkout
 * @param version  the version label
 */
public record BuiltImage(String name, List<String> tags, String imageId, String revision, String version) {

    public BuiltImage {
        tags = List.copyOf(tags);
    }
}
