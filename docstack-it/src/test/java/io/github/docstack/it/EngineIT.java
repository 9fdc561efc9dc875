package io.github.docstack.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.docstack.engine.ContainerNotHealthyException;
import io.github.docstack.engine.ContainerSpec;
import io.github.docstack.engine.ContainerState;
import io.github.docstack.engine.Engine;
import io.github.docstack.engine.EngineException;
import io.github.docstack.engine.Healthcheck;
import io.github.docstack.engine.ImageBuild;
import io.github.docstack.image.ContextArchive;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The engine façade against a real Docker engine: build, run, wait for health, read logs, remove. */
class EngineIT {

    @RegisterExtension
    static final RealEngine REAL = new RealEngine();

    private static final String IMAGE =
            "docstack-it/engine-smoke:" + UUID.randomUUID().toString().substring(0, 8);

    @TempDir
    static Path work;

    private static String imageId;

    @BeforeAll
    static void buildSmokeImage() throws IOException, EngineException {
        Path context = Files.createDirectories(work.resolve("context"));
        Files.writeString(context.resolve("Dockerfile"), """
                FROM debian:bookworm-slim
                ARG GREETING
                COPY serve.sh /usr/local/bin/serve.sh
                RUN echo "$GREETING" > /greeting
                CMD ["serve.sh"]
                """);
        // Becomes ready a moment after start, so "healthy" really waits for something.
        Path script = Files.writeString(context.resolve("serve.sh"), """
                #!/bin/sh
                echo "starting with $(cat /greeting)"
                sleep 1
                touch /tmp/ready
                echo ready
                exec sleep infinity
                """);
        script.toFile().setExecutable(true);
        Path archive = work.resolve("context.tar");
        ContextArchive.write(context, archive);

        REAL.removeImageAfterAll(IMAGE);
        imageId = REAL.engine()
                .build(new ImageBuild(
                        archive,
                        "Dockerfile",
                        List.of(IMAGE),
                        Map.of("GREETING", "hello from docstack"),
                        Map.of("io.github.docstack.test", "engine-it"),
                        null,
                        false,
                        false));
    }

    @Test
    void builtImageIsKnownToTheEngine() throws EngineException {
        assertTrue(imageId.startsWith("sha256:") || !imageId.isBlank(), "image id: " + imageId);
        assertTrue(REAL.engine().hasImage(IMAGE));
    }

    @Test
    void containerBecomesHealthyThenIsRemoved() throws EngineException {
        Engine engine = REAL.engine();
        String id = engine.run(ContainerSpec.of(IMAGE)
                .withLabels(Map.of("io.github.docstack.test", "engine-it"))
                .withHealthcheck(Healthcheck.of(List.of("test", "-f", "/tmp/ready"), Duration.ofMillis(200), 50)));
        REAL.removeContainerAfterAll(id);

        Duration took = engine.waitHealthy(id, Duration.ofSeconds(30));

        System.out.println("[engine-it] healthy after " + took.toMillis() + " ms");
        ContainerState state = engine.inspect(id);
        assertTrue(state.running() && state.healthy(), "state: " + state);
        assertTrue(took.compareTo(Duration.ofMillis(900)) >= 0, "healthy only once /tmp/ready exists: " + took);
        assertTrue(
                engine.lastLogLines(id, 10).contains("starting with hello from docstack"),
                "the build arg reached the image: " + engine.lastLogLines(id, 10));

        engine.remove(id);
        assertThrows(EngineException.class, () -> engine.inspect(id), "the container is gone");
    }

    @Test
    void failingHealthcheckIsReportedWithItsOutput() throws EngineException {
        Engine engine = REAL.engine();
        String id = engine.run(ContainerSpec.of(IMAGE)
                .withHealthcheck(Healthcheck.of(
                        List.of("sh", "-c", "echo database not reachable; exit 1"), Duration.ofMillis(200), 2)));
        REAL.removeContainerAfterAll(id);

        ContainerNotHealthyException failure =
                assertThrows(ContainerNotHealthyException.class, () -> engine.waitHealthy(id, Duration.ofSeconds(30)));

        assertEquals("unhealthy", failure.state().health());
        assertTrue(failure.getMessage().contains("database not reachable"), failure.getMessage());
        assertTrue(failure.getMessage().contains("docker logs"), failure.getMessage());
    }

    @Test
    void containerThatExitsFailsTheWaitWithItsLastLogLines() throws EngineException {
        Engine engine = REAL.engine();
        String id = engine.run(ContainerSpec.of(IMAGE)
                .withCommand(List.of("sh", "-c", "echo config file missing >&2; exit 3"))
                .withHealthcheck(Healthcheck.of(List.of("true"), Duration.ofMillis(200), 5)));
        REAL.removeContainerAfterAll(id);

        ContainerNotHealthyException failure =
                assertThrows(ContainerNotHealthyException.class, () -> engine.waitHealthy(id, Duration.ofSeconds(30)));

        assertFalse(failure.state().running());
        assertEquals(3, failure.state().exitCode());
        assertTrue(failure.getMessage().contains("exited with code 3"), failure.getMessage());
        assertEquals(List.of("config file missing"), failure.lastLogLines());
    }

    @Test
    void aContainerThatBorrowsAnothersNetworkNamespaceReachesTheSameNames() throws EngineException {
        Engine engine = REAL.engine();
        String network = "engine-it-" + UUID.randomUUID().toString().substring(0, 8);
        engine.createNetwork(network, Map.of("io.github.docstack.test", "engine-it"));
        String lender = null;
        String borrower = null;
        try {
            ContainerSpec service =
                    ContainerSpec.of(IMAGE).withName(network + "-service").withNetwork(network, List.of("database"));
            lender = engine.run(service);
            // As up runs a step: on the service's namespace, so "database" (an alias on the network) resolves.
            borrower = engine.create(ContainerSpec.of(IMAGE)
                    .withCommand(List.of("sh", "-c", "getent hosts database && hostname -i"))
                    .withNetwork(ContainerSpec.networkOf(service.name()), List.of()));
            engine.start(borrower, IMAGE);

            int code = engine.waitForExit(borrower, Duration.ofSeconds(30));

            List<String> output = engine.lastLogLines(borrower, 10);
            assertEquals(0, code, "output: " + output);
            String address = output.get(0).split("\\s+")[0];
            assertEquals(
                    List.of(address, "database", address),
                    List.of((output.get(0) + " " + output.get(1)).strip().split("\\s+")),
                    "the step resolves the service's alias to the service's own address, which is its own too");
            assertTrue(engine.canShareNetworkNamespace());
        } finally {
            for (String id : new String[] {borrower, lender}) {
                if (id != null) {
                    engine.remove(id);
                }
            }
            engine.removeNetwork(network);
        }
    }
}
