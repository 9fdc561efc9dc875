package io.github.docstack.stack;

import io.github.docstack.image.InvalidDocstackException;
import io.github.docstack.manifest.ValidationReport;
import java.nio.file.Path;

/** A project the stack builds from a path has a docstack/ directory that does not validate. */
public class ProjectUnbuildableException extends StackException {

    private final Path path;
    private final ValidationReport report;

    public ProjectUnbuildableException(String project, Path path, InvalidDocstackException cause) {
        super("Project " + project + " at " + path + " cannot be built: " + cause.getMessage(), cause);
        this.path = path;
        this.report = cause.report();
    }

    /** The project's checkout, where validation shows every problem. */
    public Path path() {
        return path;
    }

    /** What validating its docstack/ directory found, each problem with its file, line and column. */
    public ValidationReport report() {
        return report;
    }
}
