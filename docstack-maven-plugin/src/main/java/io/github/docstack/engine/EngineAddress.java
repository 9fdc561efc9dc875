package io.github.docstack.engine;

import java.util.Map;

/**
 * Where the Docker engine is expected to answer, and why there: the configured address, else
 * {@code DOCKER_HOST}, else the default socket. The reason is kept so that a failure can say where docstack
 * looked.
 *
 * @param url    a {@code unix://}, {@code tcp://}, {@code http://} or {@code https://} address
 * @param origin how the address was chosen, for messages
 */
public record EngineAddress(String url, String origin) {

    public static final String DEFAULT_SOCKET = "unix:///var/run/docker.sock";

    /**
     * The engine to talk to: the configured address, else {@code DOCKER_HOST}, else the default socket.
     *
     * @param configured the address the user configured, or null/blank
     * @param environment the process environment (passed in so tests need not change the real one)
     */
    public static EngineAddress resolve(String configured, Map<String, String> environment) {
        if (configured != null && !configured.isBlank()) {
            return new EngineAddress(configured.trim(), "from docstack.dockerHost");
        }
        String dockerHost = environment.get("DOCKER_HOST");
        if (dockerHost != null && !dockerHost.isBlank()) {
            return new EngineAddress(dockerHost.trim(), "from DOCKER_HOST");
        }
        return new EngineAddress(DEFAULT_SOCKET, "the default socket; DOCKER_HOST is not set");
    }

    @Override
    public String toString() {
        return url + " (" + origin + ")";
    }
}
