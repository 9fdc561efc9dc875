package io.github.docstack.stack;

import io.github.docstack.image.ReleaseNotBuiltException;
import java.util.List;

/** A {@code path:} project of the stack does not build the release the stack asks of it; nothing was started. */
public class ReleaseUnavailableException extends StackException {

    private final List<String> releases;

    public ReleaseUnavailableException(ReleaseNotBuiltException cause) {
        super(
                "Project " + cause.project() + " builds the releases " + String.join(", ", cause.releases())
                        + ", not " + cause.release() + ", which the stack asks for. Nothing was built or started:"
                        + " ask the stack for one of those releases, pin this project's own (release: under it in"
                        + " the stack file), or leave the project out",
                cause);
        this.releases = cause.releases();
    }

    /** The releases the project builds, the newest first. */
    public List<String> releases() {
        return releases;
    }
}
