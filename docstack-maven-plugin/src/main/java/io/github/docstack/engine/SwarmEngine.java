package io.github.docstack.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The {@link Engine} of a Docker Swarm, through its manager: what docstack runs as containers runs as Swarm
 * services, one replica each, on an attachable overlay network under the same names; a one-shot step runs as a
 * {@code replicated-job}. Images and volumes are the manager's (per node, as Swarm has them). Work inside a
 * container (readiness checks, logs, files) reaches the task's container, which must run on the manager's node.
 */
public final class SwarmEngine implements Engine {

    private static final Set<String> TERMINAL =
            Set.of("complete", "failed", "rejected", "shutdown", "orphaned", "remove");
    private static final Set<String> FAILED = Set.of("failed", "rejected");
    /** A task whose container runs: "starting" until the Swarm's healthcheck, if it has one, first passes. */
    private static final Set<String> STARTED = Set.of("starting", "running");
    /** The label Swarm puts on a task's container. */
    private static final String SERVICE_ID_LABEL = "com.docker.swarm.service.id";

    private final DockerEngine docker;
    private final DockerSwarm swarm;
    private final Predicate<Map<String, String>> runsOnce;
    private final String stackLabel;
    private final String nodeLabel;
    /** The manager's own node (by hostname): up can look into a task's container only there. */
    private final String managerNode;
    /** Node id to its hostname, as far as asked. */
    private final Map<String, String> nodeNames = new java.util.concurrent.ConcurrentHashMap<>();
    /** Node hostname to the address its published ports answer on, as far as asked. */
    private final Map<String, String> nodeAddresses = new java.util.concurrent.ConcurrentHashMap<>();
    /** Secret value to the variable name it is kept under, longest value first. */
    private final Map<String, String> secrets = new LinkedHashMap<>();

    private SwarmEngine(
            DockerEngine docker,
            DockerSwarm swarm,
            Predicate<Map<String, String>> runsOnce,
            String stackLabel,
            String nodeLabel,
            String managerNode) {
        this.managerNode = managerNode;
        this.docker = docker;
        this.swarm = swarm;
        this.runsOnce = runsOnce;
        this.stackLabel = stackLabel;
        this.nodeLabel = nodeLabel;
    }

    /**
     * The Swarm that {@code docker} manages.
     *
     * @param runsOnce   which containers, by their labels, are one-shot steps (they run as jobs)
     * @param stackLabel the label that names a container's stack; its secrets carry it too, so they go with the stack
     * @param nodeLabel  the label that names the node a container must run on (by hostname), if it must
     * @throws NotASwarmManagerException when the engine is not the manager of an active Swarm
     */
    public static SwarmEngine of(
            Engine docker, Predicate<Map<String, String>> runsOnce, String stackLabel, String nodeLabel)
            throws EngineException {
        if (!(docker instanceof DockerEngine engine)) {
            throw new EngineException("A Swarm is reached through a Docker engine, not "
                    + docker.getClass().getSimpleName());
        }
        DockerSwarm swarm = new DockerSwarm(engine.api());
        String managerNode = swarm.managerNode().orElseThrow(() -> new NotASwarmManagerException(docker.address()));
        return new SwarmEngine(engine, swarm, runsOnce, stackLabel, nodeLabel, managerNode);
    }

    /** Each becomes a Swarm secret when a service uses it, and its value never enters a service spec. */
    @Override
    public void keepSecrets(Map<String, String> variables) {
        secrets.clear();
        secrets.putAll(ShellWords.byValue(variables));
    }

    @Override
    public EngineAddress address() {
        return docker.address();
    }

    @Override
    public EngineVersion version() {
        return docker.version();
    }

    @Override
    public String build(ImageBuild build) throws EngineException {
        return docker.build(build);
    }

    @Override
    public boolean hasImage(String image) throws EngineException {
        return docker.hasImage(image);
    }

    @Override
    public void removeImage(String image) throws EngineException {
        docker.removeImage(image);
    }

    @Override
    public void tag(String source, String target) throws EngineException {
        docker.tag(source, target);
    }

    @Override
    public void push(String reference, RegistryCredentials credentials) throws EngineException {
        docker.push(reference, credentials);
    }

    @Override
    public void pull(String reference, RegistryCredentials credentials) throws EngineException {
        docker.pull(reference, credentials);
    }

    @Override
    public String repoDigest(String reference) throws EngineException {
        return docker.repoDigest(reference);
    }

