package io.github.docstack.mojo;

import io.github.docstack.engine.ContainerSummary;
import io.github.docstack.engine.Engine;
import io.github.docstack.engine.EngineException;
import io.github.docstack.stack.Stack;
import io.github.docstack.stack.StackLabels;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Prints one service's logs ({@code -Ddocstack.service=NAME}) or every container's, and follows with {@code -Ddocstack.follow}. */
@Mojo(name = "logs", requiresProject = false, threadSafe = true)
public class LogsMojo extends AbstractStackMojo {

    /** The service (or one-shot step) to show; all when unset. */
    @Parameter(property = DocstackProperties.SERVICE)
    private String service;

    /** Keep printing as the log grows, until the container stops (or Ctrl-C). */
    @Parameter(property = DocstackProperties.FOLLOW, defaultValue = "false")
    private boolean follow;

    @Override
    protected void run() throws MojoExecutionException, MojoFailureException, EngineException {
        Engine engine = connectEngine(); // connects while the stack file is read
        Stack stackFile = loadStack(engine);
        try (engine) {
            List<ContainerSummary> containers = engine.containers(StackLabels.STACK, stackFile.name()).stream()
                    .filter(container ->
                            service == null || service.equals(container.labels().get(StackLabels.UNIT)))
                    .toList();
            if (containers.isEmpty()) {
                throw new MojoFailureException(
                        service == null
                                ? "Stack " + stackFile.name() + " has no containers"
                                : "Stack " + stackFile.name() + " has no service or step " + service
                                        + ": mvn docstack:status lists them");
            }
            for (ContainerSummary container : containers) {
                String prefix = containers.size() > 1 ? container.labels().get(StackLabels.UNIT) + " | " : "";
                if (follow && containers.size() == 1) {
                    engine.followLogs(container.id(), line -> getLog().info(prefix + line));
                } else {
                    engine.lastLogLines(container.id(), 10_000).forEach(line -> getLog().info(prefix + line));
                }
            }
        }
    }
}
