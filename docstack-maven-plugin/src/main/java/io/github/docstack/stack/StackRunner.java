package io.github.docstack.stack;

import io.github.docstack.engine.ContainerNotHealthyException;
import io.github.docstack.engine.ContainerSpec;
import io.github.docstack.engine.ContainerState;
import io.github.docstack.engine.ContainerSummary;
import io.github.docstack.engine.Engine;
import io.github.docstack.engine.EngineException;
import io.github.docstack.engine.EngineLog;
import io.github.docstack.engine.Healthcheck;
import io.github.docstack.engine.ImageDetails;
import io.github.docstack.engine.VolumeSummary;
import io.github.docstack.files.PrivateFiles;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Brings a deployment up (idempotently: unchanged containers and completed one-shots are left alone), and takes
 * a stack down or reports on it, finding its containers by label, so any JVM can.
 */
public final class StackRunner {

    /** How long a one-shot step may run, and how long a service may take to become healthy. */
    public record Timeouts(Duration health, Duration oneShot) {}

    /** One service's line in the summary. */
    public record ServiceReport(
            String service, String project, StepOutcome outcome, String address, double secondsToReady) {

        public String state() {
            return outcome.ready() == StepOutcome.Ready.HEALTHY ? "healthy" : "running";
        }

        public String action() {
            return outcome.toString();
        }
    }

    /** An output as written: its file, and its title (null for a file that is not shown). */
    public record WrittenOutput(Path file, String title, String content) {}

    /** What {@code up} did; {@code stepsDoneAt} is every step's finish, in seconds from the start of up. */
    public record UpReport(
            List<ServiceReport> services,
            List<WrittenOutput> outputs,
            double seconds,
            int started,
            int unchanged,
            Map<String, Double> stepsDoneAt) {

        /** The chain of steps that decided the total time: from the last step back through what it waited for. */
        public List<String> criticalPath(Deployment deployment) {
            return criticalPath(deployment, stepsDoneAt);
        }

        /** The same chain for any times at which the deployment's steps were (or would be) done. */
        public static List<String> criticalPath(Deployment deployment, Map<String, Double> stepsDoneAt) {
            Map<String, Deployment.Unit> units = new HashMap<>();
            deployment.units().forEach(unit -> units.put(unit.id(), unit));
            List<String> path = new ArrayList<>();
            String step = stepsDoneAt.entrySet().stream()
                    .max(Map.Entry.comparingByValue())
                    .map(Map.Entry::getKey)
                    .orElse(null);
            while (step != null) {
                path.add(0, step);
                step = units.get(step).after().stream()
                        .max(java.util.Comparator.comparing(stepsDoneAt::get))
                        .orElse(null);
            }
            return path;
        }
    }

    private static final Duration SETTLE = Duration.ofSeconds(1);
    /** What a service gets between SIGTERM and SIGKILL when it is removed, as docker stop gives it. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);

    private final Engine engine;
    private final EngineLog log;
    /** Shared by the services of an up, which wait for their readiness at the same time. */
    private final CheckSlots checkSlots = CheckSlots.forThisMachine();

    public StackRunner(Engine engine, EngineLog log) {
        this.engine = engine;
        this.log = log;
    }