    @Override
    public ImageDetails inspectImage(String image) throws EngineException {
        return docker.inspectImage(image);
    }

    @Override
    public List<String> imagesWithLabel(String key, String value) throws EngineException {
        return docker.imagesWithLabel(key, value);
    }

    /** A plain container on the manager, on the stack's attachable network: a verify step, which up never runs. */
    @Override
    public String run(ContainerSpec spec) throws EngineException {
        return docker.run(spec);
    }

    /** A service with no replica yet, its secrets made first. */
    @Override
    public String create(ContainerSpec spec) throws EngineException {
        String node = spec.labels().get(nodeLabel);
        boolean elsewhere = node != null && !node.equals(managerNode);
        Map<String, String> used = SwarmServiceSpec.usedSecrets(spec, elsewhere, secrets);
        Map<String, SwarmServiceSpec.SecretRef> secretRefs = new LinkedHashMap<>();
        Map<String, String> labels = spec.labels().containsKey(stackLabel)
                ? Map.of(stackLabel, spec.labels().get(stackLabel))
                : Map.of();
        for (Map.Entry<String, String> secret : used.entrySet()) {
            // A Swarm secret cannot change: a new value is a new secret, named after a digest of it.
            String variable = secret.getValue().toLowerCase(Locale.ROOT).replaceFirst("^docstack_secret_", "");
            String name = labels.getOrDefault(stackLabel, "docstack") + "_"
                    + variable.substring(0, Math.min(variable.length(), 18)) + "_"
                    + Sha256.hex(secret.getValue() + "=" + secret.getKey(), 6);
            synchronized (secrets) { // services made in parallel share secrets: the second finds the first's
                secretRefs.put(
                        secret.getValue(),
                        new SwarmServiceSpec.SecretRef(swarm.secret(name, secret.getKey(), labels), name));
            }
        }
        SwarmServiceSpec.ImageRun imageRun = new SwarmServiceSpec.ImageRun(List.of(), List.of());
        if (spec.entrypoint().isEmpty()
                && !SwarmServiceSpec.usedSecrets(spec, false, secrets).isEmpty()) {
            ImageDetails image = docker.inspectImage(spec.image());
            imageRun = new SwarmServiceSpec.ImageRun(image.entrypoint(), image.cmd());
        }
        return swarm.createService(SwarmServiceSpec.of(spec, node, elsewhere, used, secretRefs, imageRun));
    }

    /**
     * A service gets its replica; a one-shot step's service is made again as a job, which runs at once. Returns once
     * the task runs (or has already finished or failed), as starting a container does.
     */
    @Override
    public String start(String serviceId, String image) throws EngineException {
        JsonNode service = existing(serviceId);
        ObjectNode spec = (ObjectNode) service.path("Spec").deepCopy();
        String id = serviceId;
        if (runsOnce.test(labels(spec))) {
            removeService(serviceId);
            spec.remove("Mode");
            spec.putObject("Mode")
                    .putObject("ReplicatedJob")
                    .put("MaxConcurrent", 1)
                    .put("TotalCompletions", 1);
            id = swarm.createService(spec);
        } else {
            update(service, changed -> {
                ((ObjectNode) changed.path("TaskTemplate"))
                        .putObject("RestartPolicy")
                        .put("Condition", "any");
                ((ObjectNode) changed.path("Mode")).putObject("Replicated").put("Replicas", 1);
            });
        }
        awaitTask(id, state -> STARTED.contains(state) || TERMINAL.contains(state), bound(), "start its task");
        return id;
    }

    @Override
    public ContainerState inspect(String serviceId) throws EngineException {
        List<JsonNode> tasks = swarm.tasks(serviceId);
        if (tasks.isEmpty()) {
            return new ContainerState("created", 0, ContainerState.NO_HEALTHCHECK, "", null, null);
        }
        JsonNode status = tasks.get(0).path("Status");
        String state = status.path("State").asText();
        Instant at = DockerApi.instant(status.path("Timestamp").asText());
        Instant created = DockerApi.instant(tasks.get(0).path("CreatedAt").asText());
        if (STARTED.contains(state)) {
            // A task with the Swarm's own check (one on another node) is running once that check has passed.
            JsonNode check = tasks.get(0)
                    .path("Spec")
                    .path("ContainerSpec")
                    .path("Healthcheck")
                    .path("Test");
            boolean checked = check.isArray()
                    && !check.isEmpty()
                    && !"NONE".equals(check.get(0).asText());
            String health = !checked ? ContainerState.NO_HEALTHCHECK : "running".equals(state) ? "healthy" : "starting";
            return new ContainerState("running", 0, health, "", at, null);
        }
        if (TERMINAL.contains(state)) {
            int code = status.path("ContainerStatus").path("ExitCode").asInt(0);
            if (FAILED.contains(state) && code == 0) {
                code = 1; // rejected before its container ran (no image, no node): still a failure
            }
            return new ContainerState(
                    "exited",
                    code,
                    ContainerState.NO_HEALTHCHECK,
                    status.path("Err").asText(""),
                    created,
                    at);
        }
        return new ContainerState("created", 0, ContainerState.NO_HEALTHCHECK, "", null, null);
    }

