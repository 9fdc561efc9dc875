package io.github.docstack.image;

/**
 * An image reference: {@code [registry/]repository[:tag]}, e.g. {@code localhost:5000/docstack/glance:latest}.
 *
 * @param registry   host[:port], or null for the local engine / Docker Hub
 * @param repository path, e.g. {@code docstack/glance}
 * @param tag        tag, or null
 */
public record ImageReference(String registry, String repository, String tag) {

    public static ImageReference parse(String reference) {
        String rest = reference;
        String registry = null;
        int slash = rest.indexOf('/');
        if (slash > 0) {
            String first = rest.substring(0, slash);
            if (first.contains(".") || first.contains(":") || first.equals("localhost")) {
                registry = first;
                rest = rest.substring(slash + 1);
            }
        }
        String tag = null;
        int colon = rest.lastIndexOf(':');
        if (colon > rest.lastIndexOf('/')) {
            tag = rest.substring(colon + 1);
            rest = rest.substring(0, colon);
        }
        return new ImageReference(registry, rest, tag);
    }

    /** {@code registry/namespace/name}, leaving out what is blank. */
    public static ImageReference of(String registry, String namespace, String name) {
        String repository = namespace == null || namespace.isBlank() ? name : strip(namespace) + "/" + name;
        return new ImageReference(registry == null || registry.isBlank() ? null : strip(registry), repository, null);
    }

    public ImageReference withTag(String newTag) {
        return new ImageReference(registry, repository, newTag);
    }

    /** The reference without its tag. */
    public String name() {
        return registry == null ? repository : registry + "/" + repository;
    }

    @Override
    public String toString() {
        return tag == null ? name() : name() + ":" + tag;
    }

    private static String strip(String part) {
        return part.replaceAll("^/+|/+$", "");
    }
}
