package io.github.docstack.mojo;

import io.github.docstack.engine.Engine;
import io.github.docstack.engine.EngineAddress;
import io.github.docstack.engine.EngineException;
import io.github.docstack.stack.Stack;
import io.github.docstack.stack.StackException;
import io.github.docstack.stack.StackLoader;
import io.github.docstack.stack.StackLock;
import io.github.docstack.stack.StackLockedException;
import io.github.docstack.stack.SwarmTarget;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/** What the stack goals share: the stack file, read and checked with the same problem lines as validate. */
public abstract class AbstractStackMojo extends AbstractDocstackMojo {

    /** The stack file. */
    @Parameter(property = DocstackProperties.STACK, defaultValue = "${basedir}/stack.yaml")
    protected File stack;

    /**
     * The optional projects to bring in, by profile, comma-separated; {@code none} for only the projects without
     * a profile. Default: the stack file's {@code profiles:}.
     */
    @Parameter(property = DocstackProperties.PROFILES)
    protected String profiles;

    /**
     * The release every project is pulled or built for, unless the stack file pins a project's own: a series such as
     * {@code 2026.2}, or {@code latest}. Default: the stack file's {@code release:}.
     */
    @Parameter(property = DocstackProperties.RELEASE)
    protected String release;

    /** Seconds to wait for another up, down or compose of the same stack on the same engine to finish. */
    @Parameter(property = DocstackProperties.LOCK_WAIT, defaultValue = "60")
    protected int lockWait;

    /** Where the stack runs: {@code engine}, the Docker engine itself, or {@code swarm}, the Swarm that engine manages. */
    @Parameter(property = DocstackProperties.TARGET, defaultValue = "engine")
    protected String target;

    /**
     * The engine, or the Swarm it manages when {@code target} says so, connecting on a thread of its own: the goal
     * reads its stack file and plans its builds meanwhile, and waits at its first call to the engine.
     */
    @Override
    protected Engine connectEngine() throws EngineException {
        if (!List.of("engine", "swarm").contains(target)) {
            throw new EngineException("-D" + DocstackProperties.TARGET + "=" + target
                    + " names no target: use engine (the default)" + " or swarm");
        }
        EngineAddress address = engineAddress();
        return Engine.inBackground(address, () -> {
            Engine engine = connect(address);
            if (target.equals("engine")) {
                return engine;
            }
            try {
                return SwarmTarget.on(engine);
            } catch (EngineException e) {
                engine.close();
                throw e;
            }
        });
    }

    /** Takes the stack's lock (one writer per stack and engine), waiting up to {@code lockWait} for its holder. */
    protected StackLock lock(Stack stackFile, Engine engine, String goal)
            throws MojoFailureException, MojoExecutionException {
        try {
            return StackLock.acquire(
                    Path.of(System.getProperty("user.home"), ".docstack", "locks"),
                    engine.address().url(),
                    stackFile.name(),
                    "docstack:" + goal + " of " + stackFile.file(),
                    Duration.ofSeconds(lockWait),
                    holder -> getLog().info("Waiting up to " + lockWait + " s for " + holder + " (stack "
                            + stackFile.name() + ")"));
        } catch (StackLockedException e) {
            throw new MojoFailureException(
                    e.getMessage() + ". Nothing was changed. Let it finish, or stop that process (its lock"
                            + " goes with it); -D" + DocstackProperties.LOCK_WAIT + "=SECONDS waits longer");
        } catch (IOException e) {
            throw new MojoExecutionException(
                    "Cannot take the lock of stack " + stackFile.name() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MojoExecutionException("Interrupted while waiting for the lock of stack " + stackFile.name(), e);
        }
    }

    /** The stack file, read while {@code engine} connects; the engine is closed when the file will not do. */
    protected Stack loadStack(Engine engine) throws MojoFailureException {
        try {
            return loadStack();
        } catch (MojoFailureException | RuntimeException e) {
            engine.close();
            throw e;
        }
    }

    /**
     * Whether the goal resolves the stack's images, so its release and profiles are worth a line of the log; down,
     * status and logs work from what runs.
     */
    protected boolean deploys() {
        return false;
    }

    /** The stack file, with the projects of the active profiles. */
    private Stack loadStack() throws MojoFailureException {
        StackLoader.Result result = StackLoader.load(stack.toPath());
        ProblemPrinter.print(result.report(), baseDirectory(), getLog());
        if (result.stack() == null) {
            throw new MojoFailureException("The stack file " + shown(stack.toPath()) + " has "
                    + result.report().summary() + ": fix the errors listed above");
        }
        Stack read = release == null || release.isBlank()
                ? result.stack()
                : result.stack().withRelease(release.strip());
        try {
            Stack selected = read.withProfiles(
                    profiles == null || profiles.isBlank()
                            ? null
                            : Arrays.stream(profiles.split(","))
                                    .map(String::strip)
                                    .filter(profile -> !profile.isEmpty())
                                    .toList());
            if (deploys()) {
                getLog().info("Release " + selected.release()
                        + (release == null || release.isBlank()
                                ? " (the stack file's; -D" + DocstackProperties.RELEASE + "=... picks another)"
                                : " (-D" + DocstackProperties.RELEASE + ")"));
            }
            if (deploys() && !selected.profiles().isEmpty()) {
                getLog().info("Profiles " + String.join(", ", selected.profiles()) + " ("
                        + selected.projects().size() + " of "
                        + result.stack().projects().size() + " projects; -D" + DocstackProperties.PROFILES
                        + "=... picks others)");
            }
            return selected;
        } catch (StackException e) {
            throw new MojoFailureException(e.getMessage() + ". Set -D" + DocstackProperties.PROFILES + " accordingly");
        }
    }
}
