package io.github.docstack.mojo;

/**
 * Every user property docstack reads ({@code -Ddocstack.*} on the command line, or {@code <properties>} in a
 * pom). One place, so names stay consistent across goals and the docs can list them all.
 */
public final class DocstackProperties {

    /** Skip every docstack goal. */
    public static final String SKIP = "docstack.skip";

    /** The Docker engine's address; defaults to {@code DOCKER_HOST}, else the default socket. */
    public static final String DOCKER_HOST = "docstack.dockerHost";

    /** The docstack/ directory to validate or build. */
    public static final String DIRECTORY = "docstack.directory";

    /** Fail validation on warnings too. */
    public static final String FAIL_ON_WARNING = "docstack.failOnWarning";

    /** Rule ids not to report, comma-separated. */
    public static final String IGNORE = "docstack.ignore";

    /** Where docstack:validate writes its JUnit XML report. */
    public static final String REPORT_DIRECTORY = "docstack.reportDirectory";

    private DocstackProperties() {
    }
}
