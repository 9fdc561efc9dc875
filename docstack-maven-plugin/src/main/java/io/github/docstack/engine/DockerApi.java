package io.github.docstack.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.maven.docker.access.DockerAccess;
import io.fabric8.maven.docker.access.hc.ApacheHttpClientDelegate;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One connection to a Docker daemon as the parts of {@link DockerEngine} share it: fabric8's client for the
 * streaming work, its HTTP delegate for the rest, every call bounded in time; and what those parts need alike
 * (status codes, label filters, polling).
 */
final class DockerApi {

    static final int HTTP_OK = 200;
    static final int HTTP_CREATED = 201;
    static final int HTTP_NO_CONTENT = 204;
    static final int HTTP_NOT_MODIFIED = 304;
    static final int HTTP_NOT_FOUND = 404;
    static final int HTTP_CONFLICT = 409;
    // Inspecting costs a few milliseconds; a low ceiling sees a container's change of state soon after it happens.
    static final Duration POLL_CEILING = Duration.ofMillis(100);

    final ObjectMapper json = new ObjectMapper();
    final EngineLog log;
    final ApacheHttpClientDelegate http;
    /** The engine's address with its API version, e.g. {@code unix://127.0.0.1:1/v1.41}. */
    final String apiUrl;

    final CallBound calls;

    private final AccessFactory newAccess;
    private DockerAccess access; // made at first use; guarded by this

    /** Makes fabric8's client of the engine. */
    interface AccessFactory {
        DockerAccess make() throws IOException;
    }

    DockerApi(EngineLog log, ApacheHttpClientDelegate http, String apiUrl, AccessFactory newAccess, CallBound calls) {
        this.log = log;
        this.http = http;
        this.apiUrl = apiUrl;
        this.newAccess = newAccess;
        this.calls = calls;
    }

    /**
     * fabric8's client, for the streaming work, made at first use: making it loads fabric8's Unix socket and with it
     * jnr-unixsocket's native stubs, half a second that a command which only reads through {@link #http} never needs.
     */
    synchronized DockerAccess access() throws EngineException {
        if (access == null) {
            try {
                access = newAccess.make();
            } catch (IOException e) {
                throw new EngineException("Cannot open fabric8's client of the engine: " + e.getMessage(), e);
            }
        }
        return access;
    }

    /** Shuts fabric8's client down, if it was ever made. */
    synchronized void shutdownAccess() {
        if (access != null) {
            access.shutdown();
        }
    }

    List<String> names(String url, String field) throws IOException {
        List<String> names = new ArrayList<>();
        json.readTree(http.get(url, HTTP_OK))
                .forEach(item -> names.add(item.path(field).asText()));
        return names;
    }

    String labelFilter(String key, String value) {
        return filter("label", key + "=" + value);
    }

    String filter(String kind, String value) {
        String filter = json.createObjectNode()
                .set(kind, json.createArrayNode().add(value))
                .toString();
        return java.net.URLEncoder.encode(filter, java.nio.charset.StandardCharsets.UTF_8);
    }

    static String query(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The engine writes the zero time (0001-01-01...) for "never". */
    static java.time.Instant instant(String text) {
        if (text == null || text.isEmpty() || text.startsWith("0001-")) {
            return null;
        }
        return java.time.OffsetDateTime.parse(text).toInstant();
    }

    /** The next pause of a poll: twice the last, up to {@code POLL_CEILING}. */
    static Duration nextPause(Duration pause) {
        Duration doubled = pause.multipliedBy(2);
        return doubled.compareTo(POLL_CEILING) > 0 ? POLL_CEILING : doubled;
    }

    static void pauseFor(Duration pause) throws EngineException {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineException("Interrupted while waiting for a container to become healthy", e);
        }
    }
}
