package io.github.docstack.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.docstack.stack.StackLabels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Interrupts the real {@code mvn docstack:up} with SIGTERM, as Ctrl-C or a CI abort does, at random moments, round
 * after round, on a stack of twenty small services of which three never get healthy: each up stops soon after it
 * is told to, and at the end nothing is left that {@code down} cannot remove, and no temporary file.
 * {@code -Ddocstack.it.soakRounds} sets the rounds (20).
 */
class InterruptSoakIT {

    @RegisterExtension
    static final RealEngine REAL = new RealEngine();

    private static final int SERVICES = 20;
    private static final int NEVER_HEALTHY = 3;
    private static final long LATEST_INTERRUPT_MILLIS = 14_000; // Maven takes about 4 s to start; up about 10 more

    @TempDir
    Path work;

    @Test
    void upInterruptedAtRandomMomentsLeavesNothingDownCannotRemove() throws Exception {
        TestResources.copy("/stacks/demo", work);
        writeSoakStack();
        Path settings = MavenRun.settings(work, "");
        int rounds = Integer.getInteger("docstack.it.soakRounds", 20);
        long seed = System.nanoTime();
        Random random = new Random(seed);
        long start = System.nanoTime();
        long longestStop = 0;
        try {
            for (int round = 1; round <= rounds; round++) {
                long interruptAfter = (long) (random.nextDouble() * LATEST_INTERRUPT_MILLIS);
                Process up = MavenRun.start(
                        work, settings, "docstack:up", "-Ddocstack.healthTimeout=30", "-Ddocstack.stack=soak.yaml");
                try {
                    boolean finished = up.waitFor(interruptAfter, TimeUnit.MILLISECONDS);
                    long stopAsked = System.nanoTime();
                    MavenRun.terminate(up);
                    assertTrue(
                            up.waitFor(60, TimeUnit.SECONDS),
                            "round " + round + ": up stopped within a minute of SIGTERM");
                    long stopMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stopAsked);
                    longestStop = Math.max(longestStop, stopMillis);
                    System.out.printf(
                            "[soak] round %d: SIGTERM after %d ms%s, stopped in %d ms, %d containers%n",
                            round,
                            interruptAfter,
                            finished ? " (up had already ended)" : "",
                            stopMillis,
                            REAL.engine().containers(StackLabels.STACK, "soak").size());
                } finally {
                    up.destroyForcibly();
                }
            }
        } finally {
            MavenRun.Result down = MavenRun.run(
                    work, settings, "docstack:down", "-Ddocstack.stack=soak.yaml", "-Ddocstack.removeVolumes");
            assertTrue(down.succeeded(), down.log());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                "[soak] %d rounds (seed %d) in %.0f s; the longest stop after SIGTERM took %d ms%n",
                rounds, seed, seconds, longestStop);

        assertEquals(List.of(), REAL.engine().containers(StackLabels.STACK, "soak"), "no container left");
        assertEquals(List.of(), REAL.engine().networks(StackLabels.STACK, "soak"), "no network left");
        assertEquals(List.of(), REAL.engine().volumes(StackLabels.STACK, "soak"), "no volume left");
        try (Stream<Path> files = Files.walk(work)) {
            assertEquals(
                    List.of(),
                    files.filter(file -> file.getFileName().toString().endsWith(".tmp"))
                            .toList(),
                    "no temporary file left");
        }
    }

    /** One project of twenty services on the demo's image: seventeen get healthy within three seconds, three never. */
    private void writeSoakStack() throws Exception {
        StringBuilder manifest = new StringBuilder("""
                apiVersion: docstack/v1
                name: many
                description: Twenty small services, three of which never get healthy
                build: {context: ../..}
                services:
                """);
        for (int i = 1; i <= SERVICES; i++) {
            int port = 7100 + i;
            boolean healthy = i > NEVER_HEALTHY;
            manifest.append("  s")
                    .append(String.format("%02d", i))
                    .append(":\n")
                    .append("    environment: {ROLE: clock, PORT: \"")
                    .append(port)
                    .append("\", DELAY: \"")
                    .append(i % 4)
                    .append("\"}\n")
                    .append("    healthcheck: {command: [perl, /srv/probe.pl, \"")
                    .append(healthy ? port : 1)
                    .append("\"], interval: 500ms}\n");
        }
        Path project = Files.createDirectories(work.resolve("many/docstack"));
        Files.writeString(project.resolve("docstack.yaml"), manifest.toString());
        Files.copy(work.resolve("clock/docstack/Dockerfile"), project.resolve("Dockerfile"));
        Files.writeString(
                work.resolve("soak.yaml"),
                "apiVersion: docstack/v1\nkind: Stack\nname: soak\nprojects:\n  - {name: many, path: many}\n");
    }
}
