package io.github.docstack.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.maven.docker.access.AuthConfig;
import io.fabric8.maven.docker.access.BuildOptions;
import io.fabric8.maven.docker.access.ContainerCreateConfig;
import io.fabric8.maven.docker.access.ContainerHostConfig;
import io.fabric8.maven.docker.access.ContainerNetworkingConfig;
import io.fabric8.maven.docker.access.CreateImageOptions;
import io.fabric8.maven.docker.access.DockerAccess;
import io.fabric8.maven.docker.access.DockerAccessException;
import io.fabric8.maven.docker.access.DockerConnectionDetector.ConnectionParameter;
import io.fabric8.maven.docker.access.PortMapping;
import io.fabric8.maven.docker.access.VolumeCreateConfig;
import io.fabric8.maven.docker.access.hc.ApacheHttpClientDelegate;
import io.fabric8.maven.docker.access.hc.DockerAccessWithHcClient;
import io.fabric8.maven.docker.access.hc.http.HttpClientBuilder;
import io.fabric8.maven.docker.access.hc.unix.UnixSocketClientBuilder;
import io.fabric8.maven.docker.access.log.LogCallback;
import io.fabric8.maven.docker.config.Arguments;
import io.fabric8.maven.docker.config.HealthCheckConfiguration;
import io.fabric8.maven.docker.config.NetworkConfig;
import io.fabric8.maven.docker.util.JsonFactory;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;

/**
 * The {@link Engine} of a Docker daemon. Built on fabric8 docker-maven-plugin's engine client, which does the
 * streaming work (build context upload, build output, logs); the few reads that client models too thinly (the
 * engine version, a container's health status and last check output) go through its HTTP delegate directly.
 * Only this package imports fabric8 classes, so the implementation can change without touching the rest.
 */
public final class DockerEngine implements Engine {

    private static final int HTTP_OK = 200;
    private static final int HTTP_NO_CONTENT = 204;
    private static final int HTTP_NOT_MODIFIED = 304;
    private static final int HTTP_NOT_FOUND = 404;
    private static final int MAX_CONNECTIONS = 20;
    // Unix sockets have no host; fabric8's client expects this placeholder authority.
    private static final String UNIX_BASE_URL = "unix://127.0.0.1:1";
    // Inspecting costs a few milliseconds; a low ceiling sees a container's change of state soon after it happens.
    private static final Duration POLL_CEILING = Duration.ofMillis(100);
    // How long removeNetwork waits for the engine to release a removed container's endpoint.
    private static final Duration NETWORK_RELEASE = Duration.ofSeconds(15);

    private final ObjectMapper json = new ObjectMapper();
    private final EngineAddress address;
    private final EngineLog log;
    private final ApacheHttpClientDelegate http;
    private final String apiUrl;
    private final EngineVersion version;
    private final DockerAccess access;
    private final CallBound calls;

    private DockerEngine(EngineAddress address, EngineLog log, ApacheHttpClientDelegate http, String baseUrl,
            EngineVersion version, DockerAccess access, CallBound calls) {
        this.calls = calls;
        this.address = address;
        this.log = log;
        this.http = http;
        this.apiUrl = baseUrl + "/v" + version.apiVersion();
        this.version = version;
        this.access = access;
    }