    public UpReport up(Deployment deployment, Timeouts timeouts, int parallelism)
            throws StackException, EngineException, IOException, InterruptedException {
        long start = System.nanoTime();
        Map<String, String> stackLabel = Map.of(StackLabels.STACK, deployment.stack());
        Map<String, ContainerSummary> existing = new HashMap<>();
        for (ContainerSummary container : engine.containers(StackLabels.STACK, deployment.stack())) {
            existing.put(container.name(), container);
        }
        checkOwner(deployment, existing.values());
        checkPortsFree(deployment, existing);
        engine.createNetwork(deployment.network(), stackLabel);
        for (Deployment.Volume volume : deployment.volumes()) {
            Map<String, String> volumeLabels = new HashMap<>();
            volumeLabels.put(StackLabels.STACK, deployment.stack());
            volumeLabels.put(StackLabels.SECRETS, deployment.secrets().id());
            if (volume.release() != null) {
                volumeLabels.put(StackLabels.RELEASE, volume.release());
            }
            engine.createVolume(volume.name(), volumeLabels); // an existing volume keeps its data and its labels
        }

        Set<String> held = ConcurrentHashMap.newKeySet();
        UnitTimes times = UnitTimes.of(deployment);
        Map<String, Integer> weights = CpuPriority.weights(deployment, times);
        Map<String, String> created = createAhead(deployment, existing, parallelism, held, weights);
        Map<String, String> heldContainers = new HashMap<>(created);
        heldContainers.keySet().retainAll(held);
        boolean engineFailed = false;
        try (StartAhead startAhead = new StartAhead(
                engine, log, deployment, heldContainers, unit -> engine.create(toCreate(unit, deployment)))) {
            return up(deployment, timeouts, parallelism, start, existing, created, startAhead, times);
        } catch (EngineException e) {
            engineFailed = true; // an engine down or hung would only keep the user waiting for each service
            throw e;
        } finally {
            if (!engineFailed) {
                restoreCpuWeight(deployment, created, weights);
            }
        }
    }

    /** The services that yielded the CPU while up ran get the engine's default weight back: at rest all are equal. */
    private void restoreCpuWeight(Deployment deployment, Map<String, String> created, Map<String, Integer> weights) {
        for (Deployment.Unit service : deployment.units(Deployment.Kind.SERVICE)) {
            String id = created.get(service.id());
            if (id != null && weights.containsKey(service.id())) {
                try {
                    engine.setCpuWeight(id, Engine.DEFAULT_CPU_WEIGHT);
                } catch (EngineException e) {
                    log.warn(e.getMessage() + " (until then " + service.spec().name()
                            + " gets a smaller share of the CPU than the other services)");
                    return; // the engine fails: the others would fail alike
                }
            }
        }
    }

    private UpReport up(
            Deployment deployment,
            Timeouts timeouts,
            int parallelism,
            long start,
            Map<String, ContainerSummary> existing,
            Map<String, String> created,
            StartAhead startAhead,
            UnitTimes times)
            throws StackException, EngineException, IOException, InterruptedException {
        CheckPace pace = new CheckPace(deployment);
        Map<String, Double> readyAt = new ConcurrentHashMap<>();
        Map<String, Double> taken = new ConcurrentHashMap<>(); // from each unit's turn to ready or done
        Map<String, StepOutcome> outcomes = new ConcurrentHashMap<>();
        List<StepExecutor.Step> steps = new ArrayList<>();
        for (Deployment.Unit unit : deployment.units()) {
            steps.add(new StepExecutor.Step(unit.id(), unit.after(), () -> {
                long turn = System.nanoTime();
                StepOutcome outcome = unit.kind() == Deployment.Kind.SERVICE
                        ? startService(
                                unit,
                                existing.get(unit.spec().name()),
                                created.get(unit.id()),
                                timeouts.health(),
                                pace,
                                startAhead)
                        : runOnce(
                                unit,
                                deployment,
                                existing.get(unit.spec().name()),
                                created.get(unit.id()),
                                timeouts.oneShot(),
                                providerStarted(unit, outcomes),
                                startAhead);
                outcomes.put(unit.id(), outcome);
                long now = System.nanoTime();
                readyAt.put(unit.id(), (now - start) / 1e9);
                if (!outcome.unchanged()) {
                    taken.put(unit.id(), (now - turn) / 1e9);
                }
                pace.done(unit.id());
                startAhead.started(unit.id()); // done: a step's record never starts
                return outcome.toString();
            }));
        }
        StepExecutor.Outcome outcome = StepExecutor.run(steps, parallelism, new StepExecutor.Listener() {
            @Override
            public void started(String step) {
                log.info("[up] " + step + " ...");
            }

            @Override
            public void finished(String step, String result) {
                log.info(String.format("[up] %s %s (%.1f s)", step, result, readyAt.getOrDefault(step, 0.0)));
            }
        });
        if (outcome.failure() != null) {
            throw failure(outcome, deployment);
        }
        if (!outcome.neverStarted().isEmpty()) {
            throw new StackException("These steps wait for each other and never started: " + outcome.neverStarted()
                    + ". Two projects require each other's capabilities; one of them must not");
        }
        keepTimes(deployment, times, taken);
        List<WrittenOutput> outputs = writeOutputs(deployment);
        List<ServiceReport> services = new ArrayList<>();
        int unchanged = 0;
        for (Deployment.Unit unit : deployment.units(Deployment.Kind.SERVICE)) {
            String host = engine.publishedAddress(unit.spec().labels().get(StackLabels.NODE));
            String address = unit.ports().values().stream()
                    .map(port -> host + ":" + port)
                    .reduce((a, b) -> a + ", " + b)
                    .orElse("-");
            services.add(new ServiceReport(
                    unit.id(), unit.project(), outcomes.get(unit.id()), address, readyAt.get(unit.id())));
        }
        for (StepOutcome step : outcomes.values()) {
            unchanged += step.unchanged() ? 1 : 0;
        }
        return new UpReport(
                services,
                outputs,
                (System.nanoTime() - start) / 1e9,
                outcomes.size() - unchanged,
                unchanged,
                Map.copyOf(readyAt));
    }

