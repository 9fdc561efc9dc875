package io.github.docstack.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.docstack.engine.ContainerSpec;
import io.github.docstack.engine.SwarmEngine;
import io.github.docstack.stack.Deployment;
import io.github.docstack.stack.Stack;
import io.github.docstack.stack.StackException;
import io.github.docstack.stack.StackLabels;
import io.github.docstack.stack.StackLoader;
import io.github.docstack.stack.StackPreparer;
import io.github.docstack.stack.StackRunner;
import io.github.docstack.stack.SwarmTarget;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stacks on a single-node Docker Swarm (the engine made a manager for the test, and left again after): the demo
 * stack and the sample cloud's base six come up as Swarm services and jobs, answer as on one engine, keep their
 * secrets out of the service specs, come up again unchanged, and go without a trace.
 */
class SwarmIT {

    @RegisterExtension
    static final RealEngine REAL = new RealEngine();

    private static final StackRunner.Timeouts TIMEOUTS =
            new StackRunner.Timeouts(Duration.ofMinutes(5), Duration.ofMinutes(5));
    private static final int CLOUD_OFFSET = Integer.getInteger("docstack.it.cloudPortOffset", 20000);

    private static final String DEMO = "demo";
    private static final String CLOUD = "swarm-cloud";

    private static boolean initialised;
    private static SwarmEngine swarm;

    @TempDir
    Path work;

    @BeforeAll
    static void aSwarmOfOne() throws Exception {
        if (!docker("info", "--format", "{{.Swarm.LocalNodeState}}").strip().equals("active")) {
            docker("swarm", "init", "--advertise-addr", "127.0.0.1");
            initialised = true;
        }
        swarm = SwarmTarget.on(REAL.engine());
    }

    @AfterAll
    static void leaveTheSwarm() throws Exception {
        if (initialised) {
            docker("swarm", "leave", "--force"); // its services, jobs, secrets and overlay networks go with it
            docker("network", "rm", "docker_gwbridge");
        }
        for (String stack : List.of(DEMO, CLOUD)) {
            new StackRunner(REAL.engine(), RealEngine.CONSOLE).down(stack, true); // the volumes a failed test left
        }
    }

    @Test
    void theDemoStackRunsAsServicesAndJobsAndGoesWithoutATrace() throws Exception {
        TestResources.copy("/stacks/demo", work);
        String node = docker("info", "--format", "{{.Name}}").strip();
        // kvstore has data: its project is placed, on the one node there is.
        Files.writeString(
                work.resolve("stack.yaml"),
                Files.readString(work.resolve("stack.yaml"))
                        .replace(
                                "{name: kvstore, path: kvstore}",
                                "{name: kvstore, path: kvstore, node: " + node + "}"));
        Stack stack = StackLoader.load(work.resolve("stack.yaml")).stack();
        StackRunner runner = new StackRunner(swarm, RealEngine.CONSOLE);
        runner.down(stack.name(), true);
        try {
            StackRunner.UpReport up = runner.up(
                    StackPreparer.prepare(stack, swarm, RealEngine.CONSOLE, 0, 8)
                            .deployment(),
                    TIMEOUTS,
                    8);
            System.out.printf("[swarm-it] demo stack up on a Swarm in %.1f s%n", up.seconds());
            assertEquals(
                    "webapp: account ok\n",
                    HttpClient.newHttpClient()
                            .send(
                                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:7002/"))
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString())
                            .body(),
                    "webapp reached kvstore by its name, with the account its provision step made");
            List<String> services = List.of(docker(
                            "service",
                            "ls",
                            "--filter",
                            "label=" + StackLabels.STACK + "=demo",
                            "--format",
                            "{{.Name}} {{.Mode}}")
                    .strip()
                    .split("\n"));
            assertTrue(
                    services.contains("demo-webapp replicated")
                            && services.contains("demo-init-webapp-check-account replicated"),
                    services.toString());
            String specs = docker(
                    "service",
                    "inspect",
                    "demo-webapp",
                    "demo-kvstore",
                    "demo-clock",
                    "demo-init-webapp-check-account",
                    "demo-provision-kvstore-webapp");
            for (String secret : secrets(work, "demo")) {
                assertFalse(specs.contains(secret), "a secret in docker service inspect");
            }
            assertTrue(
                    docker("secret", "ls", "--filter", "label=" + StackLabels.STACK + "=demo", "--format", "{{.Name}}")
                            .contains("demo_account__kvstore__"),
                    "the account is a Swarm secret");

            StackRunner.UpReport again = runner.up(
                    StackPreparer.prepare(stack, swarm, RealEngine.CONSOLE, 0, 8)
                            .deployment(),
                    TIMEOUTS,
                    8);
            assertEquals(0, again.started(), "nothing changed, nothing started again");
            assertEquals(
                    "[node.hostname == " + node + "]",
                    docker(
                                    "service",
                                    "inspect",
                                    "demo-kvstore",
                                    "--format",
                                    "{{.Spec.TaskTemplate.Placement.Constraints}}")
                            .strip());
            assertTrue(
                    runner.status(DEMO).stream()
                            .anyMatch(unit -> unit.unit().equals("webapp")
                                    && unit.state().running()
                                    && unit.nodes().equals(List.of(node))),
                    "status names the node of each task: " + runner.status(DEMO));
        } finally {
            runner.down(stack.name(), true);
        }
        SwarmStacks.assertGone(DEMO);
        assertEquals(
                "",
                docker("ps", "-aq", "--filter", "label=com.docker.swarm.service.name")
                        .strip(),
                "a task's container is left");
    }

