package io.github.docstack.engine;

import static io.github.docstack.engine.DockerApi.HTTP_NOT_FOUND;
import static io.github.docstack.engine.DockerApi.HTTP_NO_CONTENT;
import static io.github.docstack.engine.DockerApi.HTTP_OK;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.maven.docker.access.hc.ApacheHttpClientDelegate;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The Swarm part of the engine API (services, tasks, secrets, overlay networks), which fabric8's client does not
 * model: plain HTTP through its delegate, each call bounded in time like the others.
 */
final class DockerSwarm extends DockerPart {

    private static final int HTTP_CREATED = 201;

    DockerSwarm(DockerApi api) {
        super(api);
    }

    /** The hostname of this engine's node, if it is a manager of an active Swarm (which services need), else empty. */
    Optional<String> managerNode() throws EngineException {
        return calls.call("reading whether it is a Swarm manager", () -> {
            try {
                JsonNode info = json.readTree(http.get(apiUrl + "/info", HTTP_OK));
                JsonNode swarm = info.path("Swarm");
                boolean manager = "active".equals(swarm.path("LocalNodeState").asText())
                        && swarm.path("ControlAvailable").asBoolean();
                return manager ? Optional.of(info.path("Name").asText()) : Optional.<String>empty();
            } catch (IOException e) {
                throw new EngineException("Reading the engine's Swarm state failed: " + e.getMessage(), e);
            }
        });
    }

    String createService(ObjectNode spec) throws EngineException {
        String name = spec.path("Name").asText();
        return calls.call("creating service " + name, () -> {
            try {
                return json.readTree(http.post(
                                apiUrl + "/services/create",
                                spec.toString(),
                                new ApacheHttpClientDelegate.BodyResponseHandler(),
                                HTTP_CREATED))
                        .path("ID")
                        .asText();
            } catch (IOException e) {
                throw new EngineException("Creating Swarm service " + name + " failed: " + e.getMessage(), e);
            }
        });
    }

    /** The service ({@code ID}, {@code Version.Index}, {@code Spec}, {@code Endpoint}), or empty once it is gone. */
    Optional<JsonNode> service(String id) throws EngineException {
        return calls.call("inspecting service " + id, () -> {
            try {
                String body = http.get(apiUrl + "/services/" + id, HTTP_OK, HTTP_NOT_FOUND);
                return body == null ? Optional.<JsonNode>empty() : Optional.of(json.readTree(body));
            } catch (IOException e) {
                throw new EngineException("Inspecting Swarm service " + id + " failed: " + e.getMessage(), e);
            }
        });
    }

    void updateService(String id, long version, JsonNode spec) throws EngineException {
        calls.run("updating service " + id, () -> {
            try {
                http.post(
                        apiUrl + "/services/" + id + "/update?version=" + version,
                        spec.toString(),
                        new ApacheHttpClientDelegate.BodyResponseHandler(),
                        HTTP_OK);
            } catch (IOException e) {
                throw new EngineException("Updating Swarm service " + id + " failed: " + e.getMessage(), e);
            }
        });
    }

    void removeService(String id) throws EngineException {
        calls.run("removing service " + id, () -> {
            try {
                http.delete(apiUrl + "/services/" + id, HTTP_OK, HTTP_NOT_FOUND);
            } catch (IOException e) {
                throw new EngineException(
                        "Removing Swarm service " + id + " failed: " + e.getMessage()
                                + ". Remove it by hand: docker service rm " + id,
                        e);
            }
        });
    }

    List<JsonNode> services(String key, String value) throws EngineException {
        return list("/services?filters=" + api.labelFilter(key, value), "listing services");
    }

    /** The service's tasks, the newest first. */
    List<JsonNode> tasks(String serviceId) throws EngineException {
        List<JsonNode> tasks =
                new ArrayList<>(list("/tasks?filters=" + api.filter("service", serviceId), "listing tasks"));
        tasks.sort(
                Comparator.comparing((JsonNode task) -> task.path("CreatedAt").asText())
                        .reversed());
        return tasks;
    }

    /** The node's hostname, or its id when the manager does not know it. */
    String nodeName(String nodeId) throws EngineException {
        return calls.call("inspecting node " + nodeId, () -> {
            try {
                String body = http.get(apiUrl + "/nodes/" + nodeId, HTTP_OK, HTTP_NOT_FOUND);
                return body == null
                        ? nodeId
                        : json.readTree(body)
                                .path("Description")
                                .path("Hostname")
                                .asText(nodeId);
            } catch (IOException e) {
                throw new EngineException("Inspecting Swarm node " + nodeId + " failed: " + e.getMessage(), e);
            }
        });
    }