    /** Keeps the quickest times of the units that ran, for the next up's weights; without them it weighs by counts. */
    private void keepTimes(Deployment deployment, UnitTimes times, Map<String, Double> taken) {
        if (taken.isEmpty()) {
            return; // nothing ran: nothing to learn
        }
        for (Deployment.Unit unit : deployment.units()) {
            Double seconds = taken.get(unit.id());
            if (seconds != null) {
                times.record(unit, seconds);
            }
        }
        try {
            times.save();
        } catch (IOException e) {
            log.warn("Could not keep the units' times in " + times.file() + " (" + e.getMessage()
                    + "); the next up shares the cores by counting units instead");
        }
    }

    /**
     * Creates, in parallel and before anything starts, every container that is new or changed (replacing the
     * old ones), so each starts the moment what it waits for is ready: creating is a good part of a start.
     *
     * @return unit id to the id of its created, not yet started container
     */
    private Map<String, String> createAhead(
            Deployment deployment,
            Map<String, ContainerSummary> existing,
            int parallelism,
            Set<String> held,
            Map<String, Integer> weights)
            throws EngineException, InterruptedException {
        Map<String, ImageDetails> images = new ConcurrentHashMap<>();
        Map<String, String> created = new ConcurrentHashMap<>();
        List<StepExecutor.Step> steps = new ArrayList<>();
        for (Deployment.Unit unit : deployment.units()) {
            ContainerSummary old = existing.get(unit.spec().name());
            if (!changed(unit, existing)) {
                continue; // kept as it is, or (a one-shot) checked when its turn comes
            }
            // A step that borrows a service's namespace is created after that service's new container: the engine
            // takes the lender's name for the container it names at that moment, which must not be the one replaced.
            java.util.Set<String> after = lender(unit, deployment)
                    .filter(lender -> changed(lender, existing))
                    .map(lender -> java.util.Set.of(lender.id()))
                    .orElse(java.util.Set.of());
            steps.add(new StepExecutor.Step(unit.id(), after, () -> {
                if (old != null) {
                    removeGracefully(old, false);
                }
                ContainerSpec spec = toCreate(unit, deployment);
                Optional<ContainerSpec> heldSpec = toHold(unit, spec, images);
                if (heldSpec.isPresent()) {
                    spec = heldSpec.get();
                    held.add(unit.id());
                }
                String id = engine.create(spec);
                created.put(unit.id(), id);
                Integer weight = weights.get(unit.id());
                if (weight != null) {
                    engine.setCpuWeight(id, weight);
                }
                return "created";
            }));
        }
        StepExecutor.Outcome outcome = StepExecutor.run(steps, parallelism, QUIET);
        if (outcome.failure() != null) {
            for (String id : created.values()) {
                try {
                    engine.remove(id); // nothing half-made: created containers that will not start go again
                } catch (EngineException e) {
                    // An engine that failed the create may fail this too; the next up replaces what is left.
                    log.warn(e.getMessage());
                }
            }
            throw engineFailure(outcome);
        }
        return created;
    }

