package io.github.docstack.manifest;

import java.nio.file.Path;

/**
 * One thing wrong (or worth knowing) in a {@code docstack/} directory: which rule, where, and a message that
 * says how to fix it.
 */
public record Problem(Rule rule, Severity severity, Path file, Position position, String message) {

    public Problem(Rule rule, Path file, Position position, String message) {
        this(rule, rule.severity(), file, position, message);
    }

    /** {@code path:line:column: rule message}, the shape IDEs and Jenkins' warnings plugins read. */
    public String format(Path relativeTo) {
        Path shown = relativeTo != null && file.isAbsolute() && file.startsWith(relativeTo)
                ? relativeTo.relativize(file)
                : file;
        return shown + ":" + position + ": " + rule.id() + " " + message;
    }
}
