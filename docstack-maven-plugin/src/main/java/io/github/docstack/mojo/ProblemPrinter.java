package io.github.docstack.mojo;

import io.github.docstack.manifest.Problem;
import io.github.docstack.manifest.ValidationReport;
import java.nio.file.Path;
import org.apache.maven.plugin.logging.Log;

/** Prints problems one per line, {@code path:line:column: rule message}, at their severity's log level. */
final class ProblemPrinter {

    private ProblemPrinter() {}

    static void print(ValidationReport report, Path base, Log log) {
        for (Problem problem : report.problems()) {
            String line = problem.format(base);
            switch (problem.severity()) {
                case ERROR -> log.error(line);
                case WARNING -> log.warn(line);
                case INFO -> log.info(line);
            }
        }
    }
}
