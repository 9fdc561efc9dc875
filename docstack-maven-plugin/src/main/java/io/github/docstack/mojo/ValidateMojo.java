package io.github.docstack.mojo;

import io.github.docstack.manifest.DocstackValidator;
import io.github.docstack.manifest.JUnitReport;
import io.github.docstack.manifest.ValidationReport;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Checks the project's {@code docstack/} directory (manifest and Dockerfile) without Docker, and reports every
 * problem as {@code path:line:column: rule message}, plus a JUnit XML report for CI. Works without a pom:
 * {@code mvn docstack:validate} in any project.
 */
@Mojo(name = "validate", defaultPhase = LifecyclePhase.VALIDATE, requiresProject = false, threadSafe = true)
public class ValidateMojo extends AbstractDocstackMojo {

    /** The docstack/ directory to check. */
    @Parameter(property = DocstackProperties.DIRECTORY, defaultValue = "${basedir}/docstack")
    private File directory;

    /** Fail the build on warnings too, not only on errors. */
    @Parameter(property = DocstackProperties.FAIL_ON_WARNING, defaultValue = "false")
    private boolean failOnWarning;

    /** Rule ids not to report, e.g. {@code runs-as-root,port-not-exposed}; adds to the manifest's own {@code ignore:}. */
    @Parameter(property = DocstackProperties.IGNORE)
    private List<String> ignore;

    @Override
    protected void run() throws MojoExecutionException, MojoFailureException {
        Path base = baseDirectory();
        ValidationReport report = DocstackValidator.validate(directory.toPath(), ignore == null ? List.of() : ignore);
        ProblemPrinter.print(report, base, getLog());
        Path reportFile = outputDirectory().resolve("validation-junit.xml");
        try {
            JUnitReport.write(report, reportFile, base);
        } catch (IOException e) {
            throw new MojoExecutionException(
                    "Could not write the validation report " + reportFile + ": " + e.getMessage()
                            + ". Check that the directory is writable, or set " + DocstackProperties.OUTPUT_DIRECTORY);
        }
        String checked = shown(report.directory());
        getLog().info("docstack:validate " + checked + ": " + report.summary() + " (report: " + shown(reportFile)
                + ")");
        if (report.hasErrors()) {
            throw new MojoFailureException(checked + " has " + report.summary() + ": fix the errors listed above");
        }
        if (failOnWarning && report.count(io.github.docstack.manifest.Severity.WARNING) > 0) {
            throw new MojoFailureException(
                    checked + " has " + report.summary() + " and " + DocstackProperties.FAIL_ON_WARNING
                            + " is set: fix the warnings listed above, or suppress a rule with ignore");
        }
    }
}
