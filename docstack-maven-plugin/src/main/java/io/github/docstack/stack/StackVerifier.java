package io.github.docstack.stack;

import io.github.docstack.engine.ContainerSpec;
import io.github.docstack.engine.ContainerSummary;
import io.github.docstack.engine.Engine;
import io.github.docstack.engine.EngineException;
import io.github.docstack.engine.EngineLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Runs a stack's acceptance tests (the projects' {@code verify:} steps) against the stack once it is up, one
 * after another, each as a one-shot container on the stack network, its log streamed as it runs and its JUnit XML
 * collected on the host. The containers stay (labelled with the stack) for inspection until down.
 */
public final class StackVerifier {

    /** The environment variable that hands the user's test filter to every verify step. */
    public static final String FILTER_VARIABLE = "DOCSTACK_VERIFY_FILTER";

    /**
     * One verify step's outcome.
     *
     * @param reports the host directory its JUnit XML was collected in, or null when the step writes none
     */
    public record Result(
            String id, String project, int exitCode, double seconds, Path reports, List<String> lastLogLines) {

        public boolean passed() {
            return exitCode == 0;
        }
    }

    private final Engine engine;
    private final EngineLog log;

    public StackVerifier(Engine engine, EngineLog log) {
        this.engine = engine;
        this.log = log;
    }

    /**
     * Runs every verify step of the deployment.
     *
     * @param reportsRoot each step's JUnit XML lands in {@code reportsRoot/PROJECT/}
     * @param filter      handed to each step as {@link #FILTER_VARIABLE}; null or empty for the step's default
     * @param timeout     how long one step may run
     */
    public List<Result> verify(Deployment deployment, Path reportsRoot, String filter, Duration timeout)
            throws StackException, EngineException, IOException {
        if (deployment.verifications().isEmpty()) {
            throw new StackException(
                    "No project of stack " + deployment.stack() + " has a verify: section, so there is"
                            + " nothing to run: add a project that carries its acceptance tests (the sample cloud's tempest, say)");
        }
        Map<String, ContainerSummary> containers = new HashMap<>();
        engine.containers(StackLabels.STACK, deployment.stack())
                .forEach(container -> containers.put(container.name(), container));
        checkUp(deployment, containers);
        List<Result> results = new ArrayList<>();
        for (Deployment.Verification verification : deployment.verifications()) {
            ContainerSummary old = containers.get(verification.spec().name());
            if (old != null) {
                engine.remove(old.id()); // a test run is never "already done": each verify runs again
            }
            results.add(run(
                    verification, deployment.secrets(), reportsRoot.resolve(verification.project()), filter, timeout));
        }
        return results;
    }

    private static void clear(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                if (Files.isRegularFile(file)) {
                    Files.delete(file);
                }
            }
        }
    }

    /** Tests against a stack that is not (fully) up would fail for the wrong reason: say so instead. */
    private static void checkUp(Deployment deployment, Map<String, ContainerSummary> containers)
            throws StackNotUpException {
        List<String> notRunning = new ArrayList<>();
        for (Deployment.Unit service : deployment.units(Deployment.Kind.SERVICE)) {
            ContainerSummary container = containers.get(service.spec().name());
            if (container == null || !container.running()) {
                notRunning.add(service.id());
            }
        }
        if (!notRunning.isEmpty()) {
            throw new StackNotUpException(deployment.stack(), notRunning);
        }
    }

    private Result run(
            Deployment.Verification verification,
            Deployment.Secrets secrets,
            Path reports,
            String filter,
            Duration timeout)
            throws EngineException, IOException {
        ContainerSpec spec = verification.spec();
        Map<String, String> environment = new LinkedHashMap<>(spec.environment());
        environment.put(FILTER_VARIABLE, filter == null ? "" : filter);
        spec = spec.withEnvironment(environment);
        if (verification.reports() != null) {
            Files.createDirectories(reports);
            clear(reports); // a run that writes no report must not leave the last run's for CI to publish
            Map<String, String> volumes = new HashMap<>(spec.volumes());
            volumes.put(
                    reports.toAbsolutePath().toString(), verification.reports()); // a bind mount: the host collects it
            spec = spec.withVolumes(volumes);
        }
        log.info("[verify] " + verification.id() + " ...");
        long start = System.nanoTime();
        String id = engine.run(spec);
        Thread follower = new Thread(
                () -> {
                    try {
                        engine.followLogs(id, line -> log.info("[" + verification.id() + "] " + secrets.redact(line)));
                    } catch (EngineException e) {
                        log.warn("[verify] the log of " + verification.id() + " could not be followed: "
                                + e.getMessage());
                    }
                },
                "docstack-verify-log");
        follower.setDaemon(true);
        follower.start();
        int exitCode;
        try {
            exitCode = engine.waitForExit(id, timeout);
        } catch (EngineException stillRunning) {
            engine.remove(id);
            throw new EngineException(
                    verification.id() + " still ran after " + timeout.toSeconds() + " s and was stopped;"
                            + " give it longer (docstack.healthTimeout) or run fewer tests (docstack.verify.filter)",
                    stillRunning);
        }
        try {
            follower.join(Duration.ofSeconds(5).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        log.info(String.format("[verify] %s exited with %d (%.1f s)", verification.id(), exitCode, seconds));
        return new Result(
                verification.id(),
                verification.project(),
                exitCode,
                seconds,
                verification.reports() == null ? null : reports,
                exitCode == 0
                        ? List.of()
                        : engine.lastLogLines(id, 40).stream()
                                .map(secrets::redact)
                                .toList());
    }
}
