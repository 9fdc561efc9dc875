package io.github.docstack.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.docstack.stack.Stack;
import io.github.docstack.stack.StackException;
import io.github.docstack.stack.StackLoader;
import io.github.docstack.stack.StackPreparer;
import io.github.docstack.stack.StackRunner;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample OpenStack cloud's six projects without a profile (docstack-it/cloud/stack.yaml with profiles none),
 * from Debian's packages through each project's docstack/ directory, driven by the real openstack client through
 * the clouds.yaml docstack renders.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CloudIT {

    @RegisterExtension
    static final RealEngine REAL = new RealEngine();

    /**
     * The developer's own cloud may hold the default ports on a test machine, so this one moves its ports, by an offset
     * that lands no port on another default one (10000 would put rabbitmq on 15672, its management port).
     */
    private static final int OFFSET = Integer.getInteger("docstack.it.cloudPortOffset", 20000);

    private static final String NAME = "cloud-it";
    private static final StackRunner.Timeouts TIMEOUTS =
            new StackRunner.Timeouts(Duration.ofMinutes(5), Duration.ofMinutes(5));

    @TempDir
    static Path work;

    private static Stack stack;
    private static String imageSha256;

    @BeforeAll
    static void upTheCloud() throws Exception {
        stack = SampleCloud.load(work, NAME, List.of(Stack.NO_PROFILES)); // the base six
        // A fresh checkout has fresh secrets: the data an interrupted earlier run left would (rightly) refuse them.
        new StackRunner(REAL.engine(), RealEngine.CONSOLE).down(NAME, true);
        SampleCloud.print(NAME, up());
    }

    @AfterAll
    static void downTheCloud() throws Exception {
        new StackRunner(REAL.engine(), RealEngine.CONSOLE).down(NAME, true);
    }

    private static StackRunner.UpReport up() throws Exception {
        StackPreparer.Prepared prepared = StackPreparer.prepare(stack, REAL.engine(), RealEngine.CONSOLE, OFFSET, 8);
        return new StackRunner(REAL.engine(), RealEngine.CONSOLE).up(prepared.deployment(), TIMEOUTS, 8);
    }

    @Test
    @Order(1)
    void tokenAndACatalogWithPublicAndInternalEndpoints() throws Exception {
        assertTrue(
                openstack("token", "issue", "-f", "value", "-c", "id").strip().length() > 20);
        String catalog = openstack("catalog", "list", "-f", "value");
        for (String service : List.of("keystone identity", "glance image", "placement placement")) {
            String line = catalog.lines()
                    .filter(l -> l.startsWith(service))
                    .findFirst()
                    .orElse("");
            assertTrue(line.contains("'interface': 'public'") && line.contains("'interface': 'internal'"), catalog);
        }
        assertTrue(
                catalog.contains("'url': 'http://127.0.0.1:" + (9292 + OFFSET) + "'"),
                "public endpoints are reachable from here");
        assertTrue(catalog.contains("'url': 'http://glance-api:9292'"), "internal endpoints are the stack network's");
    }

    @Test
    @Order(2)
    void anImageGoesUpAndComesBackByteForByte() throws Exception {
        byte[] data = new byte[5 * 1024 * 1024];
        new SecureRandom().nextBytes(data);
        Path upload = Files.write(work.resolve("image.raw"), data);
        imageSha256 = sha256(upload);
        client().uploadRawImage(upload, "docstack-it");
        assertEquals(
                "active",
                openstack("image", "show", "docstack-it", "-f", "value", "-c", "status")
                        .strip());
        Path download = work.resolve("image.back");
        openstack("image", "save", "--file", download.toString(), "docstack-it");
        assertEquals(imageSha256, sha256(download));
    }

    @Test
    @Order(3)
    void placementListsResourceProviders() throws Exception {
        String token = openstack("token", "issue", "-f", "value", "-c", "id").strip();
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(
                                        URI.create("http://127.0.0.1:" + (8778 + OFFSET) + "/resource_providers"))
                                .header("X-Auth-Token", token)
                                .header("OpenStack-API-Version", "placement 1.6")
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.body().contains("\"resource_providers\""), response.body());
    }

    @Test
    @Order(4)
    void theImageOutlivesDownAndUp() throws Exception {
        new StackRunner(REAL.engine(), RealEngine.CONSOLE).down(NAME, false);
        StackRunner.UpReport again = up();
        System.out.printf("[cloud-it] up again after down (volumes and secrets kept) in %.1f s%n", again.seconds());
        Path download = work.resolve("image.again");
        openstack("image", "save", "--file", download.toString(), "docstack-it");
        assertEquals(imageSha256, sha256(download));
    }

    @Test
    @Order(5)
    void aStackWithoutMariadbNamesWhoNeedsADatabase() throws Exception {
        Path stackFile = work.resolve("no-database.yaml");
        Files.writeString(
                stackFile,
                Files.readString(work.resolve("stack.yaml"))
                        .replace("name: " + NAME, "name: nodb")
                        .replace("  - {name: mariadb, path: mariadb}\n", ""));
        Stack withoutDatabase = StackLoader.load(stackFile).stack().withProfiles(List.of(Stack.NO_PROFILES));
        StackException failure = assertThrows(
                StackException.class,
                () -> StackPreparer.prepare(withoutDatabase, REAL.engine(), RealEngine.CONSOLE, OFFSET, 8));
        assertEquals(
                "keystone requires database, but no project of the stack provides it: add a project that provides"
                        + " database to the stack file",
                failure.getMessage());
    }

    private static String openstack(String... arguments) throws Exception {
        return client().run(arguments);
    }

    private static OpenStackClient client() {
        return new OpenStackClient(NAME, work.resolve(".docstack").resolve(NAME).resolve("clouds.yaml"));
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
