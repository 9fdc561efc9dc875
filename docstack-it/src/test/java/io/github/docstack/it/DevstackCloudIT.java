package io.github.docstack.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.docstack.stack.Deployment;
import io.github.docstack.stack.Stack;
import io.github.docstack.stack.StackPreparer;
import io.github.docstack.stack.StackRunner;
import io.github.docstack.stack.StackVerifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * devstack's default cloud (docstack-it/cloud/stack.yaml with its default profiles and release): keystone, glance,
 * placement, nova on its fake virt driver, neutron (ML2/OVN, or ML2/linuxbridge and its agents on Zed), cinder on a
 * single-node Ceph, horizon, and tempest. The real openstack client makes a server on a network, a router, and a
 * volume; a real browser logs in to horizon; tempest runs through docstack's verify.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DevstackCloudIT {

    @RegisterExtension
    static final RealEngine REAL = new RealEngine();

    private static final int OFFSET = Integer.getInteger("docstack.it.devstackPortOffset", 11000);
    private static final String NAME = "devstack-it";
    private static final StackRunner.Timeouts TIMEOUTS =
            new StackRunner.Timeouts(Duration.ofMinutes(5), Duration.ofMinutes(5));
    /** CI's smoke subset of tempest: one group of each service; -Ddocstack.it.tempest.filter runs others. */
    private static final String TEMPEST_FILTER = System.getProperty(
            "docstack.it.tempest.filter",
            "^tempest\\.api\\.(identity\\.v3\\.test_tokens\\.|image\\.v2\\.test_images\\.BasicOperationsImagesTest\\."
                    + "|network\\.test_networks\\.NetworksTest\\.test_(list|show)_|compute\\.servers\\.test_create_server\\.ServersTestJSON\\."
                    + "|volume\\.test_volumes_get\\.VolumesGetTest\\.)");

    @TempDir
    static Path work;

    private static Deployment deployment;
    private static OpenStackClient openstack;
    private static NeutronNetworking networking;

    @BeforeAll
    static void upDevstacksDefaultCloud() throws Exception {
        Stack stack = SampleCloud.load(work, NAME, null); // the stack file's own profiles: devstack's default set
        networking = NeutronNetworking.of(stack.release());
        // A fresh checkout has fresh secrets: the data an interrupted earlier run left would (rightly) refuse them.
        new StackRunner(REAL.engine(), RealEngine.CONSOLE).down(NAME, true);
        deployment = StackPreparer.prepare(stack, REAL.engine(), RealEngine.CONSOLE, OFFSET, 8)
                .deployment();
        SampleCloud.print(NAME, new StackRunner(REAL.engine(), RealEngine.CONSOLE).up(deployment, TIMEOUTS, 8));
        openstack = new OpenStackClient(NAME, stateDirectory().resolve("clouds.yaml"));
    }

    @AfterAll
    static void downTheCloud() throws Exception {
        new StackRunner(REAL.engine(), RealEngine.CONSOLE).down(NAME, true);
    }

    private static Path stateDirectory() {
        return work.resolve(".docstack").resolve(NAME);
    }

    @Test
    @Order(1)
    void aServerOnARealNeutronNetworkReachesActiveWithAnAddressInItsSubnet() throws Exception {
        assertTrue(openstack
                .run("catalog", "list", "-f", "value", "-c", "Name")
                .lines()
                .anyMatch("neutron"::equals));
        // Both nova-compute and neutron's agents report as the stack's one host, named after the stack.
        openstack.awaitComputeHost(NAME, networking);

        assertEquals("ACTIVE", openstack.createServerOnANewNetwork("docstack-it", "10.20.30.0/24", work));
        assertEquals(
                NAME,
                openstack
                        .run("server", "show", "docstack-it-server", "-f", "value", "-c", "OS-EXT-SRV-ATTR:host")
                        .strip());
        String addresses = openstack.run("server", "show", "docstack-it-server", "-f", "value", "-c", "addresses");
        assertTrue(addresses.matches("(?s).*docstack-it-net.*10\\.20\\.30\\.\\d+.*"), addresses);
        // The port is bound to the host by the mechanism driver, which only binds where its agent (or chassis) lives.
        String port = openstack
                .run("port", "list", "--server", "docstack-it-server", "-f", "value", "-c", "ID")
                .strip();
        assertEquals(
                NAME,
                openstack
                        .run("port", "show", port, "-f", "value", "-c", "binding_host_id")
                        .strip());
        assertEquals(
                networking.vifType(),
                openstack
                        .run("port", "show", port, "-f", "value", "-c", "binding_vif_type")
                        .strip());
    }

    @Test
    @Order(2)
    void aRouterFromTheTestsSubnetToPublicIsPlumbed() throws Exception {
        openstack.runUntil(
                Duration.ofMinutes(2),
                output -> networking.agentTypes().stream().allMatch(output::contains),
                "network",
                "agent",
                "list",
                "--host",
                NAME,
                "-f",
                "value",
                "-c",
                "Agent Type");
        // "public" as devstack's lib/neutron (and docstack-tempest, which finds it) makes it: flat, external.
        if (openstack
                .run("network", "list", "--external", "-f", "value", "-c", "Name")
                .lines()
                .noneMatch("public"::equals)) {
            openstack.run(
                    "network",
                    "create",
                    "--external",
                    "--default",
                    "--provider-network-type",
                    "flat",
                    "--provider-physical-network",
                    "public",
                    "public");
            openstack.run(
                    "subnet",
                    "create",
                    "--network",
                    "public",
                    "--subnet-range",
                    "172.24.4.0/24",
                    "--gateway",
                    "172.24.4.1",
                    "--no-dhcp",
                    "public-subnet");
        }

        openstack.run("router", "create", "--external-gateway", "public", "docstack-it-router");
        openstack.run("router", "add", "subnet", "docstack-it-router", "docstack-it-subnet");

        // A router's ports go ACTIVE only once they are plumbed: by the L3 agent in its namespace, seen by the L2
        // agent, or bound to the OVN chassis that is the gateway.
        openstack.runUntil(
                Duration.ofMinutes(2),
                output -> output.lines().count() == 2 && output.lines().allMatch("ACTIVE"::equals),
                "port",
                "list",
                "--router",
                "docstack-it-router",
                "-f",
                "value",
                "-c",
                "Status");
        String addresses = openstack.run(
                "port", "list", "--router", "docstack-it-router", "-f", "value", "-c", "Fixed IP Addresses");
        assertTrue(addresses.contains("'10.20.30.1'") && addresses.contains("'172.24.4."), addresses);
    }

    @Test
    @Order(3)
    void aVolumeOnCephBecomesAvailableAndIsDeleted() throws Exception {
        assertTrue(openstack
                .run("catalog", "list", "-f", "value", "-c", "Type")
                .lines()
                .anyMatch("volumev3"::equals));

        String id = openstack
                .run("volume", "create", "--size", "1", "-f", "value", "-c", "id", "docstack-it-volume")
                .strip();
        openstack.runUntil(
                Duration.ofMinutes(2),
                output -> output.strip().equals("available"),
                "volume",
                "show",
                id,
                "-f",
                "value",
                "-c",
                "status");
        openstack.run("volume", "delete", id);

        openstack.runUntil(
                Duration.ofMinutes(2), output -> !output.contains(id), "volume", "list", "-f", "value", "-c", "ID");
    }

    @Test
    @Order(4)
    void horizonLogsTheAdminInAndListsTheImageTheTestUploaded() throws Exception {
        String dashboard =
                Files.readString(stateDirectory().resolve("dashboard.url")).strip();
        Matcher password = Pattern.compile("password: (\\S+)")
                .matcher(Files.readString(stateDirectory().resolve("clouds.yaml")));
        assertTrue(password.find(), "clouds.yaml names the admin password");
        Path screenshot = Path.of("target", "horizon-images.png").toAbsolutePath();

        String page = Horizon.imagesPageAfterLogin(
                dashboard, "admin", password.group(1), "docstack-it-disk", screenshot, work);

        assertTrue(page.contains("docstack-it-disk"), "the images page lists the image");
        assertTrue(Files.size(screenshot) > 10_000, "a screenshot of the images page: " + screenshot);
    }

    @Test
    @Order(5)
    void tempestRunByVerifyPassesAndWritesJUnitXml() throws Exception {
        Path reports = Path.of("target", "tempest-it").toAbsolutePath();

        List<StackVerifier.Result> results = new StackVerifier(REAL.engine(), RealEngine.CONSOLE)
                .verify(deployment, reports, TEMPEST_FILTER, Duration.ofMinutes(30));

        assertEquals(1, results.size());
        String junit = Files.readString(results.get(0).reports().resolve("tempest.xml"));
        assertEquals(0, results.get(0).exitCode(), junit);
        Matcher counts = Pattern.compile(
                        "<testsuite errors=\"(\\d+)\" failures=\"(\\d+)\" name=\"[^\"]*\" tests=\"(\\d+)\"")
                .matcher(junit);
        assertTrue(counts.find(), junit);
        assertEquals("0", counts.group(1), junit);
        assertEquals("0", counts.group(2), junit);
        assertTrue(
                Integer.parseInt(counts.group(3)) >= 10, "tempest ran the smoke subset: " + counts.group(3) + " tests");
    }
}
