package io.github.docstack.mojo;

import io.github.docstack.engine.Engine;
import io.github.docstack.engine.EngineException;
import io.github.docstack.stack.Deployment;
import io.github.docstack.stack.ReadinessGate;
import io.github.docstack.stack.Stack;
import io.github.docstack.stack.StackException;
import io.github.docstack.stack.StackLock;
import io.github.docstack.stack.StackRunner;
import java.io.IOException;
import java.time.Duration;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Brings the stack up: finds every project's image (pulled, local, or built from a {@code path:}), reads the
 * manifests from the images, wires capabilities, and starts everything in dependency order, health-gated and
 * in parallel. Unchanged containers and completed one-shots are left alone, so running it again is quick.
 * Ends with a table of the services and the rendered outputs (e.g. clouds.yaml).
 */
@Mojo(name = "up", requiresProject = false, threadSafe = true)
public class UpMojo extends AbstractDeployingMojo {

    /** Seconds a service may take to become healthy, and a one-shot step to finish. */
    @Parameter(property = DocstackProperties.HEALTH_TIMEOUT, defaultValue = "300")
    private int healthTimeout;

    @Inject
    public UpMojo(SettingsDecrypter decrypter) {
        super(decrypter);
    }

    @Override
    protected void run() throws MojoExecutionException, MojoFailureException, EngineException {
        Engine engine = connectEngine(); // connects while the stack file is read
        Stack stackFile = loadStack(engine);
        try (engine;
                StackLock lock = lock(stackFile, engine, "up")) {
            MavenEngineLog log = new MavenEngineLog(getLog());
            Deployment deployment = prepare(stackFile, engine, ReadinessGate.UP).deployment();
            StackRunner.UpReport report = new StackRunner(engine, log)
                    .up(
                            deployment,
                            new StackRunner.Timeouts(
                                    Duration.ofSeconds(healthTimeout), Duration.ofSeconds(healthTimeout)),
                            parallelism);
            print(stackFile.name(), report);
        } catch (StackException e) {
            throw failure(e);
        } catch (IOException e) {
            throw new MojoExecutionException(e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MojoExecutionException(
                    "Interrupted: what started is labelled with the stack; mvn docstack:down removes it");
        }
    }

    private void print(String name, StackRunner.UpReport report) {
        getLog().info("");
        getLog().info(String.format(
                "Stack %s is up in %.1f s (%d steps run, %d unchanged):",
                name, report.seconds(), report.started(), report.unchanged()));
        TextTable table = new TextTable("SERVICE", "PROJECT", "STATE", "ADDRESS", "READY", "ACTION");
        for (StackRunner.ServiceReport service : report.services()) {
            table.row(
                    service.service(),
                    service.project(),
                    service.state(),
                    service.address(),
                    String.format("%.1fs", service.secondsToReady()),
                    service.action());
        }
        table.print(getLog()::info);
        for (StackRunner.WrittenOutput output : report.outputs()) {
            getLog().info("Output: " + output.file());
        }
        for (StackRunner.WrittenOutput output : report.outputs()) {
            if (output.title() != null) {
                getLog().info(output.title() + ": " + output.content());
            }
        }
    }
}
