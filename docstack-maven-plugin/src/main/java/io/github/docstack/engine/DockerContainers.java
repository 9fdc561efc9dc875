package io.github.docstack.engine;

import static io.github.docstack.engine.DockerApi.HTTP_CONFLICT;
import static io.github.docstack.engine.DockerApi.HTTP_NOT_FOUND;
import static io.github.docstack.engine.DockerApi.HTTP_NOT_MODIFIED;
import static io.github.docstack.engine.DockerApi.HTTP_NO_CONTENT;
import static io.github.docstack.engine.DockerApi.HTTP_OK;
import static io.github.docstack.engine.DockerApi.POLL_CEILING;
import static io.github.docstack.engine.DockerApi.instant;
import static io.github.docstack.engine.DockerApi.nextPause;
import static io.github.docstack.engine.DockerApi.pauseFor;
import static io.github.docstack.engine.DockerApi.query;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.maven.docker.access.ContainerCreateConfig;
import io.fabric8.maven.docker.access.ContainerHostConfig;
import io.fabric8.maven.docker.access.ContainerNetworkingConfig;
import io.fabric8.maven.docker.access.DockerAccessException;
import io.fabric8.maven.docker.access.PortMapping;
import io.fabric8.maven.docker.access.hc.ApacheHttpClientDelegate;
import io.fabric8.maven.docker.access.log.LogCallback;
import io.fabric8.maven.docker.config.Arguments;
import io.fabric8.maven.docker.config.HealthCheckConfiguration;
import io.fabric8.maven.docker.config.NetworkConfig;
import java.io.IOException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;

/** The containers part of {@link DockerEngine}: create, start, inspect, exec, logs, files, stop, remove. */
final class DockerContainers extends DockerPart {

    DockerContainers(DockerApi api) {
        super(api);
    }

    String run(ContainerSpec spec) throws EngineException {
        return start(create(spec), spec.image());
    }

    String create(ContainerSpec spec) throws EngineException {
        return calls.call("creating a container of " + spec.image(), () -> {
            ContainerCreateConfig config = new ContainerCreateConfig(spec.image());
            if (!spec.command().isEmpty()) {
                config.command(new Arguments(new ArrayList<>(spec.command())));
            }
            if (!spec.environment().isEmpty()) {
                config.environment(null, new HashMap<>(spec.environment()), new HashMap<>());
            }
            if (!spec.labels().isEmpty()) {
                config.labels(new HashMap<>(spec.labels()));
            }
            if (spec.healthcheck() != null) {
                config.healthcheck(toFabric(spec.healthcheck()));
            }
            if (!spec.entrypoint().isEmpty()) {
                config.entrypoint(new Arguments(new ArrayList<>(spec.entrypoint())));
            }
            if (spec.user() != null) {
                config.user(spec.user());
            }
            if (spec.workingDir() != null) {
                config.workingDir(spec.workingDir());
            }
            ContainerHostConfig host = new ContainerHostConfig();
            if (!spec.capAdd().isEmpty()) {
                host.capAdd(new ArrayList<>(spec.capAdd()));
            }
            if (!spec.ports().isEmpty()) {
                List<String> mappings = new ArrayList<>();
                spec.ports()
                        .forEach((container, published) ->
                                mappings.add(Engine.LOOPBACK + ":" + published + ":" + container));
                PortMapping portMapping = new PortMapping(mappings, new java.util.Properties());
                config.exposedPorts(portMapping.getContainerPorts());
                host.portBindings(portMapping);
            }
            if (!spec.volumes().isEmpty()) {
                List<String> binds = new ArrayList<>();
                spec.volumes().forEach((volume, path) -> binds.add(volume + ":" + path));
                host.binds(binds);
            }
            if (spec.sharesNetworkNamespace()) {
                host.networkMode(spec.network()); // no endpoint of its own: no aliases
            } else if (spec.network() != null) {
                host.networkMode(spec.network());
                NetworkConfig network = new NetworkConfig.Builder()
                        .name(spec.network())
                        .aliases(new ArrayList<>(spec.aliases()))
                        .build();
                config.networkingConfig(new ContainerNetworkingConfig().aliases(network));
            }
            config.hostConfig(host);
            try {
                return access().createContainer(config, spec.name());
            } catch (DockerAccessException e) {
                throw new EngineException("Creating a container of " + spec.image() + " failed: " + e.getMessage(), e);
            }
        });
    }

