package io.github.docstack.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Waiting on a long-running Maven (docstack:watch) and what it serves, with its log in the failure. */
final class WatchedRun {

    private WatchedRun() {}

    static void awaitTrue(Duration within, BooleanSupplier condition, Process watch, Path log, String what)
            throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline || !watch.isAlive()) {
                throw new AssertionError(
                        "not seen within " + within.toSeconds() + " s: " + what + "\n" + Files.readString(log));
            }
            watch.waitFor(100, TimeUnit.MILLISECONDS); // a pause that ends early if the watch dies
        }
    }

    static boolean logged(Path log, String text) {
        return occurrences(log, text) > 0;
    }

    /** How often {@code text} is in the log so far. */
    static int occurrences(Path log, String text) {
        try {
            return Files.readString(log).split(java.util.regex.Pattern.quote(text), -1).length - 1;
        } catch (java.io.IOException e) {
            return 0;
        }
    }

    static String get(String url) {
        try {
            return HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(url))
                                    .timeout(Duration.ofSeconds(5))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
        } catch (Exception e) {
            return "(" + e + ")";
        }
    }

    /** Ctrl-C for the watch (it must stop within a minute), then down of its stack with the volumes. */
    static void stopAndTakeDown(Process watch, Path work, Path settings) throws Exception {
        MavenRun.terminate(watch);
        assertTrue(watch.waitFor(1, TimeUnit.MINUTES), "watch stops on SIGTERM");
        MavenRun.Result down = MavenRun.run(work, settings, "docstack:down", "-Ddocstack.removeVolumes");
        assertTrue(down.succeeded(), down.log());
    }

    /** Runs the docker command; fails the test unless it exits 0. */
    static String docker(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("docker"));
        command.addAll(List.of(arguments));
        Process docker = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(docker.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, docker.waitFor(), output);
        return output;
    }
}