    /**
     * The spec of a unit's container held until its turn ({@link HeldStart}), where the engine can start one ahead and
     * the unit waits for something; empty otherwise.
     *
     * @param images the images inspected so far, by name: units of one project share theirs
     */
    private Optional<ContainerSpec> toHold(Deployment.Unit unit, ContainerSpec spec, Map<String, ImageDetails> images)
            throws EngineException {
        if (!engine.canStartAhead() || unit.after().isEmpty()) {
            return Optional.empty();
        }
        ImageDetails image = images.get(spec.image());
        if (image == null) {
            image = engine.inspectImage(spec.image());
            images.put(spec.image(), image);
        }
        return HeldStart.of(spec, image);
    }

    /** The first failure of engine work run on the step pool, as the engine's own exception. */
    private static EngineException engineFailure(StepExecutor.Outcome outcome) {
        return outcome.failure() instanceof EngineException engineException
                ? engineException
                : new EngineException(
                        outcome.failedStep() + ": " + outcome.failure().getMessage(), outcome.failure());
    }

    private static final StepExecutor.Listener QUIET = new StepExecutor.Listener() {
        @Override
        public void started(String step) {}

        @Override
        public void finished(String step, String result) {}
    };

    /**
     * Whether a provision step's provider was started by this up: a provider without a volume has lost what the
     * step made (a message broker's users, say), so the step runs again even though its container says done.
     */
    private static boolean providerStarted(Deployment.Unit unit, Map<String, StepOutcome> outcomes) {
        return unit.kind() == Deployment.Kind.PROVISION
                && unit.after().stream()
                        .anyMatch(service -> !outcomes.get(service).unchanged());
    }

    private StepOutcome startService(
            Deployment.Unit unit,
            ContainerSummary existing,
            String created,
            Duration timeout,
            CheckPace pace,
            StartAhead startAhead)
            throws EngineException, InterruptedException {
        StepOutcome.Action action;
        String id;
        if (created == null && existing != null && existing.running()) {
            id = existing.id();
            action = StepOutcome.Action.UNCHANGED;
            startAhead.started(unit.id());
        } else if (created == null && existing != null) {
            id = engine.start(existing.id(), unit.spec().image()); // same configuration, stopped: start it again
            action = StepOutcome.Action.RESTARTED;
            startAhead.started(unit.id());
            startAhead.releaseStarted(id); // a stopped up may have left it held
        } else {
            id = startAhead.start(unit, created);
            action = existing != null ? StepOutcome.Action.RECREATED : StepOutcome.Action.STARTED;
        }
        if (unit.healthcheck()) {
            // A container left as it was, which the engine's own checks find healthy, needs no check of ours (Ceph's is
            // half a second of Python); one that is starting or unhealthy gets them until it is ready.
            if (action != StepOutcome.Action.UNCHANGED) {
                ServiceReadiness.awaitStarted(engine, checkSlots, pace, unit, id, timeout);
            } else if (!engine.inspect(id).healthy()) {
                startAhead.releaseStarted(id); // a stopped up may have left it held
                ServiceReadiness.await(engine, checkSlots, pace, unit, id, timeout);
            }
            return new StepOutcome(action, StepOutcome.Ready.HEALTHY);
        }
        // No healthcheck anywhere: ready once it has run for a moment without exiting.
        if (action == StepOutcome.Action.UNCHANGED) {
            startAhead.releaseStarted(id); // nothing says whether a stopped up left it held
        }
        ContainerState state = awaitSettled(id);
        if (!state.running()) {
            throw new ContainerNotHealthyException(
                    "Service " + unit.id() + " exited with code " + state.exitCode()
                            + " right after it started. See more with: docker logs "
                            + unit.spec().name(),
                    state,
                    engine.lastLogLines(id, 40));
        }
        return new StepOutcome(action, StepOutcome.Ready.RUNNING);
    }

    private ContainerState awaitSettled(String id) throws EngineException {
        try {
            engine.waitForExit(id, SETTLE);
        } catch (EngineException stillRunning) {
            // running after the settle time: that is what we wanted
        }
        return engine.inspect(id);
    }