    String start(String containerId, String image) throws EngineException {
        return calls.call("starting a container of " + image, () -> {
            try {
                access().startContainer(containerId);
                return containerId;
            } catch (DockerAccessException e) {
                removeAfterFailure(containerId);
                throw new EngineException("Starting a container of " + image + " failed: " + e.getMessage(), e);
            }
        });
    }

    List<String> healthcheckCommand(String containerId) throws EngineException {
        return calls.call("inspecting container " + containerId, () -> {
            try {
                JsonNode test = json.readTree(http.get(apiUrl + "/containers/" + containerId + "/json", HTTP_OK))
                        .path("Config")
                        .path("Healthcheck")
                        .path("Test");
                List<String> words = new ArrayList<>();
                test.forEach(word -> words.add(word.asText()));
                return Healthcheck.execForm(words);
            } catch (IOException e) {
                throw new EngineException("Inspecting container " + containerId + " failed: " + e.getMessage(), e);
            }
        });
    }

    ContainerState inspect(String containerId) throws EngineException {
        return calls.call("inspecting container " + containerId, () -> {
            try {
                JsonNode state = json.readTree(http.get(apiUrl + "/containers/" + containerId + "/json", HTTP_OK))
                        .path("State");
                JsonNode health = state.path("Health");
                String lastOutput = "";
                JsonNode checks = health.path("Log");
                if (checks.isArray() && !checks.isEmpty()) {
                    lastOutput = checks.get(checks.size() - 1)
                            .path("Output")
                            .asText("")
                            .trim();
                }
                return new ContainerState(
                        state.path("Status").asText(),
                        state.path("ExitCode").asInt(),
                        health.path("Status").asText(ContainerState.NO_HEALTHCHECK),
                        lastOutput,
                        instant(state.path("StartedAt").asText()),
                        instant(state.path("FinishedAt").asText()));
            } catch (IOException e) {
                throw new EngineException("Inspecting container " + containerId + " failed: " + e.getMessage(), e);
            }
        });
    }

    Duration waitHealthy(String containerId, Duration timeout) throws EngineException {
        long start = System.nanoTime();
        ContainerState last = awaitState(containerId, timeout, state -> state.healthy() || state.hopeless());
        if (last.healthy()) {
            return Duration.ofNanos(System.nanoTime() - start);
        }
        String problem;
        if (last.hopeless()) {
            problem = ContainerState.NO_HEALTHCHECK.equals(last.health()) && last.running()
                    ? "has no healthcheck to wait for"
                    : "is " + last;
        } else {
            problem = "was not healthy after " + timeout.toSeconds() + " s (" + last + ")";
        }
        throw notHealthy(containerId, problem, last);
    }

    java.util.OptionalInt exec(String containerId, List<String> command, Duration timeout) throws EngineException {
        return exec(containerId, command, timeout, null);
    }

    java.util.OptionalInt exec(String containerId, List<String> command, Duration timeout, String user)
            throws EngineException {
        return calls.call("running " + command + " in container " + containerId, timeout, () -> {
            try {
                com.fasterxml.jackson.databind.node.ObjectNode create = json.createObjectNode();
                create.set("Cmd", json.valueToTree(command));
                if (user != null) {
                    create.put("User", user);
                }
                String execId = json.readTree(http.post(
                                apiUrl + "/containers/" + containerId + "/exec",
                                create.toString(),
                                new ApacheHttpClientDelegate.BodyResponseHandler(),
                                201))
                        .path("Id")
                        .asText();
                // Detached, so a check that hangs cannot hold this thread past the timeout.
                http.post(
                        apiUrl + "/exec/" + execId + "/start",
                        "{\"Detach\": true}",
                        new ApacheHttpClientDelegate.BodyResponseHandler(),
                        HTTP_OK);
                long deadline = System.nanoTime() + timeout.toNanos();
                Duration pause = Duration.ofMillis(10);
                while (true) {
                    JsonNode exec = json.readTree(http.get(apiUrl + "/exec/" + execId + "/json", HTTP_OK));
                    if (!exec.path("Running").asBoolean()
                            && !exec.path("ExitCode").isNull()) {
                        return java.util.OptionalInt.of(exec.path("ExitCode").asInt());
                    }
                    if (System.nanoTime() >= deadline) {
                        return java.util.OptionalInt.empty();
                    }
                    pauseFor(pause);
                    pause = nextPause(pause);
                }
            } catch (IOException e) {
                throw new EngineException(
                        "Running " + command + " in container " + containerId + " failed: " + e.getMessage(), e);
            }
        });
    }

