package io.github.docstack.image;

import io.github.docstack.engine.ImageBuildFailedException;
import java.util.List;

/** A build failed because apt could not install what the Dockerfile asks for; {@link #problems()} says what. */
public class PackagesNotInstallableException extends ImageBuildFailedException {

    private final List<String> problems;

    PackagesNotInstallableException(ImageBuildFailedException failure, List<String> problems) {
        super(
                failure.getMessage() + " Debian's archive could not install what the Dockerfile asks for: "
                        + String.join("; ", problems) + ". A suite that moves every day (sid, which the newest"
                        + " release is built from) lacks a package now and then: build again later, or build"
                        + " another release meanwhile.",
                failure.outputTail(),
                failure);
        this.problems = List.copyOf(problems);
    }

    /** Each package apt could not install, and why, as apt said it. */
    public List<String> problems() {
        return problems;
    }
}
