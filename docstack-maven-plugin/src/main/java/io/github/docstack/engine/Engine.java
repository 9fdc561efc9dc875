package io.github.docstack.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.maven.docker.access.BuildOptions;
import io.fabric8.maven.docker.access.ContainerCreateConfig;
import io.fabric8.maven.docker.access.DockerAccess;
import io.fabric8.maven.docker.access.DockerAccessException;
import io.fabric8.maven.docker.access.DockerConnectionDetector.ConnectionParameter;
import io.fabric8.maven.docker.access.hc.ApacheHttpClientDelegate;
import io.fabric8.maven.docker.access.hc.DockerAccessWithHcClient;
import io.fabric8.maven.docker.access.hc.http.HttpClientBuilder;
import io.fabric8.maven.docker.access.hc.unix.UnixSocketClientBuilder;
import io.fabric8.maven.docker.access.log.LogCallback;
import io.fabric8.maven.docker.config.Arguments;
import io.fabric8.maven.docker.config.HealthCheckConfiguration;
import io.fabric8.maven.docker.util.JsonFactory;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;

/**
 * The one way docstack talks to Docker. Built on fabric8 docker-maven-plugin's engine client, which does the
 * streaming work (build context upload, build output, logs); the few reads that client models too thinly (the
 * engine version, a container's health status and last check output) go through its HTTP delegate directly.
 * Only this package imports fabric8 classes, so the implementation can change without touching the rest.
 */
public final class Engine implements AutoCloseable {

    private static final int HTTP_OK = 200;
    private static final int HTTP_NO_CONTENT = 204;
    private static final int HTTP_NOT_FOUND = 404;
    private static final int MAX_CONNECTIONS = 20;
    // Unix sockets have no host; fabric8's client expects this placeholder authority.
    private static final String UNIX_BASE_URL = "unix://127.0.0.1:1";
    private static final Duration POLL_CEILING = Duration.ofMillis(250);

    private final ObjectMapper json = new ObjectMapper();
    private final EngineAddress address;
    private final EngineLog log;
    private final ApacheHttpClientDelegate http;
    private final String apiUrl;
    private final EngineVersion version;
    private final DockerAccess access;

    private Engine(EngineAddress address, EngineLog log, ApacheHttpClientDelegate http, String baseUrl,
            EngineVersion version, DockerAccess access) {
        this.address = address;
        this.log = log;
        this.http = http;
        this.apiUrl = baseUrl + "/v" + version.apiVersion();
        this.version = version;
        this.access = access;
    }

    /**
     * Connects to the engine at {@code address} and asks for its version.
     *
     * @throws EngineUnavailableException when nothing answers there, naming the address and how to start one
     */
    public static Engine connect(EngineAddress address, EngineLog log) throws EngineUnavailableException {
        FabricLogger fabricLog = new FabricLogger(log);
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
            JsonNode info = new ObjectMapper().readTree(http.get(baseUrl + "/version", HTTP_OK));
            EngineVersion version = new EngineVersion(info.path("Version").asText("unknown"),
                    info.path("ApiVersion").asText(), info.path("Os").asText(), info.path("Arch").asText());
            DockerAccess access = new DockerAccessWithHcClient(connection.getUrl(), connection.getCertPath(),
                    MAX_CONNECTIONS, fabricLog);
            return new Engine(address, log, http, baseUrl, version, access);
        } catch (IOException | RuntimeException e) {
            closeQuietly(http);
            throw new EngineUnavailableException(address, e);
        }
    }

    public EngineAddress address() {
        return address;
    }

    public EngineVersion version() {
        return version;
    }

    /**
     * Builds an image from a context archive and applies every tag of the build.
     *
     * @return the image id
     */
    public String build(ImageBuild build) throws EngineException {
        String name = build.tags().get(0);
        BuildOptions options = new BuildOptions()
                .dockerfile(build.dockerfile())
                .forceRemove(true)
                .noCache(build.noCache());
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

    public boolean hasImage(String image) throws EngineException {
        try {
            return access.hasImage(image);
        } catch (DockerAccessException e) {
            throw new EngineException("Looking up image " + image + " failed: " + e.getMessage(), e);
        }
    }

    public void removeImage(String image) throws EngineException {
        try {
            access.removeImage(image, true);
        } catch (DockerAccessException e) {
            throw new EngineException("Removing image " + image + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * Creates and starts a container. A container that was created but could not start is removed again, so
     * a failure leaves nothing behind.
     *
     * @return the container id
     */
    public String run(ContainerSpec spec) throws EngineException {
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
        String id;
        try {
            id = access.createContainer(config, spec.name());
        } catch (DockerAccessException e) {
            throw new EngineException("Creating a container of " + spec.image() + " failed: " + e.getMessage(), e);
        }
        try {
            access.startContainer(id);
            return id;
        } catch (DockerAccessException e) {
            removeAfterFailure(id);
            throw new EngineException("Starting a container of " + spec.image() + " failed: " + e.getMessage(), e);
        }
    }

    /** The image's configuration: command, entrypoint, environment, labels, ports, user, healthcheck. */
    public ImageDetails inspectImage(String image) throws EngineException {
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
    }

    private static List<String> strings(JsonNode array) {
        List<String> items = new ArrayList<>();
        array.forEach(item -> items.add(item.asText()));
        return List.copyOf(items);
    }

    /** The container's state, health and latest healthcheck output. */
    public ContainerState inspect(String containerId) throws EngineException {
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
                    health.path("Status").asText(ContainerState.NO_HEALTHCHECK), lastOutput);
        } catch (IOException e) {
            throw new EngineException("Inspecting container " + containerId + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * Waits until the container's own healthcheck says healthy.
     *
     * @return how long it took
     * @throws ContainerNotHealthyException when it exits, is judged unhealthy, has no healthcheck, or
     *         {@code timeout} passes; with its last log lines
     */
    public Duration waitHealthy(String containerId, Duration timeout) throws EngineException {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        Duration pause = Duration.ofMillis(20);
        while (true) {
            ContainerState state = inspect(containerId);
            if (state.healthy()) {
                return Duration.ofNanos(System.nanoTime() - start);
            }
            String problem = null;
            if (state.hopeless()) {
                problem = ContainerState.NO_HEALTHCHECK.equals(state.health()) && state.running()
                        ? "has no healthcheck to wait for"
                        : "is " + state;
            } else if (System.nanoTime() >= deadline) {
                problem = "was not healthy after " + timeout.toSeconds() + " s (" + state + ")";
            }
            if (problem != null) {
                throw notHealthy(containerId, problem, state);
            }
            pauseFor(pause);
            pause = pause.multipliedBy(2).compareTo(POLL_CEILING) > 0 ? POLL_CEILING : pause.multipliedBy(2);
        }
    }

    /** The container's last {@code count} log lines, stdout and stderr together. */
    public List<String> lastLogLines(String containerId, int count) {
        Deque<String> lines = new ArrayDeque<>();
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
        return List.copyOf(lines);
    }

    /** Stops (at once) and removes a container; a container that is already gone is fine. */
    public void remove(String containerId) throws EngineException {
        try {
            http.delete(apiUrl + "/containers/" + containerId + "?force=true", HTTP_NO_CONTENT, HTTP_NOT_FOUND);
        } catch (IOException e) {
            throw new EngineException("Removing container " + containerId + " failed: " + e.getMessage()
                    + ". Remove it by hand: docker rm -f " + containerId, e);
        }
    }

    @Override
    public void close() {
        access.shutdown();
        closeQuietly(http);
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