    List<ContainerSummary> containers(String key, String value) throws EngineException {
        return calls.call("listing containers", () -> {
            try {
                JsonNode list = json.readTree(
                        http.get(apiUrl + "/containers/json?all=1&filters=" + api.labelFilter(key, value), HTTP_OK));
                List<ContainerSummary> containers = new ArrayList<>();
                for (JsonNode item : list) {
                    java.util.Map<String, String> labels = new java.util.TreeMap<>();
                    item.path("Labels")
                            .fields()
                            .forEachRemaining(label ->
                                    labels.put(label.getKey(), label.getValue().asText()));
                    String name = item.path("Names").path(0).asText("").replaceFirst("^/", "");
                    java.util.Set<String> published =
                            new java.util.TreeSet<>(); // the engine lists a port once per address family
                    for (JsonNode port : item.path("Ports")) {
                        if (port.has("PublicPort")) {
                            published.add(port.path("IP").asText("0.0.0.0") + ":"
                                    + port.path("PublicPort").asInt());
                        }
                    }
                    containers.add(new ContainerSummary(
                            item.path("Id").asText(),
                            name,
                            item.path("Image").asText(),
                            item.path("ImageID").asText(),
                            List.copyOf(published),
                            item.path("State").asText(),
                            item.path("Status").asText(),
                            labels));
                }
                return containers;
            } catch (IOException e) {
                throw new EngineException("Listing containers failed: " + e.getMessage(), e);
            }
        });
    }

    int publishedPort(String containerId, int containerPort) throws EngineException {
        return calls.call("inspecting container " + containerId, () -> {
            try {
                JsonNode bindings = json.readTree(http.get(apiUrl + "/containers/" + containerId + "/json", HTTP_OK))
                        .path("NetworkSettings")
                        .path("Ports")
                        .path(containerPort + "/tcp");
                return bindings.isArray() && !bindings.isEmpty()
                        ? bindings.get(0).path("HostPort").asInt(-1)
                        : -1;
            } catch (IOException e) {
                throw new EngineException("Inspecting container " + containerId + " failed: " + e.getMessage(), e);
            }
        });
    }

    int waitForExit(String containerId, Duration timeout) throws EngineException {
        ContainerState last =
                awaitState(containerId, timeout, state -> !state.running() && !"created".equals(state.status()));
        if (last.running() || "created".equals(last.status())) {
            String shortId = containerId.substring(0, Math.min(12, containerId.length()));
            throw new EngineException("Container " + shortId + " still runs after " + timeout.toSeconds()
                    + " s. See what it does with: docker logs " + shortId);
        }
        return last.exitCode();
    }

