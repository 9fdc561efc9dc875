package io.github.docstack.stack;

import java.nio.file.Path;

/** A project the stack builds from a path has a docstack/ directory that does not validate. */
public class ProjectUnbuildableException extends StackException {

    private final Path path;

    public ProjectUnbuildableException(String project, Path path, String problems, Throwable cause) {
        super("Project " + project + " at " + path + " cannot be built: " + problems, cause);
        this.path = path;
    }

    /** The project's checkout, where validation shows every problem. */
    public Path path() {
        return path;
    }
}
