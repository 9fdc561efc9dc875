package io.github.docstack.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.docstack.stack.Stack;
import io.github.docstack.stack.StackLoader;
import io.github.docstack.stack.StackPreparer;
import io.github.docstack.stack.StackRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * nova and neutron on the sample cloud (docstack-it/cloud/stack-nova.yaml): nova's api, conductor, scheduler and
 * compute with nova's fake virt driver, cells mapped; neutron's server with ML2 and its linuxbridge and DHCP agents.
 * The real openstack client makes a network and a subnet and a server on it that reaches ACTIVE with an address.
 */
class NovaIT {

    @RegisterExtension
    static final RealEngine REAL = new RealEngine();

    private static final int OFFSET = Integer.getInteger("docstack.it.novaPortOffset", 11000);
    private static final String NAME = "nova-it";
    private static final StackRunner.Timeouts TIMEOUTS = new StackRunner.Timeouts(Duration.ofMinutes(5), Duration.ofMinutes(5));

    @TempDir
    static Path work;

    private static OpenStackClient openstack;

    @BeforeAll
    static void upTheCloudWithNova() throws Exception {
        TestResources.copy("/cloud", work);
        Path stackFile = work.resolve("stack-nova.yaml");
        Files.writeString(stackFile, Files.readString(stackFile).replace("name: novacloud", "name: " + NAME));
        Stack stack = StackLoader.load(stackFile).stack();
        StackPreparer.Prepared prepared = StackPreparer.prepare(stack, REAL.engine(), RealEngine.CONSOLE, OFFSET, 8);
        StackRunner.UpReport report = new StackRunner(REAL.engine(), RealEngine.CONSOLE).up(prepared.deployment(), TIMEOUTS, 8);
        System.out.printf("[nova-it] up in %.1f s%n", report.seconds());
        openstack = new OpenStackClient(NAME, work.resolve(".docstack").resolve(NAME).resolve("clouds.yaml"));
    }

    @AfterAll
    static void downTheCloud() throws Exception {
        new StackRunner(REAL.engine(), RealEngine.CONSOLE).down(NAME, true);
    }

    @Test
    void aServerOnARealNeutronNetworkReachesActiveWithAnAddressInItsSubnet() throws Exception {
        assertTrue(openstack.run("catalog", "list", "-f", "value", "-c", "Name").lines().anyMatch("neutron"::equals));
        // nova-compute registers its node a moment after it starts, and the scheduler maps it into cell1 on its
        // next discovery: until then a server would find no host. Both it and neutron's agents report as the
        // stack's one host, named after the stack.
        openstack.runUntil(Duration.ofMinutes(2), output -> output.lines().anyMatch(NAME::equals),
                "hypervisor", "list", "-f", "value", "-c", "Hypervisor Hostname");
        openstack.runUntil(Duration.ofMinutes(2), output -> output.contains("Linux bridge agent") && output.contains("DHCP agent"),
                "network", "agent", "list", "--host", NAME, "-f", "value", "-c", "Agent Type");
        openstack.run("network", "create", "docstack-it-net");
        openstack.run("subnet", "create", "--network", "docstack-it-net", "--subnet-range", "10.20.30.0/24", "docstack-it-subnet");
        openstack.run("flavor", "create", "--ram", "64", "--disk", "1", "--vcpus", "1", "docstack-it.tiny");
        Path disk = Files.write(work.resolve("disk.raw"), new byte[1024 * 1024]);
        openstack.run("image", "create", "--disk-format", "raw", "--container-format", "bare", "--file", disk.toString(), "docstack-it-disk");

        String status = openstack.run("server", "create", "--flavor", "docstack-it.tiny", "--image", "docstack-it-disk",
                "--network", "docstack-it-net", "--wait", "-f", "value", "-c", "status", "docstack-it-server");

        assertEquals("ACTIVE", status.strip().lines().reduce((first, last) -> last).orElse(""), status);
        assertEquals(NAME, openstack.run("server", "show", "docstack-it-server", "-f", "value", "-c", "OS-EXT-SRV-ATTR:host").strip());
        String addresses = openstack.run("server", "show", "docstack-it-server", "-f", "value", "-c", "addresses");
        assertTrue(addresses.matches("(?s).*docstack-it-net.*10\\.20\\.30\\.\\d+.*"), addresses);
        // The port is bound to the host by the linuxbridge mechanism driver, which only binds where its agent lives.
        String port = openstack.run("port", "list", "--server", "docstack-it-server", "-f", "value", "-c", "ID").strip();
        assertEquals(NAME, openstack.run("port", "show", port, "-f", "value", "-c", "binding_host_id").strip());
        assertEquals("bridge", openstack.run("port", "show", port, "-f", "value", "-c", "binding_vif_type").strip());
    }
}
