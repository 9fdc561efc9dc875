package io.github.docstack.mojo;

import io.github.docstack.engine.Engine;
import io.github.docstack.engine.EngineException;
import io.github.docstack.stack.ForeignVolumesException;
import io.github.docstack.stack.ReadinessGate;
import io.github.docstack.stack.Stack;
import io.github.docstack.stack.StackException;
import io.github.docstack.stack.StackPreparer;
import io.github.docstack.stack.VolumesOfAnotherReleaseException;
import java.io.IOException;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/** What up and compose share: resolving and wiring the stack, with its port offset. */
public abstract class AbstractDeployingMojo extends AbstractStackMojo {

    /** Moves every published port by this much, to run two stacks side by side. */
    @Parameter(property = DocstackProperties.PORT_OFFSET, defaultValue = "0")
    protected int portOffset;

    /** How many images are resolved (and steps run) at once. */
    @Parameter(property = DocstackProperties.PARALLELISM, defaultValue = "8")
    protected int parallelism;

    @Parameter(defaultValue = "${session}", readonly = true)
    private MavenSession session;

    private final SettingsDecrypter decrypter;

    protected AbstractDeployingMojo(SettingsDecrypter decrypter) {
        this.decrypter = decrypter;
    }

    @Override
    protected boolean deploys() {
        return true;
    }

    /**
     * Resolves and wires the stack.
     *
     * @param gate {@link ReadinessGate#UP} for the goals that run the stack, {@link ReadinessGate#ENGINE} for an export
     */
    protected StackPreparer.Prepared prepare(Stack stackFile, Engine engine, ReadinessGate gate)
            throws StackException, EngineException, IOException, MojoFailureException {
        try {
            return StackPreparer.prepare(
                    stackFile,
                    engine,
                    new MavenEngineLog(getLog()),
                    portOffset,
                    parallelism,
                    new RegistryLogin(session, decrypter, getLog()),
                    gate);
        } catch (ForeignVolumesException e) {
            throw new MojoFailureException(
                    e.getMessage() + ". Nothing was started and no secret was made. Either copy the"
                            + " secrets.properties of the checkout that made the data to " + shown(e.secretsFile())
                            + ", or drop the data: mvn"
                            + " docstack:down -D" + DocstackProperties.REMOVE_VOLUMES + " (with -D"
                            + DocstackProperties.STACK + " if the stack"
                            + " file is elsewhere)");
        } catch (VolumesOfAnotherReleaseException e) {
            throw new MojoFailureException(e.getMessage() + ". Nothing was started and no data was changed. Either run"
                    + " the release that made the data (-D" + DocstackProperties.RELEASE + "="
                    + String.join(" or ", e.dataReleases()) + "), or drop the data first: mvn docstack:down -D"
                    + DocstackProperties.REMOVE_VOLUMES);
        }
    }
}
