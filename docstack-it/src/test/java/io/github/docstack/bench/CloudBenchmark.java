package io.github.docstack.bench;

import io.github.docstack.engine.Engine;
import io.github.docstack.engine.EngineAddress;
import io.github.docstack.engine.EngineLog;
import io.github.docstack.image.CredentialSource;
import io.github.docstack.it.TestResources;
import io.github.docstack.stack.ComposeExport;
import io.github.docstack.stack.Deployment;
import io.github.docstack.stack.ReadinessGate;
import io.github.docstack.stack.Stack;
import io.github.docstack.stack.StackLoader;
import io.github.docstack.stack.StackPreparer;
import io.github.docstack.stack.StackRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The sample OpenStack cloud, images built and nothing running: docstack up to all healthy, each service's
 * time, the critical path; and docker-compose 1.29.2 on the exported file, side by side, in alternating rounds.
 * Run: {@code ./mvnw -pl docstack-it -Pbench verify}.
 */
public final class CloudBenchmark {

    private static final String NAME = "cloud-bench";
    private static final int OFFSET = 20000;

    public static void main(String[] args) throws Exception {
        Path work = Files.createTempDirectory("docstack-bench-cloud");
        TestResources.copy("/cloud", work);
        Path stackFile = work.resolve("stack.yaml");
        Files.writeString(stackFile, Files.readString(stackFile).replace("name: cloud", "name: " + NAME));
        // The base six: the figures compare with docker-compose on the same stack, and with earlier runs.
        Stack stack = StackLoader.load(stackFile).stack().withProfiles(List.of(Stack.NO_PROFILES));
        try (Engine engine = Engine.connect(
                EngineAddress.resolve(System.getProperty("docstack.dockerHost"), System.getenv()), EngineLog.SILENT)) {
            StackRunner runner = new StackRunner(engine, EngineLog.SILENT);
            StackPreparer.Prepared prepared =
                    StackPreparer.prepare(stack, engine, EngineLog.SILENT, OFFSET, 8); // builds
            Deployment deployment = prepared.deployment();
            runner.down(NAME, true);
            // The machine with none of the benchmark's containers: this VM's own agents and an empty engine. Not the
            // cloud's, so it is taken off the cloud's idle figure and off the work of its steps.
            double emptyMachine = MachineCpu.busyCores(Duration.ofSeconds(30));
            StackRunner.Timeouts timeouts = new StackRunner.Timeouts(Duration.ofMinutes(5), Duration.ofMinutes(5));
            ComposeExport.ComposeFiles files =
                    ComposeExport.write(deployment, prepared.secrets(), work.resolve("compose"));
            SideBySide runs =
                    SideBySide.run(engine, deployment, timeouts, files.compose(), "cloudbench", Duration.ofMinutes(10));
            Rounds docstack = runs.docstack;
            Rounds compose = runs.compose;
            StackRunner.UpReport up = runs.medianDocstackRound();

            System.out.printf(
                    "[bench] sample cloud (%d services, %d steps), images built, nothing running:%n",
                    deployment.units(Deployment.Kind.SERVICE).size(),
                    deployment.units().size());
            System.out.printf("[bench] docstack up to all healthy: %s (target < 60 s)%n", docstack.describe());
            // The first round has no unit times yet (a fresh checkout's first up), so up counts units; the next ones
            // weigh each unit by its quickest time in the rounds before, as a developer's second up does.
            System.out.println("[bench]   round 1 with the CPU weights of units counted, the rest with units timed");
            System.out.printf(
                    "[bench] docker-compose 1.29 up to all healthy: %s; docstack/docker-compose = %.2f (target <= 1.0)%n",
                    compose.describe(), docstack.median() / compose.median());
            System.out.printf(
                    "[bench] no-op second up: %.2f s; devstack's documentation says 15 to 30 minutes%n",
                    runs.noopSeconds());
            System.out.println("[bench] the median docstack round:");
            for (StackRunner.ServiceReport service : up.services()) {
                System.out.printf("[bench]   %-14s healthy at %5.1f s%n", service.service(), service.secondsToReady());
            }
            List<String> path = new ArrayList<>();
            for (String step : up.criticalPath(deployment)) {
                path.add(String.format("%s (%.1f s)", step, up.stepsDoneAt().get(step)));
            }
            System.out.println("[bench] critical path: " + String.join(" -> ", path));

            // Each step alone, fresh volumes as in every round: its intrinsic time, and their critical path.
            MachineCpu.Measured<StackRunner.UpReport> alone =
                    MachineCpu.busyCoreSeconds(() -> runner.up(deployment, timeouts, 1));
            StackRunner.UpReport sequential = alone.result();
            runner.down(NAME, true);
            IntrinsicPath intrinsic = IntrinsicPath.of(deployment, sequential);
            System.out.printf(
                    "[bench] each step alone (one at a time): %.1f s in all; the critical path of those times is %.1f s,"
                            + " and docstack's up (median) is %.2fx that (target <= 1.1)%n",
                    sequential.seconds(), intrinsic.total(), docstack.median() / intrinsic.total());
            System.out.println("[bench] intrinsic critical path: " + intrinsic.describe());
            // The steps' CPU, whatever their order: no up on this machine's cores takes less than that divided by
            // them, however short the critical path.
            int cores = Runtime.getRuntime().availableProcessors();
            double stepsCpu = alone.busyCoreSeconds() - emptyMachine * sequential.seconds();
            double bound = Math.max(intrinsic.total(), stepsCpu / cores);
            System.out.printf(
                    "[bench] the steps' own CPU, each alone: %.1f core-seconds (the machine's %.1f less the empty"
                            + " machine's); on %d cores that is %.1f s at least; up can take no less than %.1f s (the"
                            + " longer of that and the critical path), and its median is %.2fx that%n",
                    stepsCpu, alone.busyCoreSeconds(), cores, stepsCpu / cores, bound, docstack.median() / bound);
            // The median round's own CPU: when it is close to the round's seconds times the cores, every core was busy
            // and up could only be shorter by doing less work, not by another order.
            double roundCpu = runs.medianDocstackRoundBusyCoreSeconds() - emptyMachine * docstack.median();
            System.out.printf(
                    "[bench] the median round's own CPU: %.1f core-seconds (containers, engine and docstack; %.1f more"
                            + " than the steps alone); in its %.1f s that is %.2f of %d cores busy on average, %.1f"
                            + " core-seconds idle%n",
                    roundCpu,
                    roundCpu - stepsCpu,
                    docstack.median(),
                    roundCpu / docstack.median(),
                    cores,
                    docstack.median() * cores - roundCpu);

            // devstack's default set, at rest: what a developer's laptop pays while the cloud just stands there. Wired
            // as docstack:up wires it: the engine checks a running service every 2 minutes, as up checked it ready.
            Stack full = StackLoader.load(stackFile).stack();
            Deployment cloud = StackPreparer.prepare(
                            full,
                            engine,
                            EngineLog.SILENT,
                            OFFSET,
                            8,
                            CredentialSource.dockerConfig(System.getenv()),
                            ReadinessGate.UP)
                    .deployment();
            StackRunner.UpReport fullUp = runner.up(cloud, timeouts, 8);
            double idle = MachineCpu.settledBusyCores(
                    Duration.ofSeconds(30),
                    Duration.ofMinutes(6),
                    window ->
                            System.out.printf("[bench]   a 30 s window after up: %.0f %% of one core%n", window * 100));
            System.out.printf(
                    "[bench] default cloud (%d services): up %.1f s; at rest (the first 30 s window within two points of"
                            + " the one before) the machine is %.0f %% of one core busy, %.0f %% above the empty machine"
                            + " (target < 15 %%; with the engine checking every service each second it was 129-152 %%,"
                            + " every 30 s 21-25 %%)%n",
                    cloud.units(Deployment.Kind.SERVICE).size(),
                    fullUp.seconds(),
                    idle * 100,
                    (idle - emptyMachine) * 100);
            // A 30 s window may miss the engine's checks, which come every 2 minutes: one such interval holds each
            // service's check once.
            double twoMinutes = MachineCpu.busyCores(Duration.ofMinutes(2));
            System.out.printf(
                    "[bench] the same cloud over the next 2 minutes (every service's engine check once): %.1f %% of one"
                            + " core, %.1f %% above the empty machine (%.1f %%, measured before the first up)%n",
                    twoMinutes * 100, (twoMinutes - emptyMachine) * 100, emptyMachine * 100);
            runner.down(NAME, true);
        }
    }
}