    private StepOutcome runOnce(
            Deployment.Unit unit,
            Deployment deployment,
            ContainerSummary existing,
            String created,
            Duration timeout,
            boolean providerStarted,
            StartAhead startAhead)
            throws EngineException, InterruptedException {
        String id = created;
        if (id == null) {
            // Same configuration as the container there: done already if it is the record of a success.
            if (!providerStarted && existing.labels().containsKey(StackLabels.FINISHED_AT)) {
                return StepOutcome.oneShot(StepOutcome.Action.ALREADY_DONE);
            }
            engine.remove(existing.id());
            id = engine.create(toCreate(unit, deployment));
        }
        Instant turn = Instant.now();
        id = startAhead.start(unit, id); // a Swarm runs the step as a job of its own
        int code = engine.waitForExit(id, timeout);
        if (code != 0) {
            throw new ContainerNotHealthyException(
                    unit.kind().name().toLowerCase(Locale.ROOT) + " step " + unit.id() + " exited with code " + code
                            + ". See more with: docker logs " + unit.spec().name(),
                    engine.inspect(id),
                    engine.lastLogLines(id, 40));
        }
        replaceByRecord(unit, deployment, id, turn);
        return StepOutcome.oneShot(StepOutcome.Action.DONE);
    }

    /**
     * A succeeded step's container goes (docker inspect would show its command and environment, secrets included)
     * and a record takes its name: never started, with the step's labels and when it ran, and nothing else. A failed
     * step's container stays, for its log.
     */
    private void replaceByRecord(Deployment.Unit unit, Deployment deployment, String id, Instant turn)
            throws EngineException {
        ContainerState ran = engine.inspect(id);
        Map<String, String> labels =
                new HashMap<>(owned(unit.spec(), deployment).labels());
        // A container started ahead ran its command from its turn on, not from its start.
        labels.put(StackLabels.STARTED_AT, (ran.startedAt().isAfter(turn) ? ran.startedAt() : turn).toString());
        labels.put(StackLabels.FINISHED_AT, ran.finishedAt().toString());
        engine.remove(id);
        engine.create(ContainerSpec.of(unit.spec().image())
                .withName(unit.spec().name())
                .withLabels(labels));
    }

    private StackException failure(StepExecutor.Outcome outcome, Deployment deployment) {
        Exception cause = outcome.failure();
        StringBuilder message = new StringBuilder(outcome.failedStep() + " failed: " + cause.getMessage());
        if (cause instanceof ContainerNotHealthyException notHealthy
                && !notHealthy.lastLogLines().isEmpty()) {
            message.append("\nIts last ")
                    .append(notHealthy.lastLogLines().size())
                    .append(" log lines:");
            notHealthy.lastLogLines().forEach(line -> message.append("\n  | ").append(line));
        }
        // log lines may echo a password
        return new StepFailedException(deployment.stack(), deployment.secrets().redact(message.toString()), cause);
    }

    /**
     * What to create for a unit: its spec, owned; a one-shot borrows the network namespace of a service it waits for,
     * where the engine allows, so it reaches the same names. On Docker 20.10 a namespace of its own on the stack's
     * network costs an embedded name server, set up by two runs of dockerd's own binary and a dozen iptables calls:
     * some 0.7 s of CPU and 0.65 s of each step's start. The unit's config hash stays that of its own spec, since
     * which service lends the namespace changes nothing the step does.
     */
    private ContainerSpec toCreate(Deployment.Unit unit, Deployment deployment) {
        ContainerSpec spec = lender(unit, deployment)
                .map(lender -> unit.spec()
                        .withNetwork(ContainerSpec.networkOf(lender.spec().name()), List.of()))
                .orElse(unit.spec());
        return owned(spec, deployment);
    }

    /** The service whose network namespace a one-shot borrows; empty for a service, or where the engine lends none. */
    private java.util.Optional<Deployment.Unit> lender(Deployment.Unit unit, Deployment deployment) {
        if (unit.kind() == Deployment.Kind.SERVICE || !engine.canShareNetworkNamespace()) {
            return java.util.Optional.empty();
        }
        return deployment.serviceBefore(unit);
    }

    /** Whether the unit's container is new or changed: created (again) before anything starts. */
    private static boolean changed(Deployment.Unit unit, Map<String, ContainerSummary> existing) {
        ContainerSummary old = existing.get(unit.spec().name());
        return old == null || !unit.configHash().equals(old.labels().get(StackLabels.CONFIG_HASH));
    }

