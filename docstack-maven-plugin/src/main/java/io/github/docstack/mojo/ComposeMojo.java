package io.github.docstack.mojo;

import io.github.docstack.engine.Engine;
import io.github.docstack.engine.EngineException;
import io.github.docstack.stack.ComposeExport;
import io.github.docstack.stack.ReadinessGate;
import io.github.docstack.stack.Stack;
import io.github.docstack.stack.StackException;
import io.github.docstack.stack.StackLock;
import io.github.docstack.stack.StackPreparer;
import java.io.IOException;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Writes the stack as a Compose file ({@code <output>/<stack>/compose.yaml}, and {@code .env} with the secrets,
 * 0600), checked against the official Compose schema, so {@code docker compose up} or Debian's
 * {@code docker-compose} runs the same stack: the same wiring, order, health gates, names and volumes.
 */
@Mojo(name = "compose", requiresProject = false, threadSafe = true)
public class ComposeMojo extends AbstractDeployingMojo {

    @Inject
    public ComposeMojo(SettingsDecrypter decrypter) {
        super(decrypter);
    }

    @Override
    protected void run() throws MojoExecutionException, MojoFailureException, EngineException {
        Engine engine = connectEngine(); // connects while the stack file is read
        Stack stackFile = loadStack(engine);
        try (engine;
                StackLock lock = lock(stackFile, engine, "compose")) {
            StackPreparer.Prepared prepared = prepare(stackFile, engine, ReadinessGate.ENGINE);
            ComposeExport.ComposeFiles files = ComposeExport.write(
                    prepared.deployment(), prepared.secrets(), outputDirectory().resolve(stackFile.name()));
            getLog().info("docstack:compose wrote " + shown(files.compose()) + " and " + shown(files.env())
                    + " (secrets, 0600)");
            getLog().info("Run it with: docker-compose -p " + stackFile.name() + " -f " + shown(files.compose())
                    + " up -d");
        } catch (StackException e) {
            throw failure(e);
        } catch (IOException e) {
            throw new MojoExecutionException(e.getMessage());
        }
    }
}