    /**
     * Inspects the container until {@code done} holds or {@code timeout} passes, pausing 20 ms at first and
     * doubling up to 250 ms, so quick containers are seen quickly without a busy loop.
     *
     * @return the last state seen
     */
    private ContainerState awaitState(
            String containerId, Duration timeout, java.util.function.Predicate<ContainerState> done)
            throws EngineException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Duration pause = Duration.ofMillis(20);
        while (true) {
            ContainerState state = inspect(containerId);
            if (done.test(state) || System.nanoTime() >= deadline) {
                return state;
            }
            pauseFor(pause);
            pause = nextPause(pause);
        }
    }

    List<String> lastLogLines(String containerId, int count) {
        Deque<String> lines = new java.util.concurrent.LinkedBlockingDeque<>();
        try {
            calls.run("reading the log of container " + containerId, () -> readLog(containerId, count, lines));
        } catch (EngineException e) {
            lines.addLast("(logs unavailable: " + e.getMessage() + ")");
        }
        return List.copyOf(lines);
    }

    private void readLog(String containerId, int count, Deque<String> lines) throws EngineException {
        access().getLogSync(containerId, new LogCallback() {
            @Override
            public void log(int type, ZonedDateTime timestamp, String text) {
                lines.addLast(text.stripTrailing());
                if (lines.size() > count) {
                    lines.removeFirst();
                }
            }

            @Override
            public void error(String error) {
                lines.addLast("(logs unavailable: " + error + ")");
            }

            @Override
            public void open() {}

            @Override
            public void close() {}
        });
    }

    void followLogs(String containerId, java.util.function.Consumer<String> lines) throws EngineException {
        io.fabric8.maven.docker.access.log.LogGetHandle handle = access().getLogAsync(containerId, new LogCallback() {
            @Override
            public void log(int type, ZonedDateTime timestamp, String text) {
                lines.accept(text.stripTrailing());
            }

            @Override
            public void error(String error) {
                lines.accept("(logs unavailable: " + error + ")");
            }

            @Override
            public void open() {}

            @Override
            public void close() {}
        });
        try {
            while (inspect(containerId).running()) {
                pauseFor(POLL_CEILING.multipliedBy(4));
            }
        } finally {
            handle.finish();
        }
    }

    void stop(String containerId, Duration grace) throws EngineException {
        calls.run("stopping container " + containerId, grace, () -> {
            try {
                http.post(
                        apiUrl + "/containers/" + containerId + "/stop?t=" + grace.toSeconds(),
                        HTTP_NO_CONTENT,
                        HTTP_NOT_MODIFIED,
                        HTTP_NOT_FOUND);
            } catch (IOException e) {
                throw new EngineException(
                        "Stopping container " + containerId + " failed: " + e.getMessage()
                                + ". Stop it by hand: docker stop " + containerId,
                        e);
            }
        });
    }

    void signal(String containerId, String signal) throws EngineException {
        calls.run("signalling container " + containerId, () -> {
            try {
                http.post(
                        apiUrl + "/containers/" + containerId + "/kill?signal=" + signal,
                        HTTP_NO_CONTENT,
                        HTTP_CONFLICT, // not running
                        HTTP_NOT_FOUND);
            } catch (IOException e) {
                throw new EngineException(
                        "Signalling container " + containerId + " failed: " + e.getMessage()
                                + ". Signal it by hand: docker kill -s " + signal + " " + containerId,
                        e);
            }
        });
    }

    void setCpuWeight(String containerId, int weight) throws EngineException {
        calls.run("updating container " + containerId, () -> {
            try {
                http.post(
                        apiUrl + "/containers/" + containerId + "/update",
                        "{\"CpuShares\": " + weight + "}",
                        new ApacheHttpClientDelegate.BodyResponseHandler(),
                        HTTP_OK,
                        HTTP_NOT_FOUND);
            } catch (IOException e) {
                throw new EngineException(
                        "Setting the CPU weight of container " + containerId + " failed: " + e.getMessage()
                                + ". Set it by hand: docker update --cpu-shares " + weight + " " + containerId,
                        e);
            }
        });
    }

    void restart(String containerId, Duration grace) throws EngineException {
        calls.run("restarting container " + containerId, grace, () -> {
            try {
                http.post(apiUrl + "/containers/" + containerId + "/restart?t=" + grace.toSeconds(), HTTP_NO_CONTENT);
            } catch (IOException e) {
                throw new EngineException(
                        "Restarting container " + containerId + " failed: " + e.getMessage()
                                + ". Restart it by hand: docker restart " + containerId,
                        e);
            }
        });
    }

    java.util.Optional<byte[]> readArchive(String containerId, String path) throws EngineException {
        return calls.call("reading " + path + " in container " + containerId, () -> {
            try {
                return http.get(
                        apiUrl + "/containers/" + containerId + "/archive?path=" + query(path),
                        response -> response.getStatusLine().getStatusCode() == HTTP_NOT_FOUND
                                ? java.util.Optional.<byte[]>empty()
                                : java.util.Optional.of(
                                        org.apache.http.util.EntityUtils.toByteArray(response.getEntity())),
                        HTTP_OK,
                        HTTP_NOT_FOUND);
            } catch (IOException e) {
                throw new EngineException(
                        "Reading " + path + " in container " + containerId + " failed: " + e.getMessage(), e);
            }
        });
    }

    void writeArchive(String containerId, String directory, java.nio.file.Path tar) throws EngineException {
        calls.run("copying files into container " + containerId, () -> {
            try {
                http.put(
                        apiUrl + "/containers/" + containerId + "/archive?path=" + query(directory),
                        tar.toFile(),
                        HTTP_OK);
            } catch (IOException e) {
                throw new EngineException(
                        "Copying files into container " + containerId + " failed: " + e.getMessage(), e);
            }
        });
    }

    void remove(String containerId) throws EngineException {
        remove(containerId, true);
    }

    void remove(String containerId, boolean anonymousVolumes) throws EngineException {
        calls.run("removing container " + containerId, () -> {
            try {
                http.delete(
                        apiUrl + "/containers/" + containerId + "?force=true&v=" + anonymousVolumes,
                        HTTP_NO_CONTENT,
                        HTTP_NOT_FOUND);
            } catch (IOException e) {
                throw new EngineException(
                        "Removing container " + containerId + " failed: " + e.getMessage()
                                + ". Remove it by hand: docker rm -f " + containerId,
                        e);
            }
        });
    }

    /**
     * Removes a container that someone else (Swarm's task reaper) may be removing at the same moment: the engine's
     * conflict, "removal already in progress", counts as removed, and the caller waits until it is gone.
     */
    void removeBesideOthers(String containerId) throws EngineException {
        calls.run("removing container " + containerId, () -> {
            try {
                http.delete(
                        apiUrl + "/containers/" + containerId + "?force=true&v=true",
                        HTTP_NO_CONTENT,
                        HTTP_NOT_FOUND,
                        HTTP_CONFLICT); // with force, only a removal already under way conflicts
            } catch (IOException e) {
                throw new EngineException(
                        "Removing container " + containerId + " failed: " + e.getMessage()
                                + ". Remove it by hand: docker rm -f " + containerId,
                        e);
            }
        });
    }

    private ContainerNotHealthyException notHealthy(String containerId, String problem, ContainerState state) {
        List<String> logLines = lastLogLines(containerId, 40);
        StringBuilder message = new StringBuilder("Container ")
                .append(containerId, 0, Math.min(12, containerId.length()))
                .append(' ')
                .append(problem)
                .append('.');
        if (!state.lastCheckOutput().isEmpty()) {
            message.append(" Last healthcheck output: ").append(state.lastCheckOutput());
        }
        message.append(" See more with: docker logs ").append(containerId, 0, Math.min(12, containerId.length()));
        return new ContainerNotHealthyException(message.toString(), state, logLines);
    }

    private void removeAfterFailure(String containerId) {
        try {
            remove(containerId);
        } catch (EngineException e) {
            api.log.warn(e.getMessage());
        }
    }

    private static HealthCheckConfiguration toFabric(Healthcheck check) {
        // The engine wants the check's form first; fabric8 passes the list through as it is.
        List<String> test = new ArrayList<>();
        test.add("CMD");
        test.addAll(check.command());
        return new HealthCheckConfiguration.Builder()
                .cmd(new Arguments(test))
                .interval(Healthcheck.goDuration(check.interval()))
                .timeout(Healthcheck.goDuration(check.timeout()))
                .startPeriod(Healthcheck.goDuration(check.startPeriod()))
                .retries(check.retries())
                .build();
    }
}
