package io.github.docstack.mojo;

import io.github.docstack.engine.Engine;
import io.github.docstack.engine.EngineAddress;
import io.github.docstack.engine.EngineException;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * What every docstack goal shares: {@code -Ddocstack.skip}, and turning the library's typed exceptions into
 * Maven's, with the library's message (which already says what to fix) and no stack trace.
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
            throw new MojoExecutionException(e.getMessage());
        }
    }

    /** The goal's work, once skip has been handled. */
    protected abstract void run() throws MojoExecutionException, MojoFailureException, EngineException;

    /** Connects to the engine at the configured address. Close it when done. */
    protected Engine connectEngine() throws EngineException {
        return Engine.connect(EngineAddress.resolve(dockerHost, System.getenv()), new MavenEngineLog(getLog()));
    }

    private String goal() {
        return mojoExecution != null ? mojoExecution.getGoal() : getClass().getSimpleName();
    }
}
