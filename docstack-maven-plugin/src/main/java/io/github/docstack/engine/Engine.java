package io.github.docstack.engine;

import java.time.Duration;
import java.util.List;

/**
 * The one way docstack talks to a container engine: images, containers, networks and volumes, as the stack and
 * image code need them. {@link DockerEngine} is a Docker daemon's; unit tests stand in an engine of their own.
 * Every method that does not stream returns within the engine's bound on a call, or throws
 * {@link EngineTimeoutException}.
 */
public interface Engine extends AutoCloseable {

    /** How long one request may take before docstack judges the engine hung: far above a busy engine's seconds. */
    Duration DEFAULT_CALL_BOUND = Duration.ofSeconds(60);

    /** Where a lone engine publishes a container's ports: this machine only. */
    String LOOPBACK = "127.0.0.1";

    /** Connects with the default bound on each request ({@link #DEFAULT_CALL_BOUND}). */
    static Engine connect(EngineAddress address, EngineLog log) throws EngineException {
        return DockerEngine.connect(address, log, DEFAULT_CALL_BOUND);
    }

    /**
     * Connects to the Docker engine at {@code address} and asks for its version.
     *
     * @param callBound how long one request may take (beyond a wait it asks for, such as a stop's grace period)
     *                  before docstack judges the engine hung; builds, pulls, pushes and followed logs stream and
     *                  are not bounded
     * @throws EngineUnavailableException when nothing answers there, naming the address and how to start one
     * @throws EngineTimeoutException     when something accepts the connection but does not answer
     */
    static Engine connect(EngineAddress address, EngineLog log, Duration callBound) throws EngineException {
        return DockerEngine.connect(address, log, callBound);
    }

    /** What connects to an engine, and puts a Swarm in front of it where asked: for {@link #inBackground}. */
    @FunctionalInterface
    interface Connection {
        Engine connect() throws EngineException;
    }

    /**
     * The engine at {@code address}, which {@code connection} connects to on a thread of its own while the caller
     * goes on: each call waits for it, and throws what connecting threw ({@link BackgroundEngine}).
     */
    static Engine inBackground(EngineAddress address, Connection connection) {
        return BackgroundEngine.connect(address, connection);
    }

    /** Where the engine answers, and how that was decided. */
    EngineAddress address();

    /** The engine's version and API version, as it answered when docstack connected. */
    EngineVersion version();

    /**
     * Builds an image from a context archive and applies every tag of the build.
     *
     * @return the image id
     */
    String build(ImageBuild build) throws EngineException;

    /** Whether the engine has an image by this name or id. */
    boolean hasImage(String image) throws EngineException;

    /** Removes an image by this name or id, as {@code docker rmi -f} does. */
    void removeImage(String image) throws EngineException;

    /** Gives {@code source}'s image the additional name {@code target}. */
    void tag(String source, String target) throws EngineException;

    /**
     * Pushes one tag, {@code reference} being {@code registry/repository:tag}.
     *
     * @param credentials null to push without credentials
     * @throws RegistryException with the kind of failure, so the caller can decide to retry
     */
    void push(String reference, RegistryCredentials credentials) throws EngineException;

    /** Pulls {@code reference} ({@code registry/repository:tag}) into the engine. */
    void pull(String reference, RegistryCredentials credentials) throws EngineException;

    /**
     * The registry digest the engine knows for {@code reference} (after a push or pull), e.g.
     * {@code sha256:...}, or null when the image was never pushed to or pulled from that repository.
     */
    String repoDigest(String reference) throws EngineException;

    /**
     * Creates and starts a container. A container that was created but could not start is removed again, so
     * a failure leaves nothing behind.
     *
     * @return the container id
     */
    String run(ContainerSpec spec) throws EngineException;

    /** Creates a container without starting it, so it can start the moment it may. */
    String create(ContainerSpec spec) throws EngineException;

    /** Starts a created container; one that cannot start is removed again, so a failure leaves nothing behind. */
    String start(String containerId, String image) throws EngineException;

    /** The image's configuration: command, entrypoint, environment, labels, ports, user, healthcheck. */
    ImageDetails inspectImage(String image) throws EngineException;

    /** The container's state, health and latest healthcheck output. */
    ContainerState inspect(String containerId) throws EngineException;

    /**
     * Waits until the container's own healthcheck says healthy.
     *
     * @return how long it took
     * @throws ContainerNotHealthyException when it exits, is judged unhealthy, has no healthcheck, or
     *         {@code timeout} passes; with its last log lines
     */
    Duration waitHealthy(String containerId, Duration timeout) throws EngineException;

    /**
     * Runs a command in a running container, as {@code docker exec} does, and waits for it.
     *
     * @return its exit code, or empty when it still runs after {@code timeout} (it is left to finish)
     */
    java.util.OptionalInt exec(String containerId, List<String> command, Duration timeout) throws EngineException;

    /** As {@link #exec(String, List, Duration)}, as {@code user} (a name or uid) rather than the container's user. */
    java.util.OptionalInt exec(String containerId, List<String> command, Duration timeout, String user)
            throws EngineException;

    /**
     * The check the engine runs in a container (its {@code Healthcheck.Test}), as a command to exec; empty when it has
     * none, or where the engine cannot say (a Swarm).
     */
    default List<String> healthcheckCommand(String containerId) throws EngineException {
        return List.of();
    }