    /** The spec with the labels that name the checkout it comes from: the id of its secrets, and where they are. */
    private static ContainerSpec owned(ContainerSpec spec, Deployment deployment) {
        Map<String, String> labels = new HashMap<>(spec.labels());
        labels.put(StackLabels.SECRETS, deployment.secrets().id());
        labels.put(
                StackLabels.STATE, deployment.stateDirectory().toAbsolutePath().toString());
        return spec.withLabels(labels);
    }

    /**
     * Fails before anything is touched when the stack's containers on this engine were made by another checkout (a
     * second clone with the same stack name): this one would replace them with containers that hold other secrets.
     */
    private static void checkOwner(Deployment deployment, java.util.Collection<ContainerSummary> existing)
            throws StackException {
        refuseForeign(
                deployment.stack(),
                new StackOwner(
                        deployment.secrets().id(), deployment.stateDirectory().toAbsolutePath()),
                existing,
                "take it down from that checkout first, or give this stack another name");
    }

    private static void refuseForeign(
            String stack, StackOwner owner, java.util.Collection<ContainerSummary> containers, String whatToDo)
            throws StackException {
        java.util.Optional<ContainerSummary> foreign = owner.firstForeign(containers);
        if (foreign.isPresent()) {
            throw new StackException("Stack " + stack
                    + " on this engine was brought up from another checkout (its secrets are in "
                    + foreign.get().labels().get(StackLabels.STATE) + "; this one's are in " + owner.stateDirectory()
                    + "). Nothing was touched: " + whatToDo);
        }
    }

