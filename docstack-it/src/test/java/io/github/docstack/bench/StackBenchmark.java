package io.github.docstack.bench;

import io.github.docstack.engine.ContainerSpec;
import io.github.docstack.engine.Engine;
import io.github.docstack.engine.EngineAddress;
import io.github.docstack.engine.EngineLog;
import io.github.docstack.engine.Healthcheck;
import io.github.docstack.it.TestResources;
import io.github.docstack.stack.ComposeExport;
import io.github.docstack.stack.Deployment;
import io.github.docstack.stack.Stack;
import io.github.docstack.stack.StackLoader;
import io.github.docstack.stack.StackPreparer;
import io.github.docstack.stack.StackRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.ToDoubleFunction;

/**
 * docstack up against its ideal and against docker-compose 1.29.2, side by side: a synthetic stack of 8 services
 * in 3 dependency levels whose readiness takes known times (1-3 s), images already built, nothing running;
 * alternating rounds, medians compared.
 * Run: {@code ./mvnw -pl docstack-it -Pbench verify}.
 */
public final class StackBenchmark {

    /** name -> {delay seconds, required capabilities...}: three levels. */
    private static final Map<String, String[]> SERVICES = new LinkedHashMap<>();

    static {
        SERVICES.put("a1", new String[] {"1"});
        SERVICES.put("a2", new String[] {"2"});
        SERVICES.put("a3", new String[] {"3"});
        SERVICES.put("b1", new String[] {"1", "a1"});
        SERVICES.put("b2", new String[] {"2", "a2", "a3"});
        SERVICES.put("c1", new String[] {"1", "b1", "b2"});
        SERVICES.put("c2", new String[] {"2", "b2"});
        SERVICES.put("c3", new String[] {"3", "a1"});
    }

    public static void main(String[] args) throws Exception {
        Path work = Files.createTempDirectory("docstack-bench-stack");
        writeStack(work);
        Stack stack = StackLoader.load(work.resolve("stack.yaml")).stack();
        try (Engine engine = Engine.connect(
                EngineAddress.resolve(System.getProperty("docstack.dockerHost"), System.getenv()), EngineLog.SILENT)) {
            StackRunner runner = new StackRunner(engine, EngineLog.SILENT);
            StackPreparer.Prepared prepared =
                    StackPreparer.prepare(stack, engine, EngineLog.SILENT, 0, 8); // builds the images
            Deployment deployment = prepared.deployment();
            StackRunner.Timeouts timeouts = new StackRunner.Timeouts(Duration.ofMinutes(2), Duration.ofMinutes(2));
            runner.down(stack.name(), true);

            double ideal = criticalPath();
            String image = deployment.units().stream()
                    .filter(unit -> unit.id().equals("bench-a1"))
                    .findFirst()
                    .orElseThrow()
                    .spec()
                    .image();
            Rounds floor = engineFloor(engine, image, 1);
            List<Integer> levelSizes = levelSizes();
            Map<Integer, Rounds> floors = new LinkedHashMap<>(); // levels of one size share their measurement
            double levelFloors = 0;
            for (int size : levelSizes) {
                if (!floors.containsKey(size)) {
                    floors.put(size, engineFloor(engine, image, size));
                }
                levelFloors += floors.get(size).median();
            }
            List<String> levelFigures = new ArrayList<>();
            floors.forEach((size, rounds) -> levelFigures.add(size + " at once: " + rounds.describe()));
            ComposeExport.ComposeFiles files =
                    ComposeExport.write(deployment, prepared.secrets(), work.resolve("compose"));
            SideBySide runs = SideBySide.run(
                    engine, deployment, timeouts, files.compose(), "benchcompose", Duration.ofMinutes(5));
            Rounds docstack = runs.docstack;
            Rounds compose = runs.compose;
            StackRunner.UpReport up = runs.medianDocstackRound();

            System.out.printf(
                    "[bench] stack of %d services in 3 levels, readiness 1-3 s: ideal critical path %.1f s%n",
                    SERVICES.size(), ideal);
            System.out.printf(
                    "[bench] docstack up to all healthy: %s, %.2fx the ideal (target <= 1.3)%n",
                    docstack.describe(), docstack.median() / ideal);
            System.out.printf(
                    "[bench] docker-compose 1.29 up to all healthy: %s, %.2fx the ideal; docstack/docker-compose = %.2f"
                            + " (target <= 1.0)%n",
                    compose.describe(), compose.median() / ideal, docstack.median() / compose.median());
            System.out.printf(
                    "[bench] engine floor, one container from start to healthy with no delay: %s; the ideal plus 3"
                            + " levels of it: %.1f s; docstack is %.2fx that%n",
                    floor.describe(), ideal + 3 * floor.median(), docstack.median() / (ideal + 3 * floor.median()));
            System.out.printf(
                    "[bench] the engine bringing up each level's containers at once, with no delay (levels of %s; %s):"
                            + " the ideal plus those: %.1f s; docstack is %.2fx that%n",
                    levelSizes,
                    String.join("; ", levelFigures),
                    ideal + levelFloors,
                    docstack.median() / (ideal + levelFloors));
            System.out.printf(
                    "[bench] no-op second up: %.2f s (%d of %d steps unchanged)%n",
                    runs.noopSeconds(),
                    runs.noop().unchanged(),
                    deployment.units().size());
            System.out.println("[bench] the median docstack round:");
            for (StackRunner.ServiceReport service : up.services()) {
                System.out.printf("[bench]   %-10s ready at %.1f s%n", service.service(), service.secondsToReady());
            }
        }
    }