    /**
     * Whether a container may borrow a running one's network namespace ({@link ContainerSpec#networkOf}). A lone
     * engine can; a Swarm, which places each task on a node of its choosing, cannot.
     */
    default boolean canShareNetworkNamespace() {
        return false;
    }

    /**
     * Whether a container may be started before its turn, its own command held back by a shell until it is signalled
     * ({@link #signal}): a lone engine can; a Swarm starts a task when it likes, and cannot signal a task's process.
     */
    default boolean canStartAhead() {
        return false;
    }

    /**
     * Sends {@code signal} (a name, e.g. {@code URG}) to a container's main process, as {@code docker kill -s}. A
     * container that is not running, or gone, is fine.
     */
    default void signal(String containerId, String signal) throws EngineException {
        throw new UnsupportedOperationException("This engine cannot signal a container's process");
    }

    /**
     * Sets a container's share of the CPU while the cores are contended, as {@code docker update --cpu-shares}:
     * {@link #DEFAULT_CPU_WEIGHT} is every container's unless set. A container that is gone is fine. The weight only
     * orders work when there is more than the cores can do, so an engine that cannot set it does nothing.
     */
    default void setCpuWeight(String containerId, int weight) throws EngineException {}

    /** The CPU weight the engine gives a container unless told otherwise (cgroup v1's cpu.shares default). */
    int DEFAULT_CPU_WEIGHT = 1024;

    /** Ids of the images carrying the label {@code key=value}, newest first. */
    List<String> imagesWithLabel(String key, String value) throws EngineException;

    /** Containers (running or not) carrying the label {@code key=value}. */
    List<ContainerSummary> containers(String key, String value) throws EngineException;

    /** Creates a bridge network with labels; an existing one of that name is kept. */
    void createNetwork(String name, java.util.Map<String, String> labels) throws EngineException;

    /** Networks carrying the label {@code key=value}. */
    List<String> networks(String key, String value) throws EngineException;

    /** Removes a network once the engine has let go of the endpoints of its removed containers (it may lag a moment). */
    void removeNetwork(String name) throws EngineException;

    /** Creates a named volume with labels; an existing one of that name is kept, with its data. */
    void createVolume(String name, java.util.Map<String, String> labels) throws EngineException;

    /** Volumes carrying the label {@code key=value}, with all their labels. */
    List<VolumeSummary> volumes(String key, String value) throws EngineException;

    void removeVolume(String name) throws EngineException;

    /**
     * Where, seen from this machine, a port answers that a container publishes: on {@code node} (by hostname) when
     * it is placed there, else wherever the engine runs it. A lone engine publishes on its loopback address.
     */
    default String publishedAddress(String node) throws EngineException {
        return LOOPBACK;
    }

    /** The machines the container runs on, by name: a Swarm's nodes; none named for a lone engine. */
    default List<String> nodes(String containerId) throws EngineException {
        return List.of();
    }

    /**
     * The secrets of the stack about to run, by the variable name each goes by, which the engine must keep out of
     * what it shows (a Swarm's service specs). A lone engine shows what a container was given to its owner only.
     */
    default void keepSecrets(java.util.Map<String, String> variables) {}

    /** Removes the secrets the engine keeps with this label (a Swarm's); returns their names. A lone engine keeps none. */
    default List<String> removeSecrets(String key, String value) throws EngineException {
        return List.of();
    }

    /** The host port the engine published {@code containerPort} on, or -1 when it is not published. */
    int publishedPort(String containerId, int containerPort) throws EngineException;

    /**
     * Waits until a container exits, e.g. a one-shot step.
     *
     * @return its exit code
     * @throws EngineException when it still runs after {@code timeout}
     */
    int waitForExit(String containerId, Duration timeout) throws EngineException;

    /** The container's last {@code count} log lines, stdout and stderr together. */
    List<String> lastLogLines(String containerId, int count);

    /** Prints the container's log as it grows, until the container stops or the thread is interrupted. */
    void followLogs(String containerId, java.util.function.Consumer<String> lines) throws EngineException;

    /**
     * Asks a container's process to stop (SIGTERM, or the image's STOPSIGNAL) and gives it {@code grace} before the
     * engine kills it: a database deserves a clean shutdown. A container that is not running, or gone, is fine.
     */
    void stop(String containerId, Duration grace) throws EngineException;

    /**
     * Stops a container as {@link #stop} does and starts it again with the same configuration: its files, changed
     * since it was created, stay.
     */
    void restart(String containerId, Duration grace) throws EngineException;

    /**
     * The file or directory at {@code path} in a container, as a tar whose one top entry is named as the path's
     * last part (what {@code docker cp} fetches), or empty when there is nothing at that path.
     */
    java.util.Optional<byte[]> readArchive(String containerId, String path) throws EngineException;

    /** Unpacks a tar into a container under {@code directory}, as {@code docker cp} does, replacing what is there. */
    void writeArchive(String containerId, String directory, java.nio.file.Path tar) throws EngineException;

    /** Stops (at once) and removes a container and its anonymous volumes; a container that is already gone is fine. */
    void remove(String containerId) throws EngineException;

    /**
     * Stops (at once) and removes a container; with {@code anonymousVolumes}, the volumes of an image's VOLUME that
     * it was given go too (named volumes never do). A container that is already gone is fine.
     */
    void remove(String containerId, boolean anonymousVolumes) throws EngineException;

    /** Lets go of the connection; a call a hung engine holds is let go too. */
    @Override
    void close();
}