    @Override
    public Duration waitHealthy(String serviceId, Duration timeout) throws EngineException {
        throw new EngineException(
                "A Swarm service has no healthcheck of the engine's here: docstack checks readiness itself");
    }

    @Override
    public OptionalInt exec(String serviceId, List<String> command, Duration timeout) throws EngineException {
        return docker.exec(container(serviceId), command, timeout);
    }

    @Override
    public OptionalInt exec(String serviceId, List<String> command, Duration timeout, String user)
            throws EngineException {
        return docker.exec(container(serviceId), command, timeout, user);
    }

    /** The stack's services, each as a container summary: its state is its newest task's. */
    @Override
    public List<ContainerSummary> containers(String key, String value) throws EngineException {
        List<ContainerSummary> summaries = new ArrayList<>();
        for (JsonNode service : swarm.services(key, value)) {
            String id = service.path("ID").asText();
            JsonNode spec = service.path("Spec");
            List<String> published = new ArrayList<>();
            for (JsonNode port : service.path("Endpoint").path("Ports")) {
                published.add("0.0.0.0:" + port.path("PublishedPort").asInt());
            }
            ContainerState state = inspect(id);
            summaries.add(new ContainerSummary(
                    id,
                    spec.path("Name").asText(),
                    spec.path("TaskTemplate")
                            .path("ContainerSpec")
                            .path("Image")
                            .asText(),
                    "",
                    List.copyOf(published),
                    state.status(),
                    state.toString(),
                    labels(spec)));
        }
        return summaries;
    }

    /**
     * Ports are published in host mode, on the node a task runs on: a project placed on another node answers on that
     * node's address, one on the manager's node (or left to the Swarm) on the loopback address, as on one engine.
     */
    @Override
    public String publishedAddress(String node) throws EngineException {
        if (node == null || node.equals(managerNode)) {
            return LOOPBACK;
        }
        String address = nodeAddresses.get(node);
        if (address == null) {
            // A node the Swarm lacks: up stops on its first service with the Swarm's own reason ("no suitable node").
            address = swarm.nodeAddress(node).orElse(LOOPBACK);
            nodeAddresses.put(node, address);
        }
        return address;
    }

    /** The nodes the service's tasks ran on. */
    @Override
    public List<String> nodes(String serviceId) throws EngineException {
        Set<String> nodes = new TreeSet<>();
        for (JsonNode task : swarm.tasks(serviceId)) {
            if (task.hasNonNull("NodeID") && !task.path("NodeID").asText().isEmpty()) {
                String id = task.path("NodeID").asText();
                String name = nodeNames.get(id);
                if (name == null) {
                    name = swarm.nodeName(id);
                    nodeNames.put(id, name); // a node keeps its name: one inspect each, not one per task and status
                }
                nodes.add(name);
            }
        }
        return List.copyOf(nodes);
    }

    @Override
    public void createNetwork(String name, Map<String, String> labels) throws EngineException {
        swarm.createOverlayNetwork(name, labels);
    }

    @Override
    public List<String> networks(String key, String value) throws EngineException {
        return docker.networks(key, value);
    }

    @Override
    public void removeNetwork(String name) throws EngineException {
        docker.removeNetwork(name);
    }

    @Override
    public void createVolume(String name, Map<String, String> labels) throws EngineException {
        docker.createVolume(name, labels);
    }

    @Override
    public List<VolumeSummary> volumes(String key, String value) throws EngineException {
        return docker.volumes(key, value);
    }

    @Override
    public void removeVolume(String name) throws EngineException {
        docker.removeVolume(name);
    }

    @Override
    public List<String> removeSecrets(String key, String value) throws EngineException {
        return swarm.removeSecrets(key, value);
    }