    /** Fails before anything starts when a port a new container needs is taken by something outside the stack. */
    private void checkPortsFree(Deployment deployment, Map<String, ContainerSummary> existing) throws StackException {
        for (Deployment.Unit unit : deployment.units(Deployment.Kind.SERVICE)) {
            if (existing.containsKey(unit.spec().name())) {
                continue; // its own container holds the port; it is kept or replaced
            }
            for (int port : unit.ports().values()) {
                try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                    socket.setReuseAddress(true);
                } catch (IOException e) {
                    throw new PortTakenException(port, unit.project() + "/" + unit.id());
                }
            }
        }
    }

    private List<WrittenOutput> writeOutputs(Deployment deployment) throws IOException, StackException {
        List<WrittenOutput> files = new ArrayList<>();
        for (Deployment.Output output : deployment.outputs()) {
            Path file = deployment.stateDirectory().resolve(output.file()).normalize();
            if (!file.startsWith(deployment.stateDirectory().normalize())) {
                throw new StackException("Output " + output.file() + " of " + output.project()
                        + " would be written outside " + deployment.stateDirectory() + "; nothing was written");
            }
            PrivateFiles.write(file, output.content(), output.secret());
            files.add(new WrittenOutput(file, output.title(), output.content().strip()));
        }
        return files;
    }

    /**
     * Fails, touching nothing, when another checkout that still exists made the stack's containers on this engine:
     * they, and the data their secrets open, are that checkout's to take down.
     */
    public void checkDownAllowed(String stack, StackOwner owner) throws StackException, EngineException {
        refuseForeign(stack, owner, engine.containers(StackLabels.STACK, stack), "take it down from that checkout");
    }

    /**
     * Removes the stack's containers and network (and, when asked, its volumes), found by label, whichever checkout
     * made them.
     *
     * @return what was removed, for the log
     */
    public List<String> down(String stack, boolean removeVolumes) throws EngineException, InterruptedException {
        List<String> removed = new ArrayList<>();
        List<StepExecutor.Step> removals = new ArrayList<>();
        for (ContainerSummary container : engine.containers(StackLabels.STACK, stack)) {
            removals.add(new StepExecutor.Step(container.name(), java.util.Set.of(), () -> {
                removeGracefully(container, removeVolumes);
                return "removed";
            }));
            removed.add("container " + container.name());
        }
        // All at once: each may take its grace period to stop.
        StepExecutor.Outcome outcome = StepExecutor.run(removals, Math.max(1, removals.size()), QUIET);
        if (outcome.failure() != null) {
            throw engineFailure(outcome);
        }
        for (String network : engine.networks(StackLabels.STACK, stack)) {
            engine.removeNetwork(network);
            removed.add("network " + network);
        }
        // A Swarm's copies of the secrets; the checkout's secrets.properties stays, and makes them again.
        engine.removeSecrets(StackLabels.STACK, stack).forEach(secret -> removed.add("secret " + secret));
        if (removeVolumes) {
            for (VolumeSummary volume : engine.volumes(StackLabels.STACK, stack)) {
                engine.removeVolume(volume.name());
                removed.add("volume " + volume.name());
            }
        }
        return removed;
    }

    /**
     * Removes a container; a service is first asked to stop and given {@link #STOP_GRACE} (a database shuts down
     * cleanly), and the data of its image's VOLUME stays unless {@code anonymousVolumes}. A one-shot's goes.
     */
    private void removeGracefully(ContainerSummary container, boolean anonymousVolumes) throws EngineException {
        boolean service =
                Deployment.Kind.SERVICE.label().equals(container.labels().get(StackLabels.KIND));
        if (service && container.running()) {
            engine.stop(container.id(), STOP_GRACE);
        }
        engine.remove(container.id(), anonymousVolumes || !service);
    }

    /**
     * One container of a stack, as {@link #status} finds it.
     *
     * @param kind       the unit's kind label (service, provision, init), or null on a container without one
     * @param finishedAt for a one-shot's record, when the step finished; else null
     * @param published  the host addresses its ports are published on
     * @param nodes      the machines it runs on, when the engine names them (a Swarm's nodes)
     * @param checkedNow the exit code of the container's own check, run by status itself because the engine has not
     *                   run it yet (health {@code starting}); empty when status ran none
     */
    public record UnitStatus(
            String unit,
            String kind,
            ContainerState state,
            java.time.Instant finishedAt,
            List<String> published,
            String image,
            String imageId,
            List<String> nodes,
            OptionalInt checkedNow) {}

    /**
     * Every container of the stack, by unit. A running container the engine has not checked yet (its first check
     * comes one interval after start, and up checks readiness itself) gets its check run once, all such at once.
     */
    public List<UnitStatus> status(String stack) throws EngineException {
        List<ContainerSummary> containers = engine.containers(StackLabels.STACK, stack);
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(8, containers.size())));
        try {
            List<Future<UnitStatus>> futures = new ArrayList<>();
            for (ContainerSummary container : containers) {
                futures.add(pool.submit(() -> status(container)));
            }
            List<UnitStatus> units = new ArrayList<>();
            for (Future<UnitStatus> future : futures) {
                units.add(await(future));
            }
            units.sort(java.util.Comparator.comparing(UnitStatus::unit));
            return units;
        } finally {
            pool.shutdownNow();
        }
    }

    private UnitStatus status(ContainerSummary container) throws EngineException {
        String finishedAt = container.labels().get(StackLabels.FINISHED_AT);
        ContainerState state = engine.inspect(container.id());
        OptionalInt checkedNow = OptionalInt.empty();
        if (state.running() && ContainerState.STARTING.equals(state.health())) {
            try {
                List<String> check = engine.healthcheckCommand(container.id());
                if (!check.isEmpty()) {
                    checkedNow = engine.exec(container.id(), check, Healthcheck.DEFAULT_TIMEOUT);
                }
            } catch (EngineException checkNotRun) {
                // Most often the container stopped between the inspect and the check; whatever the cause, the
                // engine's verdict stands, and an engine that no longer answers fails the next call.
            }
        }
        return new UnitStatus(
                container.labels().getOrDefault(StackLabels.UNIT, container.name()),
                container.labels().get(StackLabels.KIND),
                state,
                finishedAt == null ? null : java.time.Instant.parse(finishedAt),
                container.published(),
                container.image(),
                container.imageId(),
                engine.nodes(container.id()),
                checkedNow);
    }

    private static UnitStatus await(Future<UnitStatus> future) throws EngineException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineException("Interrupted while reading the stack's containers", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof EngineException engineException) {
                throw engineException;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
