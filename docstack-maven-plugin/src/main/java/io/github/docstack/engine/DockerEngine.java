package io.github.docstack.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.maven.docker.access.DockerConnectionDetector.ConnectionParameter;
import io.fabric8.maven.docker.access.hc.ApacheHttpClientDelegate;
import io.fabric8.maven.docker.access.hc.DockerAccessWithHcClient;
import io.fabric8.maven.docker.access.hc.http.HttpClientBuilder;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * The {@link Engine} of a Docker daemon. Built on fabric8 docker-maven-plugin's engine client, which does the
 * streaming work (build context upload, build output, pushes, pulls, logs) and creates and starts containers; the
 * rest (the engine version, inspecting, tags, networks, volumes, health checks) goes through its HTTP delegate
 * directly, over the JDK's Unix socket ({@link UnixChannelClientBuilder}), so a goal that streams nothing never
 * makes fabric8's client.
 * Only this package imports fabric8 classes, so the implementation can change without touching the rest. The work
 * is split by concern ({@link DockerImages}, {@link DockerContainers}, {@link DockerNetworks}, {@link DockerVolumes})
 * over one {@link DockerApi}; this class connects and hands each call to its part.
 */
public final class DockerEngine implements Engine {

    private static final int MAX_CONNECTIONS = 20;
    // Unix sockets have no host; fabric8's client expects this placeholder authority.
    private static final String UNIX_BASE_URL = "unix://127.0.0.1:1";

    private final EngineAddress address;
    private final EngineVersion version;
    private final DockerApi api;
    private final DockerImages images;
    private final DockerContainers containers;
    private final DockerNetworks networks;
    private final DockerVolumes volumes;

