package io.github.docstack.stack;

import io.github.docstack.engine.RegistryException;

/**
 * A project's image could not be pulled from its registry (it holds no such tag, refused the credentials, or did not
 * answer); nothing of the stack was started.
 */
public class ImagePullFailedException extends StackException {

    private final String image;
    private final RegistryException.Kind kind;

    public ImagePullFailedException(String project, String image, RegistryException cause) {
        super(
                "Project " + project + ": " + cause.getMessage() + " Nothing was started"
                        + (cause.kind() == RegistryException.Kind.NOT_FOUND
                                ? ": push that image to the registry first, or ask for a release or channel it holds"
                                : ""),
                cause);
        this.image = image;
        this.kind = cause.kind();
    }

    /** The image as the stack named it, registry included. */
    public String image() {
        return image;
    }

    /** Why the registry did not give it. */
    public RegistryException.Kind kind() {
        return kind;
    }
}
