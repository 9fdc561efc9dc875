package io.github.docstack.image;

import java.util.List;

/** What a push put in the registry: written as image.json for later CI steps. */
public record PushedImage(String name, List<String> tags, String digest, String revision) {

    public PushedImage {
        tags = List.copyOf(tags);
    }
}