    /** As {@link Engine#connect(EngineAddress, EngineLog, Duration)}. */
    static DockerEngine connect(EngineAddress address, EngineLog log, Duration callBound) throws EngineException {
        FabricLogger fabricLog = new FabricLogger(log);
        CallBound calls = new CallBound(address, callBound);
        ApacheHttpClientDelegate http = null;
        try {
            ConnectionParameter connection = new ConnectionParameter(address.url(), null);
            URI uri = URI.create(connection.getUrl());
            String baseUrl;
            if ("unix".equalsIgnoreCase(uri.getScheme())) {
                http = new ApacheHttpClientDelegate(new UnixSocketClientBuilder(uri.getPath(), MAX_CONNECTIONS, fabricLog), true);
                baseUrl = UNIX_BASE_URL;
            } else {
                String certPath = "https".equalsIgnoreCase(uri.getScheme()) ? connection.getCertPath() : null;
                http = new ApacheHttpClientDelegate(new HttpClientBuilder(certPath, MAX_CONNECTIONS), true);
                baseUrl = stripTrailingSlash(connection.getUrl());
            }
            ApacheHttpClientDelegate versionClient = http;
            return calls.call("answering its version", () -> {
                try {
                    JsonNode info = new ObjectMapper().readTree(versionClient.get(baseUrl + "/version", HTTP_OK));
                    EngineVersion version = new EngineVersion(info.path("Version").asText("unknown"),
                            info.path("ApiVersion").asText(), info.path("Os").asText(), info.path("Arch").asText());
                    DockerAccess access = new DockerAccessWithHcClient(connection.getUrl(), connection.getCertPath(),
                            MAX_CONNECTIONS, fabricLog);
                    return new DockerEngine(address, log, versionClient, baseUrl, version, access, calls);
                } catch (IOException | RuntimeException e) {
                    throw new EngineUnavailableException(address, e);
                }
            });
        } catch (EngineTimeoutException | EngineUnavailableException e) {
            closeQuietly(http);
            calls.close();
            throw e;
        } catch (EngineException | IOException | RuntimeException e) {
            closeQuietly(http);
            calls.close();
            throw new EngineUnavailableException(address, e);
        }
    }

    @Override
    public EngineAddress address() {
        return address;
    }

    @Override
    public EngineVersion version() {
        return version;
    }