    @Override
    public int publishedPort(String serviceId, int containerPort) throws EngineException {
        for (JsonNode port : existing(serviceId).path("Endpoint").path("Ports")) {
            if (port.path("TargetPort").asInt() == containerPort) {
                return port.path("PublishedPort").asInt();
            }
        }
        throw new EngineException("Service " + serviceId + " publishes no port " + containerPort);
    }

    @Override
    public int waitForExit(String serviceId, Duration timeout) throws EngineException {
        awaitTask(serviceId, TERMINAL::contains, timeout, "finish");
        return inspect(serviceId).exitCode();
    }

    @Override
    public List<String> lastLogLines(String serviceId, int count) {
        try {
            return docker.lastLogLines(container(serviceId), count);
        } catch (EngineException e) {
            return List.of();
        }
    }

    @Override
    public void followLogs(String serviceId, Consumer<String> lines) throws EngineException {
        docker.followLogs(container(serviceId), lines);
    }

    /**
     * Scales the service to none; its task stops within the grace period, and this returns once Swarm has also
     * deleted that task, so the service is safe to remove (see {@link #removeService}).
     */
    @Override
    public void stop(String serviceId, Duration grace) throws EngineException {
        Optional<JsonNode> service = swarm.service(serviceId);
        if (service.isEmpty() || !service.get().path("Spec").path("Mode").has("Replicated")) {
            return;
        }
        update(
                service.get(),
                spec -> ((ObjectNode) spec.path("Mode")).putObject("Replicated").put("Replicas", 0));
        awaitTasks(
                serviceId,
                tasks -> tasks.stream()
                        .allMatch(task -> TERMINAL.contains(
                                        task.path("Status").path("State").asText())
                                && !markedForRemoval(task)),
                grace.plus(bound()),
                "stop");
    }

    /** A new task in place of the old, as a restart of a container. */
    @Override
    public void restart(String serviceId, Duration grace) throws EngineException {
        String before = swarm.tasks(serviceId).stream()
                .findFirst()
                .map(old -> old.path("ID").asText())
                .orElse("");
        update(existing(serviceId), spec -> {
            ObjectNode task = (ObjectNode) spec.path("TaskTemplate");
            task.put("ForceUpdate", task.path("ForceUpdate").asInt() + 1);
        });
        awaitTasks(
                serviceId,
                tasks -> !tasks.isEmpty()
                        && !tasks.get(0).path("ID").asText().equals(before)
                        && "running"
                                .equals(tasks.get(0)
                                        .path("Status")
                                        .path("State")
                                        .asText()),
                grace.plus(bound()),
                "restart");
    }

    @Override
    public Optional<byte[]> readArchive(String serviceId, String path) throws EngineException {
        return docker.readArchive(container(serviceId), path);
    }

    @Override
    public void writeArchive(String serviceId, String directory, java.nio.file.Path tar) throws EngineException {
        docker.writeArchive(container(serviceId), directory, tar);
    }

    @Override
    public void remove(String serviceId) throws EngineException {
        remove(serviceId, true);
    }

    /**
     * Removes the service, and returns once its task's container here is gone too (Swarm removes it afterwards),
     * so its network and volumes are free to go; with {@code anonymousVolumes}, the image's VOLUMEs go too.
     */
    @Override
    public void remove(String serviceId, boolean anonymousVolumes) throws EngineException {
        List<String> volumes = new ArrayList<>();
        if (anonymousVolumes) {
            for (ContainerSummary container : docker.containers(SERVICE_ID_LABEL, serviceId)) {
                volumes.addAll(swarm.anonymousVolumes(container.id()));
            }
        }
        removeService(serviceId);
        long deadline = System.nanoTime() + bound().toNanos();
        Duration pause = Duration.ofMillis(20);
        while (true) {
            List<ContainerSummary> left = docker.containers(SERVICE_ID_LABEL, serviceId);
            if (left.isEmpty()) {
                for (String volume : volumes) {
                    docker.removeVolume(volume);
                }
                return;
            }
            for (ContainerSummary container : left) {
                if (!container.running()) {
                    // A finished job's container, which Swarm leaves behind; or a task's that Swarm is removing
                    // right now, which the next turn finds gone.
                    docker.removeBesideSwarm(container.id());
                }
            }
            if (System.nanoTime() > deadline) {
                throw new EngineException(
                        "The container of Swarm service " + serviceId + " was not removed within " + bound().toSeconds()
                                + " s. See: docker ps -a --filter label=" + SERVICE_ID_LABEL + "=" + serviceId);
            }
            DockerApi.pauseFor(pause);
            pause = DockerApi.nextPause(pause);
        }
    }