    /** The address the Swarm knows the node of this hostname by (its {@code Status.Addr}), if it has such a node. */
    Optional<String> nodeAddress(String hostname) throws EngineException {
        for (JsonNode node : list("/nodes", "listing nodes")) {
            if (node.path("Description").path("Hostname").asText().equals(hostname)) {
                return Optional.of(node.path("Status").path("Addr").asText()).filter(address -> !address.isEmpty());
            }
        }
        return Optional.empty();
    }

    /** The anonymous volumes (an image's VOLUME) mounted in this container, which Swarm leaves when it removes it. */
    List<String> anonymousVolumes(String containerId) throws EngineException {
        return calls.call("inspecting container " + containerId, () -> {
            try {
                String body = http.get(apiUrl + "/containers/" + containerId + "/json", HTTP_OK, HTTP_NOT_FOUND);
                List<String> volumes = new ArrayList<>();
                if (body != null) {
                    for (JsonNode mount : json.readTree(body).path("Mounts")) {
                        if ("volume".equals(mount.path("Type").asText())
                                && mount.path("Name").asText().matches("[0-9a-f]{64}")) {
                            volumes.add(mount.path("Name").asText());
                        }
                    }
                }
                return volumes;
            } catch (IOException e) {
                throw new EngineException("Inspecting container " + containerId + " failed: " + e.getMessage(), e);
            }
        });
    }

    /** The id of the secret of this name, made with {@code value} unless it exists (a secret cannot change). */
    String secret(String name, String value, Map<String, String> labels) throws EngineException {
        return calls.call("creating secret " + name, () -> {
            try {
                for (JsonNode existing :
                        json.readTree(http.get(apiUrl + "/secrets?filters=" + api.filter("name", name), HTTP_OK))) {
                    if (existing.path("Spec").path("Name").asText().equals(name)) {
                        return existing.path("ID").asText();
                    }
                }
                ObjectNode body = json.createObjectNode()
                        .put("Name", name)
                        .put("Data", Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8)));
                body.set("Labels", json.valueToTree(labels));
                return json.readTree(http.post(
                                apiUrl + "/secrets/create",
                                body.toString(),
                                new ApacheHttpClientDelegate.BodyResponseHandler(),
                                HTTP_CREATED))
                        .path("ID")
                        .asText();
            } catch (IOException e) {
                throw new EngineException("Creating Swarm secret " + name + " failed: " + e.getMessage(), e);
            }
        });
    }

    /** Removes every secret with this label; returns their names. */
    List<String> removeSecrets(String key, String value) throws EngineException {
        List<String> removed = new ArrayList<>();
        for (JsonNode secret : list("/secrets?filters=" + api.labelFilter(key, value), "listing secrets")) {
            String name = secret.path("Spec").path("Name").asText();
            calls.run("removing secret " + name, () -> {
                try {
                    http.delete(apiUrl + "/secrets/" + secret.path("ID").asText(), HTTP_NO_CONTENT, HTTP_NOT_FOUND);
                } catch (IOException e) {
                    throw new EngineException(
                            "Removing Swarm secret " + name + " failed: " + e.getMessage()
                                    + ". Remove it by hand: docker secret rm " + name,
                            e);
                }
            });
            removed.add(name);
        }
        return removed;
    }

    /** An overlay network that plain containers may join too (a verify step runs as one). */
    void createOverlayNetwork(String name, Map<String, String> labels) throws EngineException {
        calls.run("creating network " + name, () -> {
            try {
                if (!api.names(apiUrl + "/networks?filters=" + api.filter("name", name), "Name")
                        .contains(name)) {
                    ObjectNode body = json.createObjectNode()
                            .put("Name", name)
                            .put("CheckDuplicate", true)
                            .put("Driver", "overlay")
                            .put("Attachable", true);
                    body.set("Labels", json.valueToTree(labels));
                    http.post(
                            apiUrl + "/networks/create",
                            body.toString(),
                            new ApacheHttpClientDelegate.BodyResponseHandler(),
                            HTTP_CREATED);
                }
            } catch (IOException e) {
                throw new EngineException("Creating overlay network " + name + " failed: " + e.getMessage(), e);
            }
        });
    }

    private List<JsonNode> list(String path, String operation) throws EngineException {
        return calls.call(operation, () -> {
            try {
                List<JsonNode> items = new ArrayList<>();
                json.readTree(http.get(apiUrl + path, HTTP_OK)).forEach(items::add);
                return items;
            } catch (IOException e) {
                throw new EngineException(
                        operation.substring(0, 1).toUpperCase(Locale.ROOT) + operation.substring(1) + " failed: "
                                + e.getMessage(),
                        e);
            }
        });
    }
}