    @Test
    void aProjectPlacedOnANodeTheSwarmDoesNotHaveStopsUpWithSwarmsReason() throws Exception {
        TestResources.copy("/stacks/demo", work);
        Files.writeString(
                work.resolve("stack.yaml"),
                Files.readString(work.resolve("stack.yaml"))
                        .replace("{name: clock, path: clock}", "{name: clock, path: clock, node: no-such-node}"));
        Stack stack = StackLoader.load(work.resolve("stack.yaml")).stack();
        StackRunner runner = new StackRunner(swarm, RealEngine.CONSOLE);
        try {
            long start = System.nanoTime();
            StackException failure = assertThrows(
                    StackException.class,
                    () -> runner.up(
                            StackPreparer.prepare(stack, swarm, RealEngine.CONSOLE, 0, 8)
                                    .deployment(),
                            TIMEOUTS,
                            8));
            assertTrue(failure.getMessage().contains("no suitable node"), failure.getMessage());
            assertTrue((System.nanoTime() - start) / 1e9 < 60, "it said so at once rather than wait out a timeout");
        } finally {
            runner.down(stack.name(), true);
        }
    }

    /**
     * dockerd 20.10 crashes when a service is removed while Swarm deletes its scaled-down task (as down did: stop,
     * then remove at once). A stop returns only once that task is gone, so nothing is left for the removal to race.
     */
    @Test
    void aStoppedServiceHasNoTaskLeftToDeleteWhenItIsRemoved() throws Exception {
        String service = swarm.create(ContainerSpec.of("debian:bookworm-slim")
                .withName("swarm-it-stopped")
                .withLabels(Map.of(
                        StackLabels.STACK, "swarm-it-stopped", StackLabels.KIND, Deployment.Kind.SERVICE.label()))
                .withCommand(List.of("sh", "-c", "trap 'exit 0' TERM; sleep 1000 & wait")));
        try {
            for (int round = 1; round <= 3; round++) { // Swarm deletes it within 250 ms: look more than once
                swarm.start(service, "debian:bookworm-slim");
                swarm.stop(service, Duration.ofSeconds(10));
                assertEquals(
                        "",
                        docker("service", "ps", "--format", "{{.DesiredState}} {{.CurrentState}}", service)
                                .strip(),
                        "round " + round + ": the stopped task was deleted before stop returned");
            }
        } finally {
            swarm.remove(service);
        }
        assertTrue(docker("info", "--format", "{{.Swarm.LocalNodeState}}").contains("active"), "dockerd runs on");
    }

    @Test
    void theBaseCloudOnASwarmBesideOneEngine() throws Exception {
        Stack stack = SampleCloud.load(work, CLOUD, List.of(Stack.NO_PROFILES));
        StackRunner onEngine = new StackRunner(REAL.engine(), RealEngine.CONSOLE);
        StackRunner onSwarm = new StackRunner(swarm, RealEngine.CONSOLE);
        onSwarm.down(stack.name(), true);
        onEngine.down(stack.name(), true);
        try {
            StackRunner.UpReport engineUp = onEngine.up(
                    StackPreparer.prepare(stack, REAL.engine(), RealEngine.CONSOLE, CLOUD_OFFSET, 8)
                            .deployment(),
                    TIMEOUTS,
                    8);
            onEngine.down(stack.name(), true);
            StackRunner.UpReport swarmUp = onSwarm.up(
                    StackPreparer.prepare(stack, swarm, RealEngine.CONSOLE, CLOUD_OFFSET, 8)
                            .deployment(),
                    TIMEOUTS,
                    8);
            SampleCloud.print("swarm-it", swarmUp);
            System.out.printf(
                    "[swarm-it] the base six up to healthy, fresh volumes: one engine %.1f s, single-node Swarm %.1f s%n",
                    engineUp.seconds(), swarmUp.seconds());

            OpenStackClient openstack = new OpenStackClient(
                    stack.name(),
                    work.resolve(".docstack").resolve(stack.name()).resolve("clouds.yaml"));
            assertTrue(openstack
                            .run("token", "issue", "-f", "value", "-c", "id")
                            .strip()
                            .length()
                    > 20);
            Path image = Files.write(work.resolve("image.raw"), new byte[1024 * 1024]);
            openstack.uploadRawImage(image, "swarm-it");
            assertEquals(
                    "active",
                    openstack
                            .run("image", "show", "swarm-it", "-f", "value", "-c", "status")
                            .strip(),
                    "glance stored it in its volume on the Swarm");
            String catalog = openstack.run("catalog", "list", "-f", "value");
            assertTrue(
                    catalog.contains("'url': 'http://glance-api:9292'"),
                    "internal endpoints are the Swarm network's names: " + catalog);
        } finally {
            onSwarm.down(stack.name(), true);
            onEngine.down(stack.name(), true);
        }
        SwarmStacks.assertGone(CLOUD);
    }

    private static List<String> secrets(Path work, String stack) throws Exception {
        Properties secrets = new Properties();
        try (Reader in =
                Files.newBufferedReader(work.resolve(".docstack").resolve(stack).resolve("secrets.properties"))) {
            secrets.load(in);
        }
        List<String> values = new ArrayList<>();
        secrets.forEach((key, value) -> {
            if (!key.equals("docstack.secrets-id")) {
                values.add(value.toString());
            }
        });
        return values;
    }

    private static String docker(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("docker"));
        command.addAll(List.of(arguments));
        return Commands.run(command.toArray(String[]::new));
    }
}