    @Override
    public void close() {
        docker.close();
    }

    /**
     * Removes the service once Swarm is done deleting its scaled-down tasks. dockerd 20.10 crashes when a service
     * goes while its task reaper deletes one of the service's tasks: the removal reads the tasks, the reaper deletes
     * one, and the removal's write finds it gone (a nil task in moby/swarmkit's {@code SetServiceTasksRemove}). A
     * task scaled down is deleted within about 250 ms of stopping; a service's running task is marked for removal
     * by the removal itself, and is safe.
     */
    private void removeService(String serviceId) throws EngineException {
        awaitTasks(
                serviceId,
                tasks -> tasks.stream().noneMatch(SwarmEngine::markedForRemoval),
                bound(),
                "let Swarm delete its scaled-down task");
        swarm.removeService(serviceId);
    }

    /** A task Swarm will delete once it has stopped: one of a slot a scale-down or a removal took away. */
    private static boolean markedForRemoval(JsonNode task) {
        return "remove".equals(task.path("DesiredState").asText());
    }

    /** The container of the service's newest task, which must run on this node. */
    private String container(String serviceId) throws EngineException {
        List<JsonNode> tasks = swarm.tasks(serviceId);
        String container = tasks.isEmpty()
                ? ""
                : tasks.get(0)
                        .path("Status")
                        .path("ContainerStatus")
                        .path("ContainerID")
                        .asText("");
        if (container.isEmpty()) {
            throw new EngineException("Service " + serviceId + " has no container yet");
        }
        return container;
    }

    /** Changes the service's spec as {@code change} says, against the version it was read at. */
    private void update(JsonNode service, Consumer<ObjectNode> change) throws EngineException {
        ObjectNode spec = (ObjectNode) service.path("Spec").deepCopy();
        change.accept(spec);
        swarm.updateService(
                service.path("ID").asText(),
                service.path("Version").path("Index").asLong(),
                spec);
    }

    /** How long one engine call may take: the wait for a task to start or a container to go. */
    private Duration bound() {
        return docker.api().calls.bound();
    }

    private JsonNode existing(String serviceId) throws EngineException {
        return swarm.service(serviceId)
                .orElseThrow(() -> new EngineException("Swarm service " + serviceId + " is gone"));
    }

    /** Waits until the service's newest task is in a state {@code wanted} accepts. */
    private void awaitTask(String serviceId, Predicate<String> wanted, Duration timeout, String what)
            throws EngineException {
        awaitTasks(
                serviceId,
                tasks -> !tasks.isEmpty()
                        && wanted.test(tasks.get(0).path("Status").path("State").asText()),
                timeout,
                what);
    }

    private void awaitTasks(String serviceId, Predicate<List<JsonNode>> done, Duration timeout, String what)
            throws EngineException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Duration pause = Duration.ofMillis(20);
        while (true) {
            List<JsonNode> tasks = swarm.tasks(serviceId);
            if (done.test(tasks)) {
                return;
            }
            JsonNode newest = tasks.isEmpty() ? null : tasks.get(0).path("Status");
            if (newest != null
                    && !markedForRemoval(tasks.get(0)) // one scaled down is deleted, not placed
                    && "pending".equals(newest.path("State").asText())
                    && !newest.path("Err").asText().isEmpty()) {
                // e.g. "no suitable node (scheduling constraints not satisfied on 1 node)": waiting will not help
                throw new EngineException("Swarm cannot place service " + serviceId + ": "
                        + newest.path("Err").asText()
                        + ". See: docker node ls, and the node: of its project in the stack file");
            }
            if (System.nanoTime() > deadline) {
                String state = tasks.isEmpty()
                        ? "no task"
                        : "its task "
                                + tasks.get(0).path("Status").path("State").asText() + " ("
                                + tasks.get(0).path("Status").path("Message").asText() + ")";
                throw new EngineException("Swarm service " + serviceId + " did not " + what + " within "
                        + timeout.toSeconds() + " s: " + state + ". See: docker service ps --no-trunc " + serviceId);
            }
            DockerApi.pauseFor(pause);
            pause = DockerApi.nextPause(pause);
        }
    }

    private static Map<String, String> labels(JsonNode spec) {
        Map<String, String> labels = new LinkedHashMap<>();
        spec.path("Labels")
                .fields()
                .forEachRemaining(
                        label -> labels.put(label.getKey(), label.getValue().asText()));
        return labels;
    }
}
