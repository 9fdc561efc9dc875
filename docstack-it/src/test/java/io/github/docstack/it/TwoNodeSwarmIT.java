package io.github.docstack.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.docstack.engine.SwarmEngine;
import io.github.docstack.stack.Stack;
import io.github.docstack.stack.StackLoader;
import io.github.docstack.stack.StackPreparer;
import io.github.docstack.stack.StackRunner;
import io.github.docstack.stack.SwarmTarget;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo stack across two Swarm nodes on one machine: the test engine is the manager, and a {@link SecondEngine}
 * joins as a worker. webapp (and its
 * init step) are placed on the worker, kvstore on the manager: the step and the service reach kvstore by its name
 * across the overlay network, with its account from a Swarm secret, and up reads the worker's readiness from the
 * Swarm. Then the sample cloud's compute profile with nova on the worker: its public endpoint is the worker's
 * address, and a server on a neutron network (whose agents run on the manager) reaches ACTIVE on the worker's
 * nova-compute. The test removes all of it after: the stack, both engines' Swarm membership, the second engine.
 */
class TwoNodeSwarmIT {

    @RegisterExtension
    static final RealEngine REAL = new RealEngine();

    private static final String WORKER = "docstack-it-worker";
    private static final String SUBNET = "10.213.0";
    private static final String HOST_ADDRESS = SUBNET + ".1";
    private static final String WORKER_ADDRESS = SUBNET + ".2";
    private static final StackRunner.Timeouts TIMEOUTS =
            new StackRunner.Timeouts(Duration.ofMinutes(3), Duration.ofMinutes(3));
    private static final StackRunner.Timeouts CLOUD_TIMEOUTS =
            new StackRunner.Timeouts(Duration.ofMinutes(5), Duration.ofMinutes(5));
    private static final int CLOUD_OFFSET = Integer.getInteger("docstack.it.cloudPortOffset", 20000);
    private static final String CLOUD = "twonode-cloud";

    private static SecondEngine worker;
    private static String workerSocket;
    private static boolean swarmMade;

    @TempDir
    Path work;

    @BeforeAll
    static void aWorkerBesideTheEngine() throws Exception {
        Assumptions.assumeTrue(
                Commands.run("docker", "info", "--format", "{{.Swarm.LocalNodeState}}")
                        .strip()
                        .equals("inactive"),
                "the test engine is in a Swarm already: this test makes its own");
        worker = SecondEngine.start(WORKER, SUBNET);
        workerSocket = worker.host();
        Commands.run("docker", "swarm", "init", "--advertise-addr", HOST_ADDRESS);
        swarmMade = true;
        String token =
                Commands.run("docker", "swarm", "join-token", "-q", "worker").strip();
        Commands.run(
                "docker",
                "-H",
                workerSocket,
                "swarm",
                "join",
                "--token",
                token,
                "--advertise-addr",
                WORKER_ADDRESS,
                HOST_ADDRESS + ":2377");
    }

    @AfterAll
    static void takeItAllDown() throws Exception {
        if (worker == null) {
            return;
        }
        Commands.succeeds("docker", "-H", workerSocket, "swarm", "leave", "--force");
        if (swarmMade) {
            Commands.succeeds("docker", "swarm", "leave", "--force");
            Commands.succeeds("docker", "network", "rm", "docker_gwbridge");
        }
        worker.close();
    }

    @Test
    void theDemoStackAcrossTwoNodes() throws Exception {
        TestResources.copy("/stacks/demo", work);
        String manager = Commands.run("docker", "info", "--format", "{{.Name}}").strip();
        Files.writeString(
                work.resolve("stack.yaml"),
                Files.readString(work.resolve("stack.yaml"))
                        .replace("{name: webapp, path: webapp}", "{name: webapp, path: webapp, node: " + WORKER + "}")
                        .replace(
                                "{name: kvstore, path: kvstore}",
                                "{name: kvstore, path: kvstore, node: " + manager + "}")
                        // Images are the manager's: a project left to the Swarm could land on the worker, which lacks
                        // it.
                        .replace("{name: clock, path: clock}", "{name: clock, path: clock, node: " + manager + "}"));
        Stack stack = StackLoader.load(work.resolve("stack.yaml")).stack();
        SwarmEngine swarm = SwarmTarget.on(REAL.engine());
        StackRunner runner = new StackRunner(swarm, RealEngine.CONSOLE);
        try {
            StackPreparer.Prepared prepared = StackPreparer.prepare(stack, swarm, RealEngine.CONSOLE, 0, 8);
            // The worker has no images of its own and reaches no registry here: it is given webapp's.
            Commands.run("sh", "-c", "docker save webapp:dev | docker -H " + workerSocket + " load");

            StackRunner.UpReport up = runner.up(prepared.deployment(), TIMEOUTS, 8);
            System.out.printf("[two-node-it] demo stack up across two Swarm nodes in %.1f s%n", up.seconds());

            assertEquals(
                    "webapp: account ok\n",
                    HttpClient.newHttpClient()
                            .send(
                                    HttpRequest.newBuilder(URI.create("http://" + WORKER_ADDRESS + ":7002/"))
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString())
                            .body(),
                    "webapp, on the worker, reached kvstore on the manager by its name, with the account its provision step made");
            List<StackRunner.UnitStatus> units = runner.status(stack.name());
            assertEquals(List.of(WORKER), node(units, "webapp"));
            assertEquals(List.of(manager), node(units, "kvstore"));
        } finally {
            runner.down(stack.name(), true);
        }
        assertEquals("", Commands.run("docker", "service", "ls", "-q").strip(), "a service of the stack is left");
    }

