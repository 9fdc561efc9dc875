package io.github.docstack.manifest;

import java.nio.file.Path;
import java.util.List;

/**
 * What validating one {@code docstack/} directory found.
 *
 * @param directory the docstack/ directory
 * @param manifest  the manifest as read (possibly partial), or null when it could not be read at all
 * @param problems  every problem, sorted by file and position
 */
public record ValidationReport(Path directory, Manifest manifest, List<Problem> problems) {

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