    private DockerEngine(EngineAddress address, EngineVersion version, DockerApi api) {
        this.address = address;
        this.version = version;
        this.api = api;
        this.images = new DockerImages(api);
        this.containers = new DockerContainers(api);
        this.networks = new DockerNetworks(api);
        this.volumes = new DockerVolumes(api);
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
                http = new ApacheHttpClientDelegate(
                        new UnixChannelClientBuilder(uri.getPath(), MAX_CONNECTIONS, fabricLog), true);
                baseUrl = UNIX_BASE_URL;
            } else {
                String certPath = "https".equalsIgnoreCase(uri.getScheme()) ? connection.getCertPath() : null;
                http = new ApacheHttpClientDelegate(new HttpClientBuilder(certPath, MAX_CONNECTIONS), true);
                baseUrl = stripTrailingSlash(connection.getUrl());
            }
            ApacheHttpClientDelegate versionClient = http;
            return calls.call("answering its version", () -> {
                try {
                    JsonNode info =
                            new ObjectMapper().readTree(versionClient.get(baseUrl + "/version", DockerApi.HTTP_OK));
                    EngineVersion version = new EngineVersion(
                            info.path("Version").asText("unknown"),
                            info.path("ApiVersion").asText(),
                            info.path("Os").asText(),
                            info.path("Arch").asText());
                    DockerApi.AccessFactory access = () -> new DockerAccessWithHcClient(
                            connection.getUrl(), connection.getCertPath(), MAX_CONNECTIONS, fabricLog);
                    return new DockerEngine(
                            address,
                            version,
                            new DockerApi(log, versionClient, baseUrl + "/v" + version.apiVersion(), access, calls));
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

    /** The connection, for the Swarm part ({@link SwarmEngine}), which works through it too. */
    DockerApi api() {
        return api;
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
        return images.build(build);
    }

    @Override
    public boolean hasImage(String image) throws EngineException {
        return images.hasImage(image);
    }

    @Override
    public void removeImage(String image) throws EngineException {
        images.removeImage(image);
    }

    @Override
    public void tag(String source, String target) throws EngineException {
        images.tag(source, target);
    }

    @Override
    public void push(String reference, RegistryCredentials credentials) throws EngineException {
        images.push(reference, credentials);
    }

    @Override
    public void pull(String reference, RegistryCredentials credentials) throws EngineException {
        images.pull(reference, credentials);
    }

    @Override
    public String repoDigest(String reference) throws EngineException {
        return images.repoDigest(reference);
    }

    @Override
    public ImageDetails inspectImage(String image) throws EngineException {
        return images.inspectImage(image);
    }

    @Override
    public boolean canShareNetworkNamespace() {
        return true;
    }

    @Override
    public boolean canStartAhead() {
        return true;
    }

    @Override
    public void signal(String containerId, String signal) throws EngineException {
        containers.signal(containerId, signal);
    }

    @Override
    public void setCpuWeight(String containerId, int weight) throws EngineException {
        containers.setCpuWeight(containerId, weight);
    }

    @Override
    public List<String> imagesWithLabel(String key, String value) throws EngineException {
        return images.imagesWithLabel(key, value);
    }

    @Override
    public String run(ContainerSpec spec) throws EngineException {
        return containers.run(spec);
    }

    @Override
    public String create(ContainerSpec spec) throws EngineException {
        return containers.create(spec);
    }

    @Override
    public String start(String containerId, String image) throws EngineException {
        return containers.start(containerId, image);
    }

    @Override
    public ContainerState inspect(String containerId) throws EngineException {
        return containers.inspect(containerId);
    }

    @Override
    public Duration waitHealthy(String containerId, Duration timeout) throws EngineException {
        return containers.waitHealthy(containerId, timeout);
    }

    @Override
    public List<String> healthcheckCommand(String containerId) throws EngineException {
        return containers.healthcheckCommand(containerId);
    }

    @Override
    public java.util.OptionalInt exec(String containerId, List<String> command, Duration timeout)
            throws EngineException {
        return containers.exec(containerId, command, timeout);
    }

    @Override
    public java.util.OptionalInt exec(String containerId, List<String> command, Duration timeout, String user)
            throws EngineException {
        return containers.exec(containerId, command, timeout, user);
    }

    @Override
    public List<ContainerSummary> containers(String key, String value) throws EngineException {
        return containers.containers(key, value);
    }

    @Override
    public int publishedPort(String containerId, int containerPort) throws EngineException {
        return containers.publishedPort(containerId, containerPort);
    }

    @Override
    public int waitForExit(String containerId, Duration timeout) throws EngineException {
        return containers.waitForExit(containerId, timeout);
    }

    @Override
    public List<String> lastLogLines(String containerId, int count) {
        return containers.lastLogLines(containerId, count);
    }

    @Override
    public void followLogs(String containerId, java.util.function.Consumer<String> lines) throws EngineException {
        containers.followLogs(containerId, lines);
    }

    @Override
    public void stop(String containerId, Duration grace) throws EngineException {
        containers.stop(containerId, grace);
    }

    @Override
    public void restart(String containerId, Duration grace) throws EngineException {
        containers.restart(containerId, grace);
    }

    @Override
    public java.util.Optional<byte[]> readArchive(String containerId, String path) throws EngineException {
        return containers.readArchive(containerId, path);
    }

    @Override
    public void writeArchive(String containerId, String directory, java.nio.file.Path tar) throws EngineException {
        containers.writeArchive(containerId, directory, tar);
    }

    @Override
    public void remove(String containerId) throws EngineException {
        containers.remove(containerId);
    }

    @Override
    public void remove(String containerId, boolean anonymousVolumes) throws EngineException {
        containers.remove(containerId, anonymousVolumes);
    }

    /** As {@link #remove(String)}, where Swarm may be removing the same container: see the loop that waits for it. */
    void removeBesideSwarm(String containerId) throws EngineException {
        containers.removeBesideOthers(containerId);
    }

    @Override
    public void createNetwork(String name, java.util.Map<String, String> labels) throws EngineException {
        networks.createNetwork(name, labels);
    }

    @Override
    public List<String> networks(String key, String value) throws EngineException {
        return networks.networks(key, value);
    }

    @Override
    public void removeNetwork(String name) throws EngineException {
        networks.removeNetwork(name);
    }

    @Override
    public void createVolume(String name, java.util.Map<String, String> labels) throws EngineException {
        volumes.createVolume(name, labels);
    }

    @Override
    public List<VolumeSummary> volumes(String key, String value) throws EngineException {
        return volumes.volumes(key, value);
    }

    @Override
    public void removeVolume(String name) throws EngineException {
        volumes.removeVolume(name);
    }

    @Override
    public void close() {
        try {
            api.shutdownAccess();
        } finally {
            closeQuietly(
                    api.http); // even when fabric8's shutdown throws; closing it also frees a call a hung engine holds
            api.calls.close();
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
