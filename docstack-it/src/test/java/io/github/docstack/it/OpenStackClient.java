package io.github.docstack.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** The real {@code openstack} command, pointed at one cloud of the clouds.yaml that docstack rendered. */
final class OpenStackClient {

    private final String cloud;
    private final Path cloudsYaml;
    private final List<String> prefix;

    OpenStackClient(String cloud, Path cloudsYaml) {
        this(cloud, cloudsYaml, List.of());
    }

    /** @param prefix what runs the client where the cloud's ports are, e.g. {@link SecondEngine#namespaceCommand()} */
    OpenStackClient(String cloud, Path cloudsYaml, List<String> prefix) {
        this.cloud = cloud;
        this.cloudsYaml = cloudsYaml;
        this.prefix = prefix;
    }

    /** Runs {@code openstack --os-cloud CLOUD ARGUMENTS}; fails the test unless it exits 0 within two minutes. */
    String run(String... arguments) throws Exception {
        Result result = attempt(arguments);
        assertEquals(0, result.exitCode(), "openstack " + String.join(" ", arguments) + ":\n" + result.output());
        return result.output();
    }

    /** Runs it until its output satisfies {@code done}, every two seconds, failing the test after {@code timeout}. */
    String runUntil(Duration timeout, Predicate<String> done, String... arguments) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        Result result = attempt(arguments);
        while (result.exitCode() != 0 || !done.test(result.output())) {
            assertTrue(
                    System.nanoTime() < deadline,
                    "openstack " + String.join(" ", arguments) + " did not answer as expected within " + timeout + ":\n"
                            + result.output());
            TimeUnit.SECONDS.sleep(2);
            result = attempt(arguments);
        }
        return result.output();
    }

    /** Uploads {@code file} as a raw, bare image named {@code name}. */
    void uploadRawImage(Path file, String name) throws Exception {
        run("image", "create", "--disk-format", "raw", "--container-format", "bare", "--file", file.toString(), name);
    }

    /**
     * Waits until nova-compute and neutron's agents ({@code networking}'s) have registered as {@code host}.
     * nova-compute registers its node a moment after it starts, and the scheduler maps it into cell1 on its next
     * discovery: until then a server would find no host.
     */
    void awaitComputeHost(String host, NeutronNetworking networking) throws Exception {
        runUntil(
                Duration.ofMinutes(2),
                output -> output.lines().anyMatch(host::equals),
                "hypervisor",
                "list",
                "-f",
                "value",
                "-c",
                "Hypervisor Hostname");
        runUntil(
                Duration.ofMinutes(2),
                output -> networking.agentTypes().stream().allMatch(output::contains),
                "network",
                "agent",
                "list",
                "--host",
                host,
                "-f",
                "value",
                "-c",
                "Agent Type");
    }

    /**
     * Creates a tiny server, {@code PREFIX-server}, on a new network {@code PREFIX-net} (subnet {@code PREFIX-subnet}
     * of {@code subnetRange}), from a 1 MiB raw image {@code PREFIX-disk} and the flavor {@code PREFIX.tiny}, and waits
     * for it to settle.
     *
     * @return the server's status once it settled, e.g. ACTIVE
     */
    String createServerOnANewNetwork(String prefix, String subnetRange, Path work) throws Exception {
        run("network", "create", prefix + "-net");
        run("subnet", "create", "--network", prefix + "-net", "--subnet-range", subnetRange, prefix + "-subnet");
        run("flavor", "create", "--ram", "64", "--disk", "1", "--vcpus", "1", prefix + ".tiny");
        uploadRawImage(Files.write(work.resolve(prefix + "-disk.raw"), new byte[1024 * 1024]), prefix + "-disk");
        String status = run(
                "server",
                "create",
                "--flavor",
                prefix + ".tiny",
                "--image",
                prefix + "-disk",
                "--network",
                prefix + "-net",
                "--wait",
                "-f",
                "value",
                "-c",
                "status",
                prefix + "-server");
        return status.strip().lines().reduce((first, last) -> last).orElse("");
    }

    private Result attempt(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(prefix);
        command.addAll(List.of("openstack", "--os-cloud", cloud));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("OS_CLIENT_CONFIG_FILE", cloudsYaml.toString());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(2, TimeUnit.MINUTES), "openstack " + arguments[0] + " hung");
        return new Result(process.exitValue(), output);
    }

    private record Result(int exitCode, String output) {}
}