    @Test
    void novaOnTheWorkerRunsAServerThatReachesActive() throws Exception {
        SampleCloud.load(work, CLOUD, List.of("compute")); // copied into work, under the test's stack name
        String manager = Commands.run("docker", "info", "--format", "{{.Name}}").strip();
        // nova (api, conductor, scheduler, compute and its steps) on the worker; the rest on the manager, which has the
        // images.
        Path stackFile = work.resolve("stack.yaml");
        Files.writeString(
                stackFile,
                Pattern.compile("\\{name: (\\w+), path: \\w+")
                        .matcher(Files.readString(stackFile))
                        .replaceAll(project ->
                                project.group() + ", node: " + (project.group(1).equals("nova") ? WORKER : manager)));
        Stack stack = StackLoader.load(stackFile).stack().withProfiles(List.of("compute"));
        SwarmEngine swarm = SwarmTarget.on(REAL.engine());
        StackRunner runner = new StackRunner(swarm, RealEngine.CONSOLE);
        try {
            StackPreparer.Prepared prepared = StackPreparer.prepare(stack, swarm, RealEngine.CONSOLE, CLOUD_OFFSET, 8);
            String novaImage = prepared.deployment().units().stream()
                    .filter(unit -> unit.project().equals("nova"))
                    .findFirst()
                    .orElseThrow()
                    .spec()
                    .image();
            long loading = System.nanoTime();
            Commands.run("sh", "-c", "docker save " + novaImage + " | docker -H " + workerSocket + " load");
            System.out.printf(
                    "[two-node-it] nova's image given to the worker in %.1f s%n", (System.nanoTime() - loading) / 1e9);

            StackRunner.UpReport up = runner.up(prepared.deployment(), CLOUD_TIMEOUTS, 8);
            SampleCloud.print("two-node-it", up);

            List<StackRunner.UnitStatus> units = runner.status(stack.name());
            for (String service : List.of("nova-api", "nova-conductor", "nova-scheduler", "nova-compute")) {
                assertEquals(List.of(WORKER), node(units, service), service + " runs on the worker");
            }
            assertEquals(List.of(manager), node(units, "neutron-server"));
            OpenStackClient openstack = new OpenStackClient(
                    stack.name(),
                    work.resolve(".docstack").resolve(stack.name()).resolve("clouds.yaml"));
            String endpoints = openstack.run(
                    "endpoint", "list", "--service", "compute", "--interface", "public", "-f", "value", "-c", "URL");
            assertTrue(
                    endpoints.contains("http://" + WORKER_ADDRESS + ":"),
                    "nova's public endpoint is its node's address: " + endpoints);

            // The neutron agents on the manager report as the same host as nova-compute (the stack's name).
            openstack.awaitComputeHost(CLOUD, NeutronNetworking.of(stack.release()));

            long creating = System.nanoTime();
            String status = openstack.createServerOnANewNetwork("two-node", "10.20.40.0/24", work);
            System.out.printf(
                    "[two-node-it] server ACTIVE on the worker's nova-compute in %.1f s%n",
                    (System.nanoTime() - creating) / 1e9);
            assertEquals("ACTIVE", status);
            String addresses = openstack.run("server", "show", "two-node-server", "-f", "value", "-c", "addresses");
            assertTrue(addresses.matches("(?s).*two-node-net.*10\\.20\\.40\\.\\d+.*"), addresses);
        } finally {
            runner.down(stack.name(), true);
        }
        SwarmStacks.assertGone(CLOUD);
    }

    private static List<String> node(List<StackRunner.UnitStatus> units, String unit) {
        return units.stream()
                .filter(status -> status.unit().equals(unit))
                .findFirst()
                .orElseThrow()
                .nodes();
    }
}
