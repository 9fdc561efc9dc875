package io.github.docstack.bench;

import io.github.docstack.engine.Engine;
import io.github.docstack.engine.EngineLog;
import io.github.docstack.stack.Deployment;
import io.github.docstack.stack.StackRunner;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * docstack up and docker-compose 1.29 up of the same deployment (its exported Compose file), each from nothing
 * running to every service healthy, in alternating rounds so neither gets the warmer machine. The first round
 * also times a no-op second docstack up.
 */
final class SideBySide {

    final Rounds docstack = new Rounds();
    final Rounds compose = new Rounds();
    private final List<StackRunner.UpReport> reports = new ArrayList<>();
    private final List<Double> busyCoreSeconds = new ArrayList<>(); // the machine's, during each docstack round
    private StackRunner.UpReport noop;
    private double noopSeconds;

    /**
     * @param composeProject  docker-compose's project name, so its containers are PROJECT_SERVICE_1
     * @param composeTimeout  how long one docker-compose command may take
     */
    static SideBySide run(
            Engine engine,
            Deployment deployment,
            StackRunner.Timeouts timeouts,
            Path composeFile,
            String composeProject,
            Duration composeTimeout)
            throws Exception {
        StackRunner runner = new StackRunner(engine, EngineLog.SILENT);
        SideBySide result = new SideBySide();
        for (int round = 0; round < Rounds.COUNT; round++) {
            MachineCpu.Measured<StackRunner.UpReport> measured =
                    MachineCpu.busyCoreSeconds(() -> runner.up(deployment, timeouts, 8));
            StackRunner.UpReport up = measured.result();
            result.reports.add(up);
            result.busyCoreSeconds.add(measured.busyCoreSeconds());
            result.docstack.add(up.seconds());
            if (round == 0) {
                long start = System.nanoTime();
                result.noop = runner.up(deployment, timeouts, 8);
                result.noopSeconds = (System.nanoTime() - start) / 1e9;
            }
            runner.down(deployment.stack(), true);

            long start = System.nanoTime();
            compose(composeFile, composeProject, composeTimeout, "up", "-d");
            for (Deployment.Unit service : deployment.units(Deployment.Kind.SERVICE)) {
                engine.waitHealthy(composeProject + "_" + service.id() + "_1", timeouts.health());
            }
            result.compose.add((System.nanoTime() - start) / 1e9);
            compose(composeFile, composeProject, composeTimeout, "down", "-v");
        }
        return result;
    }

    /** The docstack round whose time is the median: its per-service times and critical path. */
    StackRunner.UpReport medianDocstackRound() {
        return reports.get(docstack.medianRound());
    }

    /** The CPU the whole machine spent during the docstack round whose time is the median, in core-seconds. */
    double medianDocstackRoundBusyCoreSeconds() {
        return busyCoreSeconds.get(docstack.medianRound());
    }

    /** The no-op second up of the first round: how many steps it left unchanged. */
    StackRunner.UpReport noop() {
        return noop;
    }

    double noopSeconds() {
        return noopSeconds;
    }

    private static void compose(Path file, String project, Duration timeout, String... command) throws Exception {
        List<String> arguments = new ArrayList<>(List.of("docker-compose", "-p", project, "-f", file.toString()));
        arguments.addAll(List.of(command));
        Process process = new ProcessBuilder(arguments)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("docker-compose " + String.join(" ", command) + " failed");
        }
    }
}
