package io.github.docstack.engine;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Connecting where no engine answers: no Docker needed, and the message must say where and what to do. */
class EngineConnectTest {

    @Test
    void missingSocketNamesTheAddressItsOriginAndTheRemedy(@TempDir Path dir) {
        EngineAddress address = new EngineAddress("unix://" + dir.resolve("docker.sock"), "from DOCKER_HOST");

        EngineUnavailableException failure =
                assertThrows(EngineUnavailableException.class, () -> Engine.connect(address, EngineLog.SILENT));

        String message = failure.getMessage();
        assertTrue(
                message.startsWith(
                        "No Docker engine answers at unix://" + dir.resolve("docker.sock") + " (from DOCKER_HOST)"),
                message);
        assertTrue(message.contains("Start one"), message);
        assertTrue(message.contains("point DOCKER_HOST at an engine that runs"), message);
    }

    @Test
    void closedTcpPortIsReportedTheSameWay() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        EngineAddress address = new EngineAddress("tcp://127.0.0.1:" + closedPort, "from docstack.dockerHost");

        EngineUnavailableException failure =
                assertThrows(EngineUnavailableException.class, () -> Engine.connect(address, EngineLog.SILENT));

        assertTrue(failure.getMessage().contains("tcp://127.0.0.1:" + closedPort), failure.getMessage());
        assertTrue(failure.getMessage().toLowerCase(Locale.ROOT).contains("refused"), failure.getMessage());
    }
}
