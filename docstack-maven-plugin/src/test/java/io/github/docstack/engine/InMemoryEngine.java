package io.github.docstack.engine;

import io.github.docstack.stack.Deployment;
import io.github.docstack.stack.StackLabels;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * An engine in memory, for unit tests of the orchestration: containers, networks and volumes as maps, a journal of
 * what was asked of it, and a script per unit (by the container's {@link StackLabels#UNIT} label) for what
 * its containers do: how many readiness checks fail before one passes, and a one-shot's exit code. By default a
 * service's first check passes and a one-shot exits 0. Images are not its business: builds, pushes and pulls fail.
 * Thread-safe, as up runs units in parallel.
 */
public final class InMemoryEngine implements Engine {

    private volatile boolean closed;

    private final Map<String, Container> containers = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> networks = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> volumes = new LinkedHashMap<>();
    private final Map<String, Integer> failingChecks = new HashMap<>();
    private final Map<String, Integer> exitCodes = new HashMap<>();
    private final Set<String> failingCreates = new HashSet<>();
    private final Set<String> failingFirstStarts = new HashSet<>();
    private final Set<String> engineRunsChecks = new HashSet<>();
    private final Map<String, String> engineHealth = new HashMap<>();
    private final Map<String, Integer> commands = new HashMap<>();
    private final List<String> journal = new ArrayList<>();
    private final Map<String, String> createdNetworks = new HashMap<>();
    private boolean sharesNetworkNamespaces;
    private boolean startsAhead;
    private int nextId = 1;

    private static final class Container {
        final String id;
        final ContainerSpec spec;
        String status = "created";
        int exitCode;
        int checks;
        boolean checkPassed;
        Instant startedAt;
        Instant finishedAt;

        Container(String id, ContainerSpec spec) {
            this.id = id;
            this.spec = spec;
        }

        String unit() {
            return spec.labels().getOrDefault(StackLabels.UNIT, spec.name());
        }
    }

    /** The unit's readiness check fails this many times, then passes; -1: it never passes. */
    public synchronized InMemoryEngine failingChecks(String unit, int count) {
        failingChecks.put(unit, count);
        return this;
    }

    /** The unit's one-shot container exits with this code. */
    public synchronized InMemoryEngine exitCode(String unit, int code) {
        exitCodes.put(unit, code);
        return this;
    }

    /**
     * What the engine's own healthcheck says of the unit's container: starting, healthy or unhealthy. By default a
     * container with a healthcheck is starting until one of up's checks passes in it, and healthy after.
     */
    public synchronized InMemoryEngine engineHealth(String unit, String health) {
        engineHealth.put(unit, health);
        return this;
    }

    /**
     * The engine runs the unit's check on its own, fast enough that each inspect finds it run once more: it fails as
     * often as {@link #failingChecks} says, then passes, which the journal shows as "healthy UNIT".
     */
    public synchronized InMemoryEngine engineRunsChecks(String unit) {
        engineRunsChecks.add(unit);
        return this;
    }

    /** {@code command}, run in the unit's container, exits with {@code exitCode}. */
    public synchronized InMemoryEngine command(String unit, List<String> command, int exitCode) {
        commands.put(unit + " " + String.join(" ", command), exitCode);
        return this;
    }

    /**
     * The first start of the unit's container fails, and the container goes, as the engine's start of an image without
     * the command's executable does.
     */
    public synchronized InMemoryEngine failingFirstStart(String unit) {
        failingFirstStarts.add(unit);
        return this;
    }

    /** Creating the unit's container fails, as an engine that refuses it would. */
    public synchronized InMemoryEngine failingCreate(String unit) {
        failingCreates.add(unit);
        return this;
    }

    /**
     * What was asked, in order: "create UNIT", "start UNIT", "ready UNIT" (a check passed), "done UNIT", "remove UNIT",
     * "exec UNIT COMMAND" (a command besides a check), "write UNIT DIRECTORY" (files copied in), "stop UNIT".
     */
    public synchronized List<String> journal() {
        return List.copyOf(journal);
    }

    public synchronized void clearJournal() {
        journal.clear();
    }

    /** The engine lets a container borrow a running one's network namespace, as a lone Docker engine does. */
    public synchronized InMemoryEngine sharingNetworkNamespaces() {
        sharesNetworkNamespaces = true;
        return this;
    }

    /**
     * The engine can start a container ahead, held, and signal it, as a lone Docker engine can; its images run
     * {@code serve}. A signal shows in the journal as "signal UNIT SIGNAL".
     */
    public synchronized InMemoryEngine startingAhead() {
        startsAhead = true;
        return this;
    }

    @Override
    public synchronized boolean canStartAhead() {
        return startsAhead;
    }

    @Override
    public synchronized void setCpuWeight(String containerId, int weight) throws EngineException {
        journal.add("weight " + find(containerId).unit() + " " + weight);
    }

    @Override
    public synchronized void signal(String containerId, String signal) throws EngineException {
        journal.add("signal " + find(containerId).unit() + " " + signal);
    }

    /** The network the unit's last container to run was created on. */
    public synchronized String createdNetwork(String unit) {
        return createdNetworks.get(unit);
    }

    @Override
    public synchronized boolean canShareNetworkNamespace() {
        return sharesNetworkNamespaces;
    }

    /** Units whose containers exist now, in the order they were created. */
    public synchronized List<String> units() {
        return containers.values().stream().map(Container::unit).toList();
    }

    public synchronized Set<String> networkNames() {
        return Set.copyOf(networks.keySet());
    }

    public synchronized Set<String> volumeNames() {
        return Set.copyOf(volumes.keySet());
    }

    @Override
    public EngineAddress address() {
        return EngineAddress.resolve(null, Map.of());
    }

    @Override
    public EngineVersion version() {
        return new EngineVersion("in-memory", "1.41", "linux", "amd64");
    }

    @Override
    public String build(ImageBuild build) throws EngineException {
        throw new EngineException("an in-memory engine builds no images");
    }

    @Override
    public boolean hasImage(String image) {
        return true;
    }

    @Override
    public void removeImage(String image) {}

    @Override
    public void tag(String source, String target) throws EngineException {
        throw new EngineException("an in-memory engine has no images to tag");
    }

    @Override
    public void push(String reference, RegistryCredentials credentials) throws EngineException {
        throw new EngineException("an in-memory engine pushes nothing");
    }

    @Override
    public void pull(String reference, RegistryCredentials credentials) throws EngineException {
        throw new EngineException("an in-memory engine pulls nothing");
    }

    @Override
    public String repoDigest(String reference) {
        return null;
    }

    @Override
    public synchronized String run(ContainerSpec spec) throws EngineException {
        return start(create(spec), spec.image());
    }

    @Override
    public synchronized String create(ContainerSpec spec) throws EngineException {
        String unit = spec.labels().getOrDefault(StackLabels.UNIT, spec.name());
        if (failingCreates.contains(unit)) {
            throw new EngineException("Creating a container of " + spec.image() + " failed: refused by the test");
        }
        if (containers.values().stream()
                .anyMatch(container -> container.spec.name().equals(spec.name()))) {
            throw new EngineException(
                    "Creating a container of " + spec.image() + " failed: the name " + spec.name() + " is in use");
        }
        Container container = new Container("c" + nextId++, spec);
        containers.put(container.id, container);
        journal.add("create " + unit);
        if (!spec.labels().containsKey(StackLabels.FINISHED_AT)) { // a step's record, which never runs
            createdNetworks.put(unit, spec.network());
        }
        return container.id;
    }

    @Override
    public synchronized String start(String containerId, String image) throws EngineException {
        Container container = find(containerId);
        if (failingFirstStarts.remove(container.unit())) {
            containers.remove(containerId);
            journal.add("remove " + container.unit());
            throw new EngineException("Starting a container of " + image + " failed: refused by the test");
        }
        container.status = "running";
        container.startedAt = Instant.now();
        container.finishedAt = null;
        container.checkPassed = false; // the engine's health starts over with each start
        journal.add("start " + container.unit());
        return container.id;
    }

    @Override
    public synchronized ImageDetails inspectImage(String image) throws EngineException {
        if (startsAhead) {
            return ImagesRunning.of("sha256:" + image, List.of(), List.of("serve"));
        }
        throw new EngineException("an in-memory engine has no image " + image);
    }

    @Override
    public synchronized ContainerState inspect(String containerId) throws EngineException {
        Container container = find(containerId);
        if (engineRunsChecks.contains(container.unit())
                && "running".equals(container.status)
                && !container.checkPassed) {
            int failing = failingChecks.getOrDefault(container.unit(), 0);
            if (failing >= 0 && container.checks++ >= failing) {
                journal.add("healthy " + container.unit());
                container.checkPassed = true;
            }
        }
        // Every service has a check here (its image's, if not its own), as a one-shot has none.
        String health =
                !Deployment.Kind.SERVICE.label().equals(container.spec.labels().get(StackLabels.KIND))
                        ? ContainerState.NO_HEALTHCHECK
                        : engineHealth.getOrDefault(container.unit(), container.checkPassed ? "healthy" : "starting");
        return new ContainerState(
                container.status, container.exitCode, health, "", container.startedAt, container.finishedAt);
    }

    /** The container's own check, or a stand-in for its image's: every service has one here. */
    @Override
    public synchronized List<String> healthcheckCommand(String containerId) throws EngineException {
        Container container = find(containerId);
        return container.spec.healthcheck() != null
                ? container.spec.healthcheck().command()
                : List.of("image-healthcheck");
    }

    @Override
    public Duration waitHealthy(String containerId, Duration timeout) throws EngineException {
        throw new EngineException("up waits with its own checks; nothing waits on the engine's");
    }

    @Override
    public OptionalInt exec(String containerId, List<String> command, Duration timeout) throws EngineException {
        return exec(containerId, command, timeout, null);
    }

    /**
     * A command scripted for the unit ({@link #command}) or run as another user (watch's rm) exits as scripted (0 by
     * default); anything else is a readiness check, which fails as often as the unit's script says, then passes.
     */
    @Override
    public synchronized OptionalInt exec(String containerId, List<String> command, Duration timeout, String user)
            throws EngineException {
        Container container = find(containerId);
        if (!"running".equals(container.status)) {
            throw new EngineException("Container " + containerId + " is not running");
        }
        Integer scripted = commands.get(container.unit() + " " + String.join(" ", command));
        if (scripted != null || user != null) {
            journal.add("exec " + container.unit() + " " + String.join(" ", command));
            return OptionalInt.of(scripted == null ? 0 : scripted);
        }
        int failing = failingChecks.getOrDefault(container.unit(), 0);
        if (failing < 0 || container.checks++ < failing) {
            return OptionalInt.of(1);
        }
        journal.add("ready " + container.unit());
        container.checkPassed = true; // the engine's own check would pass too
        return OptionalInt.of(0);
    }

    @Override
    public synchronized List<String> imagesWithLabel(String key, String value) {
        return List.of();
    }

    @Override
    public synchronized List<ContainerSummary> containers(String key, String value) {
        return containers.values().stream()
                .filter(container -> value.equals(container.spec.labels().get(key)))
                .map(container -> new ContainerSummary(
                        container.id,
                        container.spec.name(),
                        container.spec.image(),
                        "sha256:" + container.spec.image(),
                        container.spec.ports().values().stream()
                                .map(port -> "127.0.0.1:" + port)
                                .toList(),
                        container.status,
                        container.status,
                        container.spec.labels()))
                .toList();
    }

    @Override
    public synchronized void createNetwork(String name, Map<String, String> labels) {
        networks.putIfAbsent(name, Map.copyOf(labels));
    }

    @Override
    public synchronized List<String> networks(String key, String value) {
        return networks.entrySet().stream()
                .filter(network -> value.equals(network.getValue().get(key)))
                .map(Map.Entry::getKey)
                .toList();
    }

    @Override
    public synchronized void removeNetwork(String name) {
        networks.remove(name);
    }

    @Override
    public synchronized void createVolume(String name, Map<String, String> labels) {
        volumes.putIfAbsent(name, Map.copyOf(labels));
    }

    @Override
    public synchronized List<VolumeSummary> volumes(String key, String value) {
        return volumes.entrySet().stream()
                .filter(volume -> value.equals(volume.getValue().get(key)))
                .map(volume -> new VolumeSummary(volume.getKey(), volume.getValue()))
                .toList();
    }

    @Override
    public synchronized void removeVolume(String name) {
        volumes.remove(name);
    }

    @Override
    public synchronized int publishedPort(String containerId, int containerPort) throws EngineException {
        Integer port = find(containerId).spec.ports().get(containerPort);
        if (port == null) {
            throw new EngineException("Container " + containerId + " publishes no port " + containerPort);
        }
        return port;
    }

    /** A one-shot exits with its scripted code at once; a running service does not exit within any timeout. */
    @Override
    public synchronized int waitForExit(String containerId, Duration timeout) throws EngineException {
        Container container = find(containerId);
        boolean oneShot =
                !Deployment.Kind.SERVICE.label().equals(container.spec.labels().get(StackLabels.KIND));
        if ("running".equals(container.status) && oneShot) {
            container.status = "exited";
            container.exitCode = exitCodes.getOrDefault(container.unit(), 0);
            container.finishedAt = Instant.now();
            if (container.exitCode == 0) {
                journal.add("done " + container.unit());
            }
        }
        if ("running".equals(container.status)) {
            throw new EngineException("Container " + containerId + " still runs after " + timeout.toMillis() + " ms");
        }
        return container.exitCode;
    }

    @Override
    public synchronized List<String> lastLogLines(String containerId, int count) {
        return containers.containsKey(containerId)
                ? List.of("log of " + containers.get(containerId).unit())
                : List.of();
    }

    @Override
    public void followLogs(String containerId, java.util.function.Consumer<String> lines) throws EngineException {
        lastLogLines(containerId, 1).forEach(lines);
    }

    @Override
    public synchronized void stop(String containerId, Duration grace) throws EngineException {
        Container container = find(containerId);
        if ("running".equals(container.status)) {
            container.status = "exited";
            container.finishedAt = Instant.now();
            journal.add("stop " + container.unit());
        }
    }

    @Override
    public synchronized void restart(String containerId, Duration grace) throws EngineException {
        stop(containerId, grace);
        start(containerId, find(containerId).spec.image());
    }

    /** Its containers hold no files: there is nothing at any path. */
    @Override
    public Optional<byte[]> readArchive(String containerId, String path) {
        return Optional.empty();
    }

    /** Journals "write UNIT DIRECTORY"; the files go nowhere. */
    @Override
    public synchronized void writeArchive(String containerId, String directory, Path tar) throws EngineException {
        journal.add("write " + find(containerId).unit() + " " + directory);
    }

    @Override
    public void remove(String containerId) {
        remove(containerId, true);
    }

    @Override
    public synchronized void remove(String containerId, boolean anonymousVolumes) {
        Container removed = containers.remove(containerId);
        if (removed != null) {
            journal.add("remove " + removed.unit());
        }
    }

    @Override
    public void close() {
        closed = true;
    }

    public boolean closed() {
        return closed;
    }

    private Container find(String containerId) throws EngineException {
        Container container = containers.get(containerId);
        if (container == null) {
            container = containers.values().stream()
                    .filter(c -> c.spec.name().equals(containerId))
                    .findFirst()
                    .orElseThrow(() -> new EngineException("No such container: " + containerId));
        }
        return container;
    }
}
