package io.github.docstack.engine;

import static io.github.docstack.engine.DockerApi.HTTP_NOT_FOUND;
import static io.github.docstack.engine.DockerApi.HTTP_NO_CONTENT;
import static io.github.docstack.engine.DockerApi.HTTP_OK;
import static io.github.docstack.engine.DockerApi.nextPause;
import static io.github.docstack.engine.DockerApi.pauseFor;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.maven.docker.access.hc.ApacheHttpClientDelegate;
import java.io.IOException;
import java.time.Duration;
import java.util.List;

/** The networks part of {@link DockerEngine}. */
final class DockerNetworks extends DockerPart {

    // How long removeNetwork waits for the engine to release a removed container's endpoint.
    private static final Duration NETWORK_RELEASE = Duration.ofSeconds(15);

    DockerNetworks(DockerApi api) {
        super(api);
    }

    void createNetwork(String name, java.util.Map<String, String> labels) throws EngineException {
        calls.run("creating network " + name, () -> {
            try {
                if (!api.names(apiUrl + "/networks?filters=" + api.filter("name", name), "Name")
                        .contains(name)) {
                    com.fasterxml.jackson.databind.node.ObjectNode body = json.createObjectNode();
                    body.put("Name", name);
                    body.put("CheckDuplicate", true);
                    body.set("Labels", json.valueToTree(labels));
                    http.post(
                            apiUrl + "/networks/create",
                            body.toString(),
                            new ApacheHttpClientDelegate.BodyResponseHandler(),
                            DockerApi.HTTP_CREATED);
                }
            } catch (IOException e) {
                throw new EngineException("Creating network " + name + " failed: " + e.getMessage(), e);
            }
        });
    }

    List<String> networks(String key, String value) throws EngineException {
        return calls.call("listing networks", () -> {
            try {
                return api.names(apiUrl + "/networks?filters=" + api.labelFilter(key, value), "Name");
            } catch (IOException e) {
                throw new EngineException("Listing networks failed: " + e.getMessage(), e);
            }
        });
    }

    void removeNetwork(String name) throws EngineException {
        calls.run("removing network " + name, NETWORK_RELEASE, () -> {
            try {
                long deadline = System.nanoTime() + NETWORK_RELEASE.toNanos();
                Duration pause = Duration.ofMillis(20);
                while (System.nanoTime() < deadline) {
                    String network = http.get(apiUrl + "/networks/" + name, HTTP_OK, HTTP_NOT_FOUND);
                    JsonNode containers =
                            network == null ? null : json.readTree(network).path("Containers");
                    if (containers == null || containers.isEmpty()) {
                        break;
                    }
                    pauseFor(pause);
                    pause = nextPause(pause);
                }
                http.delete(apiUrl + "/networks/" + name, HTTP_NO_CONTENT, HTTP_NOT_FOUND);
            } catch (IOException e) {
                throw new EngineException(
                        "Removing network " + name + " failed: " + e.getMessage()
                                + ". Remove it by hand: docker network rm " + name,
                        e);
            }
        });
    }
}
