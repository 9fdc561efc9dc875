package io.github.docstack.engine;

import static io.github.docstack.engine.DockerApi.HTTP_CREATED;
import static io.github.docstack.engine.DockerApi.HTTP_NOT_FOUND;
import static io.github.docstack.engine.DockerApi.HTTP_NO_CONTENT;
import static io.github.docstack.engine.DockerApi.HTTP_OK;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.maven.docker.access.hc.ApacheHttpClientDelegate;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** The volumes part of {@link DockerEngine}. */
final class DockerVolumes extends DockerPart {

    DockerVolumes(DockerApi api) {
        super(api);
    }

    void createVolume(String name, java.util.Map<String, String> labels) throws EngineException {
        calls.run("creating volume " + name, () -> {
            ObjectNode body = json.createObjectNode().put("Name", name);
            body.set("Labels", json.valueToTree(labels));
            try {
                http.post(
                        apiUrl + "/volumes/create",
                        body.toString(),
                        new ApacheHttpClientDelegate.BodyResponseHandler(),
                        HTTP_CREATED);
            } catch (IOException e) {
                throw new EngineException("Creating volume " + name + " failed: " + e.getMessage(), e);
            }
        });
    }

    List<VolumeSummary> volumes(String key, String value) throws EngineException {
        return calls.call("listing volumes", () -> {
            try {
                JsonNode root =
                        json.readTree(http.get(apiUrl + "/volumes?filters=" + api.labelFilter(key, value), HTTP_OK));
                List<VolumeSummary> volumes = new ArrayList<>();
                root.path("Volumes").forEach(volume -> {
                    java.util.Map<String, String> labels = new java.util.TreeMap<>();
                    volume.path("Labels")
                            .fields()
                            .forEachRemaining(label ->
                                    labels.put(label.getKey(), label.getValue().asText()));
                    volumes.add(new VolumeSummary(volume.path("Name").asText(), labels));
                });
                return volumes;
            } catch (IOException e) {
                throw new EngineException("Listing volumes failed: " + e.getMessage(), e);
            }
        });
    }

    void removeVolume(String name) throws EngineException {
        calls.run("removing volume " + name, () -> {
            try {
                http.delete(apiUrl + "/volumes/" + name, HTTP_NO_CONTENT, HTTP_NOT_FOUND);
            } catch (IOException e) {
                throw new EngineException(
                        "Removing volume " + name + " failed: " + e.getMessage()
                                + ". Remove it by hand: docker volume rm " + name,
                        e);
            }
        });
    }
}
