package io.github.docstack.mojo;

import io.github.docstack.engine.Engine;
import io.github.docstack.engine.EngineException;
import io.github.docstack.stack.Stack;
import io.github.docstack.stack.StackException;
import io.github.docstack.stack.StackLock;
import io.github.docstack.stack.StackOwner;
import io.github.docstack.stack.StackPreparer;
import io.github.docstack.stack.StackRunner;
import java.io.IOException;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Removes the stack's containers and network, found by their label (so it works from any fresh JVM and
 * touches nothing else). Volumes and secrets stay, so the next up finds its data, unless
 * {@code -Ddocstack.removeVolumes}.
 */
@Mojo(name = "down", requiresProject = false, threadSafe = true)
public class DownMojo extends AbstractStackMojo {

    /** Also remove the stack's volumes and its secrets. */
    @Parameter(property = DocstackProperties.REMOVE_VOLUMES, defaultValue = "false")
    private boolean removeVolumes;

    @Override
    protected void run() throws MojoExecutionException, MojoFailureException, EngineException {
        Engine engine = connectEngine(); // connects while the stack file is read
        Stack stackFile = loadStack(engine);
        try (engine;
                StackLock lock = lock(stackFile, engine, "down")) {
            StackRunner runner = new StackRunner(engine, new MavenEngineLog(getLog()));
            runner.checkDownAllowed(stackFile.name(), StackOwner.of(stackFile));
            List<String> removed = runner.down(stackFile.name(), removeVolumes);
            removed.forEach(item -> getLog().info("Removed " + item));
            if (removeVolumes && StackPreparer.removeState(stackFile)) {
                getLog().info("Removed the stack's secrets and outputs "
                        + shown(StackPreparer.stateDirectory(stackFile)));
            }
            getLog().info("Stack " + stackFile.name() + " is down (" + removed.size() + " objects removed"
                    + (removeVolumes ? ", volumes included)" : "; volumes and secrets kept)"));
        } catch (StackException e) {
            throw failure(e);
        } catch (IOException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MojoExecutionException(
                    "Interrupted while the stack's containers stopped: run mvn docstack:down again");
        }
    }
}
