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
 * nova on the sample cloud (docstack-it/cloud/stack-nova.yaml): api, conductor, scheduler and compute with
 * nova's fake virt driver, cells mapped, so that the real openstack client's server create reaches ACTIVE.
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
    void aServerOnTheFakeDriverReachesActive() throws Exception {
        assertTrue(openstack.run("catalog", "list", "-f", "value", "-c", "Name").lines().anyMatch("nova"::equals));
        // nova-compute registers its node a moment after it starts, and the scheduler maps it into cell1 on its
        // next discovery: until then a server would find no host.
        openstack.runUntil(Duration.ofMinutes(2), output -> output.contains("nova-compute"),
                "hypervisor", "list", "-f", "value", "-c", "Hypervisor Hostname");
        openstack.run("flavor", "create", "--ram", "64", "--disk", "1", "--vcpus", "1", "docstack-it.tiny");
        Path disk = Files.write(work.resolve("disk.raw"), new byte[1024 * 1024]);
        openstack.run("image", "create", "--disk-format", "raw", "--container-format", "bare", "--file", disk.toString(), "docstack-it-disk");

        // 2.37 is the first microversion that lets a server have no network (the stack has a network stub, not neutron).
        String status = openstack.run("--os-compute-api-version", "2.37", "server", "create", "--flavor", "docstack-it.tiny",
                "--image", "docstack-it-disk", "--nic", "none", "--wait", "-f", "value", "-c", "status", "docstack-it-server");

        assertEquals("ACTIVE", status.strip().lines().reduce((first, last) -> last).orElse(""), status);
        assertEquals("nova-compute", openstack.run("server", "show", "docstack-it-server", "-f", "value",
                "-c", "OS-EXT-SRV-ATTR:host").strip());
    }
}