    @Override
    public String build(ImageBuild build) throws EngineException {
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
            options.addOption("labels", JsonFactory.newJsonObject(new HashMap<>(build.labels())).toString());
        }
        try {
            access.buildImage(name, build.contextArchive().toFile(), options);
            for (String tag : build.tags().subList(1, build.tags().size())) {
                access.tag(name, tag, true);
            }
            return access.getImageId(name);
        } catch (DockerAccessException e) {
            throw new EngineException("Building " + name + " failed: " + e.getMessage().trim()
                    + ". The build output above shows the failing step.", e);
        }
    }

    @Override
    public boolean hasImage(String image) throws EngineException {
        return calls.call("looking up image " + image, () -> {
            try {
                return access.hasImage(image);
            } catch (DockerAccessException e) {
                throw new EngineException("Looking up image " + image + " failed: " + e.getMessage(), e);
            }
        });
    }

    @Override
    public void removeImage(String image) throws EngineException {
        calls.run("removing image " + image, () -> {
            try {
                access.removeImage(image, true);
            } catch (DockerAccessException e) {
                throw new EngineException("Removing image " + image + " failed: " + e.getMessage(), e);
            }
        });
    }

    @Override
    public void tag(String source, String target) throws EngineException {
        calls.run("tagging " + source + " as " + target, () -> {
            try {
                access.tag(source, target, true);
            } catch (DockerAccessException e) {
                throw new EngineException("Tagging " + source + " as " + target + " failed: " + e.getMessage(), e);
            }
        });
    }

    @Override
    public void push(String reference, RegistryCredentials credentials) throws EngineException {
        try {
            access.pushImage(reference, auth(credentials), null, 0);
        } catch (DockerAccessException e) {
            String detail = Causes.rootMessage(e);
            throw new RegistryException(RegistryException.classify(detail), "Pushing " + reference + " failed: " + detail, e);
        }
    }

    @Override
    public void pull(String reference, RegistryCredentials credentials) throws EngineException {
        ImageRef ref = ImageRef.split(reference);
        try {
            access.pullImage(reference, auth(credentials), null,
                    new CreateImageOptions().fromImage(ref.name()).tag(ref.tag()));
        } catch (DockerAccessException e) {
            String detail = Causes.rootMessage(e);
            throw new RegistryException(RegistryException.classify(detail), "Pulling " + reference + " failed: " + detail, e);
        }
    }

    @Override
    public String repoDigest(String reference) throws EngineException {
        return calls.call("inspecting image " + reference, () -> {
            String name = ImageRef.split(reference).name();
            try {
                JsonNode digests = json.readTree(http.get(apiUrl + "/images/" + reference + "/json", HTTP_OK)).path("RepoDigests");
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

    @Override
    public String run(ContainerSpec spec) throws EngineException {
        return start(create(spec), spec.image());
    }

    @Override
    public String create(ContainerSpec spec) throws EngineException {
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
                spec.ports().forEach((container, published) -> mappings.add("127.0.0.1:" + published + ":" + container));
                PortMapping portMapping = new PortMapping(mappings, new java.util.Properties());
                config.exposedPorts(portMapping.getContainerPorts());
                host.portBindings(portMapping);
            }
            if (!spec.volumes().isEmpty()) {
                List<String> binds = new ArrayList<>();
                spec.volumes().forEach((volume, path) -> binds.add(volume + ":" + path));
                host.binds(binds);
            }
            if (spec.network() != null) {
                host.networkMode(spec.network());
                NetworkConfig network = new NetworkConfig.Builder().name(spec.network()).aliases(new ArrayList<>(spec.aliases())).build();
                config.networkingConfig(new ContainerNetworkingConfig().aliases(network));
            }
            config.hostConfig(host);
            try {
                return access.createContainer(config, spec.name());
            } catch (DockerAccessException e) {
                throw new EngineException("Creating a container of " + spec.image() + " failed: " + e.getMessage(), e);
            }
        });
    }

    @Override
    public String start(String containerId, String image) throws EngineException {
        return calls.call("starting a container of " + image, () -> {
            try {
                access.startContainer(containerId);
                return containerId;
            } catch (DockerAccessException e) {
                removeAfterFailure(containerId);
                throw new EngineException("Starting a container of " + image + " failed: " + e.getMessage(), e);
            }
        });
    }

    @Override
    public ImageDetails inspectImage(String image) throws EngineException {
        return calls.call("inspecting image " + image, () -> {
            try {
                JsonNode root = json.readTree(http.get(apiUrl + "/images/" + image + "/json", HTTP_OK));
                JsonNode config = root.path("Config");
                java.util.Map<String, String> labels = new java.util.TreeMap<>();
                config.path("Labels").fields().forEachRemaining(label -> labels.put(label.getKey(), label.getValue().asText()));
                List<String> ports = new ArrayList<>();
                config.path("ExposedPorts").fieldNames().forEachRemaining(ports::add);
                return new ImageDetails(root.path("Id").asText(), strings(config.path("Cmd")), strings(config.path("Entrypoint")),
                        strings(config.path("Env")), labels, ports, config.path("User").asText(""),
                        config.path("WorkingDir").asText(""), strings(config.path("Healthcheck").path("Test")));
            } catch (IOException e) {
                throw new EngineException("Inspecting image " + image + " failed: " + e.getMessage()
                        + ". Check that it exists: docker image ls " + image, e);
            }
        });
    }

    private static List<String> strings(JsonNode array) {
        List<String> items = new ArrayList<>();
        array.forEach(item -> items.add(item.asText()));
        return List.copyOf(items);
    }

    @Override
    public ContainerState inspect(String containerId) throws EngineException {
        return calls.call("inspecting container " + containerId, () -> {
            try {
                JsonNode state = json.readTree(http.get(apiUrl + "/containers/" + containerId + "/json", HTTP_OK))
                        .path("State");
                JsonNode health = state.path("Health");
                String lastOutput = "";
                JsonNode checks = health.path("Log");
                if (checks.isArray() && !checks.isEmpty()) {
                    lastOutput = checks.get(checks.size() - 1).path("Output").asText("").trim();
                }
                return new ContainerState(state.path("Status").asText(), state.path("ExitCode").asInt(),
                        health.path("Status").asText(ContainerState.NO_HEALTHCHECK), lastOutput,
                        instant(state.path("StartedAt").asText()), instant(state.path("FinishedAt").asText()));
            } catch (IOException e) {
                throw new EngineException("Inspecting container " + containerId + " failed: " + e.getMessage(), e);
            }
        });
    }

    @Override
    public Duration waitHealthy(String containerId, Duration timeout) throws EngineException {
        long start = System.nanoTime();
        ContainerState last = awaitState(containerId, timeout, state -> state.healthy() || state.hopeless());
        if (last.healthy()) {
            return Duration.ofNanos(System.nanoTime() - start);
        }
        String problem;
        if (last.hopeless()) {
            problem = ContainerState.NO_HEALTHCHECK.equals(last.health()) && last.running()
                    ? "has no healthcheck to wait for" : "is " + last;
        } else {
            problem = "was not healthy after " + timeout.toSeconds() + " s (" + last + ")";
        }
        throw notHealthy(containerId, problem, last);
    }

    @Override
    public java.util.OptionalInt exec(String containerId, List<String> command, Duration timeout) throws EngineException {
        return exec(containerId, command, timeout, null);
    }

    @Override
    public java.util.OptionalInt exec(String containerId, List<String> command, Duration timeout, String user) throws EngineException {
        return calls.call("running " + command + " in container " + containerId, timeout, () -> {
            try {
                com.fasterxml.jackson.databind.node.ObjectNode create = json.createObjectNode();
                create.set("Cmd", json.valueToTree(command));
                if (user != null) {
                    create.put("User", user);
                }
                String execId = json.readTree(http.post(apiUrl + "/containers/" + containerId + "/exec", create.toString(),
                        new ApacheHttpClientDelegate.BodyResponseHandler(), 201)).path("Id").asText();
                // Detached, so a check that hangs cannot hold this thread past the timeout.
                http.post(apiUrl + "/exec/" + execId + "/start", "{\"Detach\": true}", new ApacheHttpClientDelegate.BodyResponseHandler(),
                        HTTP_OK);
                long deadline = System.nanoTime() + timeout.toNanos();
                Duration pause = Duration.ofMillis(10);
                while (true) {
                    JsonNode exec = json.readTree(http.get(apiUrl + "/exec/" + execId + "/json", HTTP_OK));
                    if (!exec.path("Running").asBoolean() && !exec.path("ExitCode").isNull()) {
                        return java.util.OptionalInt.of(exec.path("ExitCode").asInt());
                    }
                    if (System.nanoTime() >= deadline) {
                        return java.util.OptionalInt.empty();
                    }
                    pauseFor(pause);
                    pause = nextPause(pause);
                }
            } catch (IOException e) {
                throw new EngineException("Running " + command + " in container " + containerId + " failed: " + e.getMessage(), e);
            }
        });
    }

    @Override
    public List<String> imagesWithLabel(String key, String value) throws EngineException {
        return calls.call("listing images", () -> {
            try {
                JsonNode list = json.readTree(http.get(apiUrl + "/images/json?filters=" + labelFilter(key, value), HTTP_OK));
                List<JsonNode> items = new ArrayList<>();
                list.forEach(items::add);
                items.sort(java.util.Comparator.comparingLong((JsonNode item) -> item.path("Created").asLong()).reversed());
                return items.stream().map(item -> item.path("Id").asText()).toList();
            } catch (IOException e) {
                throw new EngineException("Listing images labelled " + key + "=" + value + " failed: " + e.getMessage(), e);
            }
        });
    }

    @Override
    public List<ContainerSummary> containers(String key, String value) throws EngineException {
        return calls.call("listing containers", () -> {
            try {
                JsonNode list = json.readTree(http.get(apiUrl + "/containers/json?all=1&filters=" + labelFilter(key, value), HTTP_OK));
                List<ContainerSummary> containers = new ArrayList<>();
                for (JsonNode item : list) {
                    java.util.Map<String, String> labels = new java.util.TreeMap<>();
                    item.path("Labels").fields().forEachRemaining(label -> labels.put(label.getKey(), label.getValue().asText()));
                    String name = item.path("Names").path(0).asText("").replaceFirst("^/", "");
                    java.util.Set<String> published = new java.util.TreeSet<>(); // the engine lists a port once per address family
                    for (JsonNode port : item.path("Ports")) {
                        if (port.has("PublicPort")) {
                            published.add(port.path("IP").asText("0.0.0.0") + ":" + port.path("PublicPort").asInt());
                        }
                    }
                    containers.add(new ContainerSummary(item.path("Id").asText(), name, item.path("Image").asText(),
                            item.path("ImageID").asText(), List.copyOf(published), item.path("State").asText(),
                            item.path("Status").asText(), labels));
                }
                return containers;
            } catch (IOException e) {
                throw new EngineException("Listing containers failed: " + e.getMessage(), e);
            }
        });
    }

    @Override
    public void createNetwork(String name, java.util.Map<String, String> labels) throws EngineException {
        calls.run("creating network " + name, () -> {
            try {
                if (!names(apiUrl + "/networks?filters=" + filter("name", name), "Name").contains(name)) {
                    com.fasterxml.jackson.databind.node.ObjectNode body = json.createObjectNode();
                    body.put("Name", name);
                    body.put("CheckDuplicate", true);
                    body.set("Labels", json.valueToTree(labels));
                    http.post(apiUrl + "/networks/create", body.toString(), new ApacheHttpClientDelegate.BodyResponseHandler(), 201);
                }
            } catch (IOException e) {
                throw new EngineException("Creating network " + name + " failed: " + e.getMessage(), e);
            }
        });
    }

    @Override
    public List<String> networks(String key, String value) throws EngineException {
        return calls.call("listing networks", () -> {
            try {
                return names(apiUrl + "/networks?filters=" + labelFilter(key, value), "Name");
            } catch (IOException e) {
                throw new EngineException("Listing networks failed: " + e.getMessage(), e);
            }
        });
    }

    @Override
    public void removeNetwork(String name) throws EngineException {
        calls.run("removing network " + name, NETWORK_RELEASE, () -> {
            try {
                long deadline = System.nanoTime() + NETWORK_RELEASE.toNanos();
                Duration pause = Duration.ofMillis(20);
                while (System.nanoTime() < deadline) {
                    String network = http.get(apiUrl + "/networks/" + name, HTTP_OK, HTTP_NOT_FOUND);
                    JsonNode containers = network == null ? null : json.readTree(network).path("Containers");
                    if (containers == null || containers.isEmpty()) {
                        break;
                    }
                    pauseFor(pause);
                    pause = nextPause(pause);
                }
                http.delete(apiUrl + "/networks/" + name, HTTP_NO_CONTENT, HTTP_NOT_FOUND);
            } catch (IOException e) {
                throw new EngineException("Removing network " + name + " failed: " + e.getMessage()
                        + ". Remove it by hand: docker network rm " + name, e);
            }
        });
    }

    @Override
    public void createVolume(String name, java.util.Map<String, String> labels) throws EngineException {
        calls.run("creating volume " + name, () -> {
            try {
                access.createVolume(new VolumeCreateConfig(name).labels(new java.util.HashMap<>(labels)));
            } catch (DockerAccessException e) {
                throw new EngineException("Creating volume " + name + " failed: " + e.getMessage(), e);
            }
        });
    }

    @Override
    public List<VolumeSummary> volumes(String key, String value) throws EngineException {
        return calls.call("listing volumes", () -> {
            try {
                JsonNode root = json.readTree(http.get(apiUrl + "/volumes?filters=" + labelFilter(key, value), HTTP_OK));
                List<VolumeSummary> volumes = new ArrayList<>();
                root.path("Volumes").forEach(volume -> {
                    java.util.Map<String, String> labels = new java.util.TreeMap<>();
                    volume.path("Labels").fields().forEachRemaining(label -> labels.put(label.getKey(), label.getValue().asText()));
                    volumes.add(new VolumeSummary(volume.path("Name").asText(), labels));
                });
                return volumes;
            } catch (IOException e) {
                throw new EngineException("Listing volumes failed: " + e.getMessage(), e);
            }
        });
    }

    @Override
    public void removeVolume(String name) throws EngineException {
        calls.run("removing volume " + name, () -> {
            try {
                http.delete(apiUrl + "/volumes/" + name, HTTP_NO_CONTENT, HTTP_NOT_FOUND);
            } catch (IOException e) {
                throw new EngineException("Removing volume " + name + " failed: " + e.getMessage()
                        + ". Remove it by hand: docker volume rm " + name, e);
            }
        });
    }

    private List<String> names(String url, String field) throws IOException {
        List<String> names = new ArrayList<>();
        json.readTree(http.get(url, HTTP_OK)).forEach(item -> names.add(item.path(field).asText()));
        return names;
    }

    private String labelFilter(String key, String value) {
        return filter("label", key + "=" + value);
    }

    private String filter(String kind, String value) {
        String filter = json.createObjectNode().set(kind, json.createArrayNode().add(value)).toString();
        return java.net.URLEncoder.encode(filter, java.nio.charset.StandardCharsets.UTF_8);
    }

    @Override
    public int publishedPort(String containerId, int containerPort) throws EngineException {
        return calls.call("inspecting container " + containerId, () -> {
            try {
                JsonNode bindings = json.readTree(http.get(apiUrl + "/containers/" + containerId + "/json", HTTP_OK))
                        .path("NetworkSettings").path("Ports").path(containerPort + "/tcp");
                return bindings.isArray() && !bindings.isEmpty() ? bindings.get(0).path("HostPort").asInt(-1) : -1;
            } catch (IOException e) {
                throw new EngineException("Inspecting container " + containerId + " failed: " + e.getMessage(), e);
            }
        });
    }

    @Override
    public int waitForExit(String containerId, Duration timeout) throws EngineException {
        ContainerState last = awaitState(containerId, timeout, state -> !state.running() && !"created".equals(state.status()));
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
    private ContainerState awaitState(String containerId, Duration timeout,
            java.util.function.Predicate<ContainerState> done) throws EngineException {
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

    @Override
    public List<String> lastLogLines(String containerId, int count) {
        Deque<String> lines = new java.util.concurrent.LinkedBlockingDeque<>();
        try {
            calls.run("reading the log of container " + containerId, () -> readLog(containerId, count, lines));
        } catch (EngineException e) {
            lines.addLast("(logs unavailable: " + e.getMessage() + ")");
        }
        return List.copyOf(lines);
    }

    private void readLog(String containerId, int count, Deque<String> lines) {
        access.getLogSync(containerId, new LogCallback() {
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
            public void open() {
            }

            @Override
            public void close() {
            }
        });
    }

    @Override
    public void followLogs(String containerId, java.util.function.Consumer<String> lines) throws EngineException {
        io.fabric8.maven.docker.access.log.LogGetHandle handle = access.getLogAsync(containerId, new LogCallback() {
            @Override
            public void log(int type, ZonedDateTime timestamp, String text) {
                lines.accept(text.stripTrailing());
            }

            @Override
            public void error(String error) {
                lines.accept("(logs unavailable: " + error + ")");
            }

            @Override
            public void open() {
            }

            @Override
            public void close() {
            }
        });
        try {
            while (inspect(containerId).running()) {
                pauseFor(POLL_CEILING.multipliedBy(4));
            }
        } finally {
            handle.finish();
        }
    }

    @Override
    public void stop(String containerId, Duration grace) throws EngineException {
        calls.run("stopping container " + containerId, grace, () -> {
            try {
                http.post(apiUrl + "/containers/" + containerId + "/stop?t=" + grace.toSeconds(), HTTP_NO_CONTENT, HTTP_NOT_MODIFIED,
                        HTTP_NOT_FOUND);
            } catch (IOException e) {
                throw new EngineException("Stopping container " + containerId + " failed: " + e.getMessage()
                        + ". Stop it by hand: docker stop " + containerId, e);
            }
        });
    }

    @Override
    public void restart(String containerId, Duration grace) throws EngineException {
        calls.run("restarting container " + containerId, grace, () -> {
            try {
                http.post(apiUrl + "/containers/" + containerId + "/restart?t=" + grace.toSeconds(), HTTP_NO_CONTENT);
            } catch (IOException e) {
                throw new EngineException("Restarting container " + containerId + " failed: " + e.getMessage()
                        + ". Restart it by hand: docker restart " + containerId, e);
            }
        });
    }

    @Override
    public java.util.Optional<byte[]> readArchive(String containerId, String path) throws EngineException {
        return calls.call("reading " + path + " in container " + containerId, () -> {
            try {
                return http.get(apiUrl + "/containers/" + containerId + "/archive?path=" + query(path),
                        response -> response.getStatusLine().getStatusCode() == HTTP_NOT_FOUND ? java.util.Optional.<byte[]>empty()
                                : java.util.Optional.of(org.apache.http.util.EntityUtils.toByteArray(response.getEntity())),
                        HTTP_OK, HTTP_NOT_FOUND);
            } catch (IOException e) {
                throw new EngineException("Reading " + path + " in container " + containerId + " failed: " + e.getMessage(), e);
            }
        });
    }

    @Override
    public void writeArchive(String containerId, String directory, java.nio.file.Path tar) throws EngineException {
        calls.run("copying files into container " + containerId, () -> {
            try {
                http.put(apiUrl + "/containers/" + containerId + "/archive?path=" + query(directory), tar.toFile(), HTTP_OK);
            } catch (IOException e) {
                throw new EngineException("Copying files into container " + containerId + " failed: " + e.getMessage(), e);
            }
        });
    }

    private static String query(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    @Override
    public void remove(String containerId) throws EngineException {
        remove(containerId, true);
    }

    @Override
    public void remove(String containerId, boolean anonymousVolumes) throws EngineException {
        calls.run("removing container " + containerId, () -> {
            try {
                http.delete(apiUrl + "/containers/" + containerId + "?force=true&v=" + anonymousVolumes, HTTP_NO_CONTENT,
                        HTTP_NOT_FOUND);
            } catch (IOException e) {
                throw new EngineException("Removing container " + containerId + " failed: " + e.getMessage()
                        + ". Remove it by hand: docker rm -f " + containerId, e);
            }
        });
    }

    @Override
    public void close() {
        try {
            access.shutdown();
        } finally {
            closeQuietly(http); // even when fabric8's shutdown throws; closing it also frees a call a hung engine holds
            calls.close();
        }
    }

    /** The engine writes the zero time (0001-01-01...) for "never". */
    private static java.time.Instant instant(String text) {
        if (text == null || text.isEmpty() || text.startsWith("0001-")) {
            return null;
        }
        return java.time.OffsetDateTime.parse(text).toInstant();
    }

    private static AuthConfig auth(RegistryCredentials credentials) {
        return credentials == null ? null : new AuthConfig(credentials.username(), credentials.password(), null, null);
    }

    /** {@code name:tag} split at the tag's colon (not a registry port's). */
    private record ImageRef(String name, String tag) {
        static ImageRef split(String reference) {
            int colon = reference.lastIndexOf(':');
            return colon > reference.lastIndexOf('/') ? new ImageRef(reference.substring(0, colon), reference.substring(colon + 1))
                    : new ImageRef(reference, "latest");
        }
    }

    private ContainerNotHealthyException notHealthy(String containerId, String problem, ContainerState state) {
        List<String> logLines = lastLogLines(containerId, 40);
        StringBuilder message = new StringBuilder("Container ").append(containerId, 0, Math.min(12, containerId.length()))
                .append(' ').append(problem).append('.');
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
            log.warn(e.getMessage());
        }
    }

    private static HealthCheckConfiguration toFabric(Healthcheck check) {
        // The engine wants the check's form first; fabric8 passes the list through as it is.
        List<String> test = new ArrayList<>();
        test.add("CMD");
        test.addAll(check.command());
        return new HealthCheckConfiguration.Builder()
                .cmd(new Arguments(test))
                .interval(goDuration(check.interval()))
                .timeout(goDuration(check.timeout()))
                .startPeriod(goDuration(check.startPeriod()))
                .retries(check.retries())
                .build();
    }

    private static String goDuration(Duration duration) {
        return duration.toMillis() + "ms";
    }

    /** The next pause of a poll: twice the last, up to {@code POLL_CEILING}. */
    private static Duration nextPause(Duration pause) {
        Duration doubled = pause.multipliedBy(2);
        return doubled.compareTo(POLL_CEILING) > 0 ? POLL_CEILING : doubled;
    }

    private static void pauseFor(Duration pause) throws EngineException {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineException("Interrupted while waiting for a container to become healthy", e);
        }
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static void closeQuietly(ApacheHttpClientDelegate http) {
        if (http != null) {
            try {
                http.close();
            } catch (IOException ignored) {
                // closing a client that failed to connect: nothing more to do
            }
        }
    }
}
