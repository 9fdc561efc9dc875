package io.github.docstack.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fabric8.maven.docker.util.Logger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * With mvn -X, fabric8's API traces reach the log; a container's create request, environment and all, must not. A
 * build's last lines are kept, uncoloured, for the thread that builds.
 */
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

    @Test
    void aBuildsLastLinesAreKeptUncolouredForTheThreadThatBuilds() {
        FabricLogger logger = new FabricLogger(EngineLog.SILENT);
        logger.verbose(Logger.LogVerboseCategory.BUILD, "Step 1/2 : FROM debian:sid-slim");
        FabricLogger.keepBuildOutput();
        logger.verbose(Logger.LogVerboseCategory.BUILD, "Step 2/2 : RUN apt-get install -y nope");
        logger.verbose(Logger.LogVerboseCategory.BUILD, "\u001B[91mE: Unable to locate package nope\n\u001B[0m");
        logger.verbose(Logger.LogVerboseCategory.BUILD, "[91mE: Unable to locate package nix\n[0m");

        assertEquals(
                List.of(
                        "Step 2/2 : RUN apt-get install -y nope",
                        "E: Unable to locate package nope",
                        "E: Unable to locate package nix"),
                FabricLogger.takeBuildOutput());
        assertEquals(List.of(), FabricLogger.takeBuildOutput(), "taken, the output is no longer kept");
    }
}
