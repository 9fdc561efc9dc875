package io.github.docstack.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fabric8.maven.docker.util.Logger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** With mvn -X, fabric8's API traces reach the log; a container's create request, environment and all, must not. */
class FabricLoggerTest {

    @Test
    void aRequestBodyIsNeverLogged() {
        List<String> debug = new ArrayList<>();
        FabricLogger logger = new FabricLogger(new EngineLog() {
            @Override
            public void info(String message) {}

            @Override
            public void warn(String message) {}

            @Override
            public void debug(String message) {
                debug.add(message);
            }
        });

        logger.verbose(
                Logger.LogVerboseCategory.API,
                "POST to %s with %s",
                "unix://127.0.0.1:1/v1.41/containers/create",
                "{\"Env\":[\"OS_PASSWORD=s3cr3t\"]}");
        logger.verbose(Logger.LogVerboseCategory.API, "GET %s", "unix://127.0.0.1:1/v1.41/version");

        assertEquals(
                List.of(
                        "POST to unix://127.0.0.1:1/v1.41/containers/create (body not shown: it may hold secrets)",
                        "GET unix://127.0.0.1:1/v1.41/version"),
                debug);
    }
}
