package io.github.docstack.mojo;

import io.github.docstack.engine.Engine;
import io.github.docstack.engine.EngineException;
import io.github.docstack.stack.Deployment;
import io.github.docstack.stack.ReadinessGate;
import io.github.docstack.stack.Stack;
import io.github.docstack.stack.StackException;
import io.github.docstack.stack.StackLock;
import io.github.docstack.stack.StackVerifier;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Runs the stack's acceptance tests against the stack once it is up: every project's {@code verify:} steps
 * (tempest, for an OpenStack cloud), each a one-shot container on the stack network, its log streamed. Their JUnit
 * XML lands in {@code target/docstack/verify/PROJECT/} for Jenkins; a failed test fails the build. Run it after
 * up: {@code mvn docstack:up docstack:verify}.
 */
@Mojo(name = "verify", requiresProject = false, threadSafe = true)
public class VerifyMojo extends AbstractDeployingMojo {

    /** Which tests to run, handed to each verify step (tempest: a regular expression); empty for the step's default. */
    @Parameter(property = DocstackProperties.VERIFY_FILTER)
    private String filter;

    /** Seconds one verify step may run. */
    @Parameter(property = DocstackProperties.VERIFY_TIMEOUT, defaultValue = "3600")
    private int verifyTimeout;

    @Inject
    public VerifyMojo(SettingsDecrypter decrypter) {
        super(decrypter);
    }

    @Override
    protected void run() throws MojoExecutionException, MojoFailureException, EngineException {
        Engine engine = connectEngine(); // connects while the stack file is read
        Stack stackFile = loadStack(engine);
        Path reports = outputDirectory().resolve("verify");
        List<StackVerifier.Result> results;
        try (engine) {
            Deployment deployment;
            try (StackLock lock =
                    lock(stackFile, engine, "verify")) { // only while it reads the stack: tests may run for an hour
                deployment = prepare(stackFile, engine, ReadinessGate.UP).deployment();
            }
            results = new StackVerifier(engine, new MavenEngineLog(getLog()))
                    .verify(deployment, reports, filter, Duration.ofSeconds(verifyTimeout));
        } catch (StackException e) {
            throw failure(e);
        } catch (IOException e) {
            throw new MojoExecutionException(e.getMessage());
        }
        print(stackFile.name(), results);
        List<StackVerifier.Result> failed =
                results.stream().filter(result -> !result.passed()).toList();
        if (!failed.isEmpty()) {
            StringBuilder message = new StringBuilder();
            for (StackVerifier.Result result : failed) {
                message.append(result.id())
                        .append(" exited with ")
                        .append(result.exitCode())
                        .append(". Its last ")
                        .append(result.lastLogLines().size())
                        .append(" log lines:");
                result.lastLogLines().forEach(line -> message.append("\n  | ").append(line));
                message.append('\n');
            }
            throw new MojoFailureException(message + "See more with: mvn docstack:logs -D" + DocstackProperties.SERVICE
                    + "=" + failed.get(0).id()
                    + (failed.get(0).reports() == null
                            ? ""
                            : "; JUnit XML in " + shown(failed.get(0).reports())));
        }
    }

    private void print(String stack, List<StackVerifier.Result> results) {
        getLog().info("");
        getLog().info("Stack " + stack + " verified:");
        TextTable table = new TextTable("STEP", "PROJECT", "RESULT", "TIME", "REPORTS");
        for (StackVerifier.Result result : results) {
            table.row(
                    result.id(),
                    result.project(),
                    result.passed() ? "passed" : "failed (exit " + result.exitCode() + ")",
                    String.format("%.1fs", result.seconds()),
                    result.reports() == null ? "-" : shown(result.reports()));
        }
        table.print(getLog()::info);
    }
}
