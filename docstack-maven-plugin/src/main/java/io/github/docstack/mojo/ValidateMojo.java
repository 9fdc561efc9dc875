package io.github.docstack.mojo;

import io.github.docstack.manifest.DocstackValidator;
import io.github.docstack.manifest.JUnitReport;
import io.github.docstack.manifest.Problem;
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
import org.apache.maven.project.MavenProject;

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

    /**
     * Where the JUnit XML report goes. Default: {@code target/docstack/} in a Maven project, {@code .docstack/}
     * in a directory without a pom.
     */
    @Parameter(property = DocstackProperties.REPORT_DIRECTORY)
    private File reportDirectory;

    @Parameter(defaultValue = "${project}", readonly = true)
    private MavenProject project;

    @Override
    protected void run() throws MojoExecutionException, MojoFailureException {
        Path base = baseDirectory();
        ValidationReport report = DocstackValidator.validate(directory.toPath(), ignore == null ? List.of() : ignore);
        for (Problem problem : report.problems()) {
            String line = problem.format(base);
            switch (problem.severity()) {
                case ERROR -> getLog().error(line);
                case WARNING -> getLog().warn(line);
                case INFO -> getLog().info(line);
            }
        }
        Path reportFile = reportDirectory().resolve("validation-junit.xml");
        try {
            JUnitReport.write(report, reportFile, base);
        } catch (IOException e) {
            throw new MojoExecutionException("Could not write the validation report " + reportFile + ": "
                    + e.getMessage() + ". Check that the directory is writable, or set " + DocstackProperties.REPORT_DIRECTORY);
        }
        String shown = base.relativize(report.directory()).toString();
        getLog().info("docstack:validate " + (shown.isEmpty() ? report.directory() : shown) + ": " + report.summary()
                + " (report: " + base.relativize(reportFile.toAbsolutePath()) + ")");
        if (report.hasErrors()) {
            throw new MojoFailureException(shown + " has " + report.summary() + ": fix the errors listed above");
        }
        if (failOnWarning && report.count(io.github.docstack.manifest.Severity.WARNING) > 0) {
            throw new MojoFailureException(shown + " has " + report.summary() + " and " + DocstackProperties.FAIL_ON_WARNING
                    + " is set: fix the warnings listed above, or suppress a rule with ignore");
        }
    }

    private Path baseDirectory() {
        return project != null && project.getBasedir() != null ? project.getBasedir().toPath().toAbsolutePath()
                : Path.of("").toAbsolutePath();
    }

    private Path reportDirectory() {
        if (reportDirectory != null) {
            return reportDirectory.toPath().toAbsolutePath();
        }
        boolean hasPom = project != null && project.getFile() != null && project.getFile().isFile();
        return hasPom ? Path.of(project.getBuild().getDirectory(), "docstack") : baseDirectory().resolve(".docstack");
    }
}
