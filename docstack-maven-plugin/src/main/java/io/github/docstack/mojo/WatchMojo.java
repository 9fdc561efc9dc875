package io.github.docstack.mojo;

import io.github.docstack.engine.Engine;
import io.github.docstack.engine.EngineException;
import io.github.docstack.image.InvalidDocstackException;
import io.github.docstack.stack.SourceWatcher;
import io.github.docstack.stack.Stack;
import io.github.docstack.stack.StackException;
import io.github.docstack.stack.StackLock;
import io.github.docstack.stack.StackRunner;
import io.github.docstack.stack.StepOutcome;
import io.github.docstack.stack.WatchedProject;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Brings the stack up, then watches every {@code path:} project's sources: each saved change (a burst of saves is
 * one) rebuilds what changed through the build cache and recreates just the services whose image or configuration
 * changed, as {@code up} would, with one line per change. A change that does not build, or a service that does not
 * get healthy, is reported and the watch goes on; a failed build leaves the running services as they were. Ctrl-C
 * stops it.
 */
@Mojo(name = "watch", requiresProject = false, threadSafe = true)
public class WatchMojo extends AbstractDeployingMojo {

    /** Seconds a service may take to become healthy, and a one-shot step to finish. */
    @Parameter(property = DocstackProperties.HEALTH_TIMEOUT, defaultValue = "300")
    private int healthTimeout;

    /** Milliseconds without a further change before a burst of saves is acted on. */
    @Parameter(property = DocstackProperties.WATCH_QUIET, defaultValue = "300")
    private int quietMillis;

    @Inject
    public WatchMojo(SettingsDecrypter decrypter) {
        super(decrypter);
    }

    @Override
    protected void run() throws MojoExecutionException, MojoFailureException, EngineException {
        Stack stackFile = loadStack();
        try (Engine engine = connectEngine()) {
            List<WatchedProject> watched = WatchedProject.of(stackFile);
            if (watched.isEmpty()) {
                throw new MojoFailureException("Stack " + stackFile.name() + " has no project built from a path: nothing to watch."
                        + " Give the project you work on a path: to its checkout in " + shown(stackFile.file()));
            }
            try (SourceWatcher watcher = new SourceWatcher(watched, Duration.ofMillis(quietMillis))) {
                StackRunner.UpReport first = deploy(stackFile, engine);
                getLog().info(String.format("[watch] stack %s is up in %.1f s (%d steps run); watching %s. Ctrl-C stops.",
                        stackFile.name(), first.seconds(), first.started(),
                        watched.stream().map(project -> project.name() + " (" + shown(project.context()) + ")").collect(Collectors.joining(", "))));
                while (true) {
                    Map<String, Set<Path>> changes = watcher.awaitChanges();
                    long start = System.nanoTime();
                    try {
                        StackRunner.UpReport report = deploy(stackFile, engine);
                        getLog().info(String.format("[watch] %s: %s (%.1f s)", describe(changes), actions(report),
                                (System.nanoTime() - start) / 1e9));
                    } catch (StackException | EngineException | IOException | MojoFailureException e) {
                        getLog().error(String.format("[watch] %s: %s (%.1f s). Services that were not replaced run as they did;"
                                + " fix it and save again.", describe(changes), e.getMessage(), (System.nanoTime() - start) / 1e9));
                    }
                }
            }
        } catch (InvalidDocstackException e) {
            throw new MojoFailureException(e.getMessage() + " (run mvn docstack:validate in the project to see every problem)");
        } catch (StackException e) {
            throw new MojoFailureException(e.getMessage());
        } catch (IOException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            getLog().info("[watch] stopped");
        }
    }

    /** As up does it, holding the stack's lock only meanwhile, so status, logs and down work between changes. */
    private StackRunner.UpReport deploy(Stack stackFile, Engine engine)
            throws StackException, EngineException, IOException, InterruptedException, MojoFailureException, MojoExecutionException {
        try (StackLock lock = lock(stackFile, engine, "watch")) {
            return new StackRunner(engine, new MavenEngineLog(getLog())).up(prepare(stackFile, engine).deployment(),
                    new StackRunner.Timeouts(Duration.ofSeconds(healthTimeout), Duration.ofSeconds(healthTimeout)), parallelism);
        }
    }

    private String describe(Map<String, Set<Path>> changes) {
        return changes.entrySet().stream().map(project -> {
            Set<Path> files = project.getValue();
            return project.getKey() + " " + (files.size() == 1 ? shown(files.iterator().next()) : files.size() + " files") + " changed";
        }).collect(Collectors.joining(", "));
    }

    private static String actions(StackRunner.UpReport report) {
        List<String> replaced = report.services().stream().filter(service -> service.outcome().action() != StepOutcome.Action.UNCHANGED)
                .map(service -> service.service() + " " + service.action()).toList();
        return replaced.isEmpty() ? "no service changed (the image came out as it was)" : String.join(", ", replaced);
    }
}
