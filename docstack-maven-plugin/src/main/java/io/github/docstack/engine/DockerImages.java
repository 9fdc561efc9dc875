package io.github.docstack.engine;

import static io.github.docstack.engine.DockerApi.HTTP_CREATED;
import static io.github.docstack.engine.DockerApi.HTTP_NOT_FOUND;
import static io.github.docstack.engine.DockerApi.HTTP_OK;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.maven.docker.access.AuthConfig;
import io.fabric8.maven.docker.access.BuildOptions;
import io.fabric8.maven.docker.access.CreateImageOptions;
import io.fabric8.maven.docker.access.DockerAccessException;
import io.fabric8.maven.docker.util.JsonFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

/** The images part of {@link DockerEngine}: build, tag, push, pull, inspect. */
final class DockerImages extends DockerPart {

    DockerImages(DockerApi api) {
        super(api);
    }

    String build(ImageBuild build) throws EngineException {
        String name = build.tags().get(0);
        BuildOptions options = new BuildOptions()
                .dockerfile(build.dockerfile())
                .forceRemove(true)
                .noCache(build.noCache());
        if (build.target() != null) {
            options.target(build.target());
        }
        if (build.pull()) {
            options.addOption("pull", "true");
        }
        if (!build.buildArgs().isEmpty()) {
            options.buildArgs(new HashMap<>(build.buildArgs())); // fabric8 needs a mutable map
        }
        if (!build.labels().isEmpty()) {
            // For a Dockerfile of one's own, labels travel as a build option, not as build configuration.
            options.addOption(
                    "labels",
                    JsonFactory.newJsonObject(new HashMap<>(build.labels())).toString());
        }
        FabricLogger.keepBuildOutput();
        try {
            access().buildImage(name, build.contextArchive().toFile(), options);
            for (String tag : build.tags().subList(1, build.tags().size())) {
                tag(name, tag);
            }
            return access().getImageId(name);
        } catch (DockerAccessException e) {
            throw new ImageBuildFailedException(
                    "Building " + name + " failed: " + e.getMessage().trim()
                            + ". The build output above shows the failing step.",
                    FabricLogger.takeBuildOutput(),
                    e);
        } finally {
            FabricLogger.takeBuildOutput();
        }
    }

    boolean hasImage(String image) throws EngineException {
        return calls.call("looking up image " + image, () -> {
            try {
                return http.get(
                        apiUrl + "/images/" + image + "/json",
                        response -> response.getStatusLine().getStatusCode() == HTTP_OK,
                        HTTP_OK,
                        HTTP_NOT_FOUND);
            } catch (IOException e) {
                throw new EngineException("Looking up image " + image + " failed: " + e.getMessage(), e);
            }
        });
    }

    void removeImage(String image) throws EngineException {
        calls.run("removing image " + image, () -> {
            try {
                access().removeImage(image, true);
            } catch (DockerAccessException e) {
                throw new EngineException("Removing image " + image + " failed: " + e.getMessage(), e);
            }
        });
    }

    void tag(String source, String target) throws EngineException {
        calls.run("tagging " + source + " as " + target, () -> {
            ImageRef ref = ImageRef.split(target);
            try {
                http.post(
                        apiUrl + "/images/" + source + "/tag?repo=" + DockerApi.query(ref.name()) + "&tag="
                                + DockerApi.query(ref.tag()),
                        HTTP_CREATED);
            } catch (IOException e) {
                throw new EngineException("Tagging " + source + " as " + target + " failed: " + e.getMessage(), e);
            }
        });
    }

    void push(String reference, RegistryCredentials credentials) throws EngineException {
        try {
            access().pushImage(reference, auth(credentials), null, 0);
        } catch (DockerAccessException e) {
            String detail = Causes.rootMessage(e);
            throw new RegistryException(
                    RegistryException.classify(detail), "Pushing " + reference + " failed: " + detail, e);
        }
    }

    void pull(String reference, RegistryCredentials credentials) throws EngineException {
        ImageRef ref = ImageRef.split(reference);
        try {
            access().pullImage(
                            reference,
                            auth(credentials),
                            null,
                            new CreateImageOptions().fromImage(ref.name()).tag(ref.tag()));
        } catch (DockerAccessException e) {
            String detail = Causes.rootMessage(e);
            throw new RegistryException(
                    RegistryException.classify(detail), "Pulling " + reference + " failed: " + detail, e);
        }
    }

    String repoDigest(String reference) throws EngineException {
        return calls.call("inspecting image " + reference, () -> {
            String name = ImageRef.split(reference).name();
            try {
                JsonNode digests = json.readTree(http.get(apiUrl + "/images/" + reference + "/json", HTTP_OK))
                        .path("RepoDigests");
                for (JsonNode digest : digests) {
                    String text = digest.asText();
                    if (text.startsWith(name + "@")) {
                        return text.substring(name.length() + 1);
                    }
                }
                return null;
            } catch (IOException e) {
                throw new EngineException("Inspecting image " + reference + " failed: " + e.getMessage(), e);
            }
        });
    }

    ImageDetails inspectImage(String image) throws EngineException {
        return calls.call("inspecting image " + image, () -> {
            try {
                JsonNode root = json.readTree(http.get(apiUrl + "/images/" + image + "/json", HTTP_OK));
                JsonNode config = root.path("Config");
                java.util.Map<String, String> labels = new java.util.TreeMap<>();
                config.path("Labels")
                        .fields()
                        .forEachRemaining(label ->
                                labels.put(label.getKey(), label.getValue().asText()));
                List<String> ports = new ArrayList<>();
                config.path("ExposedPorts").fieldNames().forEachRemaining(ports::add);
                return new ImageDetails(
                        root.path("Id").asText(),
                        strings(config.path("Cmd")),
                        strings(config.path("Entrypoint")),
                        strings(config.path("Env")),
                        labels,
                        ports,
                        config.path("User").asText(""),
                        config.path("WorkingDir").asText(""),
                        strings(config.path("Healthcheck").path("Test")));
            } catch (IOException e) {
                throw new EngineException(
                        "Inspecting image " + image + " failed: " + e.getMessage()
                                + ". Check that it exists: docker image ls " + image,
                        e);
            }
        });
    }

    List<String> imagesWithLabel(String key, String value) throws EngineException {
        return calls.call("listing images", () -> {
            try {
                JsonNode list = json.readTree(
                        http.get(apiUrl + "/images/json?filters=" + api.labelFilter(key, value), HTTP_OK));
                List<JsonNode> items = new ArrayList<>();
                list.forEach(items::add);
                items.sort(java.util.Comparator.comparingLong(
                                (JsonNode item) -> item.path("Created").asLong())
                        .reversed());
                return items.stream().map(item -> item.path("Id").asText()).toList();
            } catch (IOException e) {
                throw new EngineException(
                        "Listing images labelled " + key + "=" + value + " failed: " + e.getMessage(), e);
            }
        });
    }

    private static List<String> strings(JsonNode array) {
        List<String> items = new ArrayList<>();
        array.forEach(item -> items.add(item.asText()));
        return List.copyOf(items);
    }

    private static AuthConfig auth(RegistryCredentials credentials) {
        return credentials == null ? null : new AuthConfig(credentials.username(), credentials.password(), null, null);
    }

    /** {@code name:tag} split at the tag's colon (not a registry port's). */
    private record ImageRef(String name, String tag) {
        static ImageRef split(String reference) {
            int colon = reference.lastIndexOf(':');
            return colon > reference.lastIndexOf('/')
                    ? new ImageRef(reference.substring(0, colon), reference.substring(colon + 1))
                    : new ImageRef(reference, "latest");
        }
    }
}
