package io.github.docstack.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class EngineAddressTest {

    @Test
    void configuredAddressWinsOverDockerHost() {
        EngineAddress address =
                EngineAddress.resolve("tcp://10.0.0.5:2375", Map.of("DOCKER_HOST", "unix:///other.sock"));

        assertEquals("tcp://10.0.0.5:2375", address.url());
        assertEquals("from docstack.dockerHost", address.origin());
    }

    @Test
    void dockerHostIsUsedWhenNothingIsConfigured() {
        EngineAddress address = EngineAddress.resolve(" ", Map.of("DOCKER_HOST", "unix:///run/user/1000/docker.sock"));

        assertEquals("unix:///run/user/1000/docker.sock", address.url());
        assertEquals("from DOCKER_HOST", address.origin());
    }

    @Test
    void defaultSocketIsTheLastResortAndSaysWhy() {
        EngineAddress address = EngineAddress.resolve(null, Map.of());

        assertEquals("unix:///var/run/docker.sock", address.url());
        assertEquals("unix:///var/run/docker.sock (the default socket; DOCKER_HOST is not set)", address.toString());
    }
}
