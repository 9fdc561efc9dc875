package io.github.docstack.stack;

import io.github.docstack.image.InvalidDocstackException;
import java.nio.file.Path;

/** A project the stack builds from a path has a docstack/ directory that does not validate (the cause says how). */
public class ProjectUnbuildableException extends StackException {

    private final Path path;

    public ProjectUnbuildableException(String project, Path path, InvalidDocstackException cause) {
        super("Project " + project + " at " + path + " cannot be built: " + cause.getMessage(), cause);
        this.path = path;
    }

    /** The project's checkout, where validation shows every problem. */
    public Path path() {
        return path;
    }
}
