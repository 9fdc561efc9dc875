package io.github.docstack.mojo;

import io.github.docstack.engine.Engine;
import io.github.docstack.engine.EngineException;
import io.github.docstack.manifest.WatchAction;
import io.github.docstack.stack.Deployment;
import io.github.docstack.stack.LiveSync;
import io.github.docstack.stack.PreviousImages;
import io.github.docstack.stack.ProjectChange;
import io.github.docstack.stack.ReadinessGate;
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
import java.util.ArrayList;
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
 * Brings the stack up, then watches every {@code path:} project's sources, with one line per change (a burst of
 * saves is one). What a change means is the project manifest's {@code watch:} rules: {@code sync} copies the changed
 * files into the project's running services, {@code sync+exec} copies and runs a command in them (a server's own
 * reload), {@code sync+restart} copies and restarts them; anything else rebuilds
 * what changed through the build cache and recreates just the services whose image or configuration changed, as
 * {@code up} would. A change that does not build, or a service that does not get ready, is reported and the watch
 * goes on: a failed build leaves the running services as they were, a rebuilt service that does not get ready gets
 * its previous image back, and a failed sync puts back the files it replaced. Ctrl-C stops it.
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
        Engine engine = connectEngine(); // connects while the stack file is read
        Stack stackFile = loadStack(engine);
        try (engine) {
            List<WatchedProject> watched = WatchedProject.of(stackFile);
            if (watched.isEmpty()) {
                throw new MojoFailureException("Stack " + stackFile.name()
                        + " has no project built from a path: nothing to watch."
                        + " Give the project you work on a path: to its checkout in " + shown(stackFile.file()));
            }
            try (SourceWatcher watcher = new SourceWatcher(watched, Duration.ofMillis(quietMillis))) {
                Deployed current = deploy(stackFile, engine);
                getLog().info(String.format(
                        "[watch] stack %s is up in %.1f s (%d steps run); watching %s. Ctrl-C stops.",
                        stackFile.name(),
                        current.report().seconds(),
                        current.report().started(),
                        watched.stream()
                                .map(project -> project.name() + " (" + shown(project.context()) + ")")
                                .collect(Collectors.joining(", "))));
                while (true) {
                    Map<String, Set<Path>> changes = watcher.awaitChanges();
                    long start = System.nanoTime();
                    List<ProjectChange> decided = decide(watched, changes);
                    PreviousImages previous = null;
                    try {
                        String done;
                        if (decided.stream().anyMatch(change -> change.action() == WatchAction.REBUILD)) {
                            previous = PreviousImages.of(current.deployment(), engine);
                            current = deploy(stackFile, engine);
                            watched = WatchedProject.of(stackFile); // a changed manifest may say otherwise now
                            done = actions(current.report());
                        } else {
                            done = sync(stackFile, engine, current.deployment(), decided);
                        }
                        getLog().info(String.format(
                                "[watch] %s: %s (%.1f s)", describe(changes), done, (System.nanoTime() - start) / 1e9));
                    } catch (StackException | EngineException | IOException | MojoFailureException e) {
                        printProblems(e);
                        String after = previous == null
                                ? "Services that were not replaced run as they did"
                                : putBack(stackFile, engine, current.deployment(), previous);
                        getLog().error(String.format(
                                "[watch] %s: %s (%.1f s). %s; fix it and save again.",
                                describe(changes), MavenWords.of(e), (System.nanoTime() - start) / 1e9, after));
                    }
                }
            }
        } catch (StackException e) {
            throw failure(e);
        } catch (IOException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            getLog().info("[watch] stopped");
        }
    }

    /** A deployment as up rendered it, and what up did. */
    private record Deployed(Deployment deployment, StackRunner.UpReport report) {}

    /** As up does it, holding the stack's lock only meanwhile, so status, logs and down work between changes. */
    private Deployed deploy(Stack stackFile, Engine engine)
            throws StackException, EngineException, IOException, InterruptedException, MojoFailureException,
                    MojoExecutionException {
        try (StackLock lock = lock(stackFile, engine, "watch")) {
            Deployment deployment = prepare(stackFile, engine, ReadinessGate.UP).deployment();
            return new Deployed(
                    deployment,
                    new StackRunner(engine, new MavenEngineLog(getLog())).up(deployment, readyTimeouts(), parallelism));
        }
    }

    /**
     * After a rebuild that failed: where it got as far as giving a project's name to a new image (its services then
     * did not get ready), the previous images get their names back and the deployment that ran them comes up again,
     * so the last good version answers as before.
     *
     * @return what became of the running services, for the failure's line
     */
    private String putBack(Stack stackFile, Engine engine, Deployment running, PreviousImages previous) {
        try (StackLock lock = lock(stackFile, engine, "watch")) {
            List<String> moved = previous.restore(engine);
            if (moved.isEmpty()) {
                return "Services that were not replaced run as they did";
            }
            StackRunner.UpReport report =
                    new StackRunner(engine, new MavenEngineLog(getLog())).up(running, readyTimeouts(), parallelism);
            return (moved.size() == 1
                            ? "The previous image " + moved.get(0) + " is"
                            : "The previous images " + String.join(", ", moved) + " are")
                    + " back: " + actions(report);
        } catch (StackException | EngineException | IOException | MojoFailureException | MojoExecutionException e) {
            return "Putting the previous version back failed too (" + MavenWords.of(e) + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "Putting the previous version back was interrupted";
        }
    }

    /** Copies each project's changed files into its running services, restarting them where its rules say so. */
    private String sync(Stack stackFile, Engine engine, Deployment deployment, List<ProjectChange> changes)
            throws StackException, EngineException, IOException, InterruptedException, MojoFailureException,
                    MojoExecutionException {
        List<String> done = new ArrayList<>();
        try (StackLock lock = lock(stackFile, engine, "watch")) {
            for (ProjectChange change : changes) {
                List<String> services = new LiveSync(engine)
                        .apply(deployment, change, readyTimeouts().health());
                done.add(change.action().word() + " " + String.join(", ", services)
                        + (change.action() == WatchAction.SYNC ? "" : ", ready"));
            }
        }
        return String.join("; ", done);
    }

    private static List<ProjectChange> decide(List<WatchedProject> watched, Map<String, Set<Path>> changes) {
        return watched.stream()
                .filter(project -> changes.containsKey(project.name()))
                .map(project -> project.decide(changes.get(project.name())))
                .toList();
    }

    private StackRunner.Timeouts readyTimeouts() {
        return new StackRunner.Timeouts(Duration.ofSeconds(healthTimeout), Duration.ofSeconds(healthTimeout));
    }

    private String describe(Map<String, Set<Path>> changes) {
        return changes.entrySet().stream()
                .map(project -> {
                    Set<Path> files = project.getValue();
                    return project.getKey() + " "
                            + (files.size() == 1 ? shown(files.iterator().next()) : files.size() + " files")
                            + " changed";
                })
                .collect(Collectors.joining(", "));
    }

    private static String actions(StackRunner.UpReport report) {
        List<String> replaced = report.services().stream()
                .filter(service -> service.outcome().action() != StepOutcome.Action.UNCHANGED)
                .map(service -> service.service() + " " + service.action())
                .toList();
        return replaced.isEmpty() ? "no service changed (the image came out as it was)" : String.join(", ", replaced);
    }
}
