package io.github.docstack.engine;

import java.util.List;

/** The engine ran a build and one of its steps failed; the last lines the build printed come with it. */
public class ImageBuildFailedException extends EngineException {

    private final List<String> outputTail;

    public ImageBuildFailedException(String message, List<String> outputTail, Throwable cause) {
        super(message, cause);
        this.outputTail = List.copyOf(outputTail);
    }

    /** The build's last lines of output, the failing step's among them. */
    public List<String> outputTail() {
        return outputTail;
    }
}
