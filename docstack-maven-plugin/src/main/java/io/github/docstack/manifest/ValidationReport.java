package io.github.docstack.manifest;

import java.nio.file.Path;
import java.util.List;

/**
 * What validating one {@code docstack/} directory found.
 *
 * @param directory    the docstack/ directory
 * @param manifest     the manifest as read (possibly partial), or null when it could not be read at all
 * @param manifestText the manifest file's text as it was read and validated, or null when it could not be read
 * @param problems     every problem, sorted by file and position
 */
public record ValidationReport(Path directory, Manifest manifest, String manifestText, List<Problem> problems) {

    /** A report on something that is no project's docstack/ directory, or whose manifest could not be read. */
    public ValidationReport(Path directory, Manifest manifest, List<Problem> problems) {
        this(directory, manifest, null, problems);
    }

    public long count(Severity severity) {
        return problems.stream()
                .filter(problem -> problem.severity() == severity)
                .count();
    }

    public boolean hasErrors() {
        return count(Severity.ERROR) > 0;
    }

    /** {@code 2 errors, 1 warning, 0 infos}. */
    public String summary() {
        return plural(count(Severity.ERROR), "error") + ", " + plural(count(Severity.WARNING), "warning") + ", "
                + plural(count(Severity.INFO), "info");
    }

    private static String plural(long count, String word) {
        return count + " " + word + (count == 1 ? "" : "s");
    }
}