    /**
     * What the engine itself needs per level, which no scheduler can save: start {@code count} containers of the
     * benchmark's image at once, as a level of the stack starts, with no delay, and wait for their healthchecks (same
     * probe, same interval) to pass, from the first start to the last one healthy.
     */
    private static Rounds engineFloor(Engine engine, String image, int count) throws Exception {
        Rounds floor = new Rounds();
        ExecutorService starts = Executors.newFixedThreadPool(count);
        try {
            for (int round = 0; round < Rounds.COUNT; round++) {
                List<String> ids = new ArrayList<>();
                try {
                    for (int i = 0; i < count; i++) {
                        String port = String.valueOf(7190 + i);
                        ids.add(engine.create(ContainerSpec.of(image)
                                .withName("bench-floor-" + i)
                                .withEnvironment(Map.of("ROLE", "clock", "PORT", port, "DELAY", "0"))
                                .withHealthcheck(Healthcheck.of(
                                        List.of("perl", "/srv/probe.pl", port), Duration.ofMillis(200), 120))));
                    }
                    long start = System.nanoTime();
                    List<Future<Duration>> healthy = new ArrayList<>();
                    for (String id : ids) {
                        healthy.add(starts.submit(() -> {
                            engine.start(id, image);
                            return engine.waitHealthy(id, Duration.ofSeconds(60));
                        }));
                    }
                    for (Future<Duration> each : healthy) {
                        each.get();
                    }
                    floor.add((System.nanoTime() - start) / 1e9);
                } finally {
                    for (String id : ids) {
                        engine.remove(id);
                    }
                }
            }
        } finally {
            starts.shutdownNow();
        }
        return floor;
    }

    /** How many services each dependency level holds: level one needs nothing, level two needs level one, ... */
    private static List<Integer> levelSizes() {
        List<Integer> sizes = new ArrayList<>();
        for (double chain : longestChains(service -> 1).values()) {
            int depth = (int) chain;
            while (sizes.size() < depth) {
                sizes.add(0);
            }
            sizes.set(depth - 1, sizes.get(depth - 1) + 1);
        }
        return sizes;
    }

    /** The longest chain of readiness delays: what a perfect scheduler needs. */
    private static double criticalPath() {
        return longestChains(service -> Double.parseDouble(service[0])).values().stream()
                .mapToDouble(Double::doubleValue)
                .max()
                .orElse(0);
    }

    /**
     * For each service, the heaviest chain of services it waits for, itself included, each weighing {@code weight}
     * of its entry in {@link #SERVICES}.
     */
    private static Map<String, Double> longestChains(ToDoubleFunction<String[]> weight) {
        Map<String, Double> chain = new LinkedHashMap<>();
        for (Map.Entry<String, String[]> service : SERVICES.entrySet()) {
            double below = 0;
            for (int i = 1; i < service.getValue().length; i++) {
                below = Math.max(below, chain.get(service.getValue()[i]));
            }
            chain.put(service.getKey(), below + weight.applyAsDouble(service.getValue()));
        }
        return chain;
    }

    private static void writeStack(Path work) throws Exception {
        TestResources.copy("/stacks/demo/lib", work.resolve("lib"));
        String dockerfile = Files.readString(Path.of(StackBenchmark.class
                .getResource("/stacks/demo/clock/docstack/Dockerfile")
                .toURI()));
        List<String> projects = new ArrayList<>();
        int port = 7101;
        for (Map.Entry<String, String[]> service : SERVICES.entrySet()) {
            String name = "bench-" + service.getKey();
            StringBuilder manifest = new StringBuilder("apiVersion: docstack/v1\nname: " + name
                    + "\nbuild: {context: ../..}\n" + "provides: [{capability: " + service.getKey() + "}]\n");
            if (service.getValue().length > 1) {
                manifest.append("requires:\n");
                for (int i = 1; i < service.getValue().length; i++) {
                    manifest.append("  - capability: ")
                            .append(service.getValue()[i])
                            .append('\n');
                }
            }
            manifest.append("services:\n  ")
                    .append(name)
                    .append(":\n    environment: {ROLE: clock, PORT: \"")
                    .append(port)
                    .append("\", DELAY: \"")
                    .append(service.getValue()[0])
                    .append("\"}\n    ports: [")
                    .append(port)
                    .append("]\n    healthcheck: {command: [perl, /srv/probe.pl, \"")
                    .append(port)
                    .append("\"], interval: 2s, start_interval: 200ms}\n")
                    .append("ignore: [port-not-exposed]\n");
            Path docstack = Files.createDirectories(work.resolve(name).resolve("docstack"));
            Files.writeString(docstack.resolve("docstack.yaml"), manifest);
            Files.writeString(docstack.resolve("Dockerfile"), dockerfile);
            projects.add("  - {name: " + name + ", path: " + name + "}");
            port++;
        }
        Files.writeString(
                work.resolve("stack.yaml"),
                "apiVersion: docstack/v1\nkind: Stack\nname: bench\nprojects:\n" + String.join("\n", projects) + "\n");
    }
}
