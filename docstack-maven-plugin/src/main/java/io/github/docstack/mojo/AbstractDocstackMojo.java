package io.github.docstack.mojo;

import io.github.docstack.engine.Engine;
import io.github.docstack.engine.EngineAddress;
import io.github.docstack.engine.EngineException;
import io.github.docstack.image.InvalidDocstackException;
import java.io.File;
import java.nio.file.Path;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * What every docstack goal shares: {@code -Ddocstack.skip}, the engine's address, where output goes, and
 * turning the library's typed exceptions into Maven's, with the library's message (which already says what to
 * fix) and no stack trace.
 */
public abstract class AbstractDocstackMojo extends AbstractMojo {

    /** Skip this goal (and, set as a property, every docstack goal). */
    @Parameter(property = DocstackProperties.SKIP, defaultValue = "false")
    protected boolean skip;

    /**
     * The Docker engine's address, e.g. {@code unix:///var/run/docker.sock} or {@code tcp://host:2376}.
     * Defaults to the {@code DOCKER_HOST} environment variable, else the default socket.
     */
    @Parameter(property = DocstackProperties.DOCKER_HOST)
    protected String dockerHost;

    /**
     * Seconds one request to the Docker engine may take (beyond a wait it asks for) before docstack judges the
     * engine hung and stops. Builds, pulls, pushes and followed logs are not bounded.
     */
    @Parameter(property = DocstackProperties.ENGINE_TIMEOUT, defaultValue = "60")
    protected int engineTimeout = 60;

    /**
     * Where docstack writes its reports, build.json and image.json. Default: {@code target/docstack/} in a
     * Maven project, {@code .docstack/} in a directory without a pom.
     */
    @Parameter(property = DocstackProperties.OUTPUT_DIRECTORY)
    protected File outputDirectory;

    @Parameter(defaultValue = "${project}", readonly = true)
    protected MavenProject project;

    @Parameter(defaultValue = "${mojoExecution}", readonly = true)
    protected MojoExecution mojoExecution;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping docstack:" + goal() + " (" + DocstackProperties.SKIP + " is true)");
            return;
        }
        try {
            run();
        } catch (EngineException e) {
            throw new MojoExecutionException(MavenWords.of(e));
        }
    }

    /** The goal's work, once skip has been handled. */
    protected abstract void run() throws MojoExecutionException, MojoFailureException, EngineException;

    /** The library's failure as Maven's, in {@link MavenWords}, after the validation problems it carries. */
    protected MojoFailureException failure(Exception failure) {
        printProblems(failure);
        return new MojoFailureException(MavenWords.of(failure));
    }

    /**
     * Prints, one per line with file, line and column, what validation found when that is why a goal failed: the
     * failure is an invalid docstack/ directory, or was caused by one (a stack's project that cannot be built).
     */
    protected void printProblems(Exception failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidDocstackException invalid) {
                ProblemPrinter.print(invalid.report(), baseDirectory(), getLog());
                return;
            }
        }
    }

    /** Connects to the engine at the configured address. Close it when done. */
    protected Engine connectEngine() throws EngineException {
        return connect(engineAddress());
    }

    /** Where the engine is: {@code docstack.dockerHost}, else DOCKER_HOST, else the local socket. */
    protected EngineAddress engineAddress() {
        return EngineAddress.resolve(dockerHost, System.getenv());
    }

    /** Connects to the engine at {@code address}, with the configured bound on each call. */
    protected Engine connect(EngineAddress address) throws EngineException {
        return Engine.connect(address, new MavenEngineLog(getLog()), java.time.Duration.ofSeconds(engineTimeout));
    }

    /** The project's directory, or the current directory without a pom. */
    protected Path baseDirectory() {
        return project != null && project.getBasedir() != null
                ? project.getBasedir().toPath().toAbsolutePath()
                : Path.of("").toAbsolutePath();
    }

    protected Path outputDirectory() {
        if (outputDirectory != null) {
            return outputDirectory.toPath().toAbsolutePath();
        }
        boolean hasPom = project != null
                && project.getFile() != null
                && project.getFile().isFile();
        return hasPom
                ? Path.of(project.getBuild().getDirectory(), "docstack")
                : baseDirectory().resolve(".docstack");
    }

    /** A path as the user should read it: relative to the project when it lies inside. */
    protected String shown(Path path) {
        Path absolute = path.toAbsolutePath();
        return absolute.startsWith(baseDirectory())
                ? baseDirectory().relativize(absolute).toString()
                : absolute.toString();
    }

    private String goal() {
        return mojoExecution != null ? mojoExecution.getGoal() : getClass().getSimpleName();
    }
}
