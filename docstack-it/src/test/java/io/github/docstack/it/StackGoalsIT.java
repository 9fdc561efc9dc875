package io.github.docstack.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.docstack.stack.StackLabels;
import io.github.docstack.stack.StackLock;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** mvn docstack:up, status, logs and down, as a developer runs them, in a directory with only a stack file. */
class StackGoalsIT {

    @RegisterExtension
    static final RealEngine REAL = new RealEngine();

    @TempDir
    Path work;

    @Test
    void upStatusLogsDownWithTheRealMaven() throws Exception {
        copyDemo();
        Path settings = MavenRun.settings(work, "");
        try {
            MavenRun.Result up =
                    MavenRun.run(work, settings, "-X", "docstack:up"); // debug output, fabric8's API trace included
            assertTrue(up.succeeded(), up.log());
            assertTrue(up.log().contains("Stack demo is up in"), up.log());
            assertTrue(up.log().contains("[DEBUG] POST to"), "the API trace is there");
            java.util.Properties secrets = new java.util.Properties();
            try (java.io.Reader in = Files.newBufferedReader(work.resolve(".docstack/demo/secrets.properties"))) {
                secrets.load(in);
            }
            secrets.forEach((key, secret) -> assertFalse(
                    !key.toString().equals("docstack.secrets-id") && up.log().contains(secret.toString()),
                    "secret " + key + " is not in -X output"));
            assertTrue(
                    up.log()
                            .matches(
                                    "(?s).*webapp\\s+webapp\\s+healthy\\s+127\\.0\\.0\\.1:7002\\s+[0-9.]+s\\s+started, healthy.*"),
                    up.log());
            assertTrue(up.log().contains("Output: " + work.resolve(".docstack/demo/webapp.url")), up.log());

            MavenRun.Result status = MavenRun.run(work, settings, "docstack:status");
            assertTrue(
                    status.log()
                            .matches(
                                    "(?s).*init-webapp-check-account\\s+init\\s+done \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ\\s.*"),
                    "a succeeded step shows as done, with when:\n" + status.log());
            assertTrue(
                    status.log()
                            .matches(
                                    "(?s).*kvstore\\s+service\\s+running\\s+healthy\\s+127\\.0\\.0\\.1:\\d+\\s+\\S+:\\S+\\s+[0-9a-f]{12}\n.*"),
                    "status shows where kvstore answers, its image and short digest:\n" + status.log());

            MavenRun.Result logs = MavenRun.run(work, settings, "docstack:logs", "-Ddocstack.service=kvstore");
            assertTrue(logs.log().contains("kvstore listening on 7001"), logs.log());
        } finally {
            MavenRun.Result down = MavenRun.run(work, settings, "docstack:down", "-Ddocstack.removeVolumes");
            assertTrue(down.succeeded(), down.log());
            assertTrue(down.log().contains("Removed volume demo_kvdata"), down.log());
            assertTrue(down.log().contains("Removed the stack's secrets"), down.log());
        }
        assertEquals(List.of(), REAL.engine().containers(StackLabels.STACK, "demo"));
        assertFalse(Files.exists(work.resolve(".docstack/demo/secrets.properties")));
    }

    @Test
    void aPortInUseIsNamedBeforeAnythingStarts() throws Exception {
        copyDemo();
        try (ServerSocket taken = new ServerSocket(7003, 1, InetAddress.getLoopbackAddress())) {
            MavenRun.Result up = MavenRun.run(work, MavenRun.settings(work, ""), "docstack:up");
            assertFalse(up.succeeded());
            assertTrue(
                    up.log()
                            .contains(
                                    "Port 7003 on 127.0.0.1, which clock/clock publishes, is already in use: stop what uses it,"
                                            + " or run the stack with -Ddocstack.portOffset=1000"),
                    up.log());
            assertFalse(up.log().lines().anyMatch(line -> line.matches("\\s+at [\\w.$]+\\(.*\\)")), "no stack trace");
            assertEquals(List.of(), REAL.engine().containers(StackLabels.STACK, "demo"), "nothing was started");
        } finally {
            MavenRun.run(work, MavenRun.settings(work, ""), "docstack:down", "-Ddocstack.removeVolumes");
        }
    }

    @Test
    void twoUpsOfOneStackTakeTurnsAndTheirSecretsOpenTheData() throws Exception {
        copyDemo();
        Path clock = work.resolve("clock/docstack/docstack.yaml");
        Files.writeString(
                clock, Files.readString(clock).replace("DELAY: \"2\"", "DELAY: \"15\"")); // the first up holds on
        Path settings = MavenRun.settings(work, "");
        Path locks = Path.of(System.getProperty("user.home"), ".docstack", "locks");
        Process first = MavenRun.start(work, settings, "docstack:up");
        try {
            long deadline = System.nanoTime() + java.time.Duration.ofMinutes(2).toNanos();
            while (!holderNoteExists(locks)) {
                assertTrue(System.nanoTime() < deadline && first.isAlive(), "the first up never took the stack's lock");
                Thread.sleep(50);
            }
            MavenRun.Result second = MavenRun.run(work, settings, "docstack:up");
            assertTrue(second.succeeded(), second.log());
            assertTrue(first.waitFor(2, java.util.concurrent.TimeUnit.MINUTES));
            assertEquals(0, first.exitValue(), "the first up finished undisturbed");

            // While someone holds the stack, a goal that may not wait changes nothing and names the holder.
            try (StackLock held = StackLock.acquire(
                    locks,
                    REAL.engine().address().url(),
                    "demo",
                    "a test holding the stack",
                    java.time.Duration.ZERO,
                    holder -> {})) {
                MavenRun.Result refused = MavenRun.run(work, settings, "docstack:down", "-Ddocstack.lockWait=1");
                assertFalse(refused.succeeded(), refused.log());
                assertTrue(
                        refused.log()
                                .contains("Stack demo is busy: a test holding the stack, process "
                                        + ProcessHandle.current().pid()),
                        refused.log());
                assertTrue(refused.log().contains("-Ddocstack.lockWait=SECONDS waits longer"), refused.log());
                assertEquals(
                        3,
                        REAL.engine().containers(StackLabels.STACK, "demo").stream()
                                .filter(c -> c.running())
                                .count(),
                        "nothing was changed");
            }

            MavenRun.Result third = MavenRun.run(work, settings, "docstack:up");
            assertTrue(third.succeeded(), third.log());
            assertTrue(third.log().contains("Stack demo is up in"), third.log());
            assertEquals(
                    "webapp: account ok\n",
                    java.net.http.HttpClient.newHttpClient()
                            .send(
                                    java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:7002/"))
                                            .build(),
                                    java.net.http.HttpResponse.BodyHandlers.ofString())
                            .body(),
                    "the one set of secrets in .docstack/ opens the data");
        } finally {
            first.destroyForcibly();
            MavenRun.run(work, settings, "docstack:down", "-Ddocstack.removeVolumes");
        }
    }

    private static boolean holderNoteExists(Path locks) throws java.io.IOException {
        if (!Files.isDirectory(locks)) {
            return false;
        }
        try (var notes = Files.list(locks)) {
            return notes.anyMatch(note -> note.getFileName().toString().endsWith("--demo.holder"));
        }
    }

    @Test
    void anInterruptedUpLeavesNothingDownCannotRemove() throws Exception {
        copyDemo();
        Path settings = MavenRun.settings(work, "");
        Process up = MavenRun.start(work, settings, "docstack:up");
        try {
            // Interrupt as soon as the stack has containers (mid-way: the clock takes two seconds to be ready).
            long deadline = System.nanoTime() + java.time.Duration.ofMinutes(2).toNanos();
            while (REAL.engine().containers(StackLabels.STACK, "demo").isEmpty()) {
                assertTrue(System.nanoTime() < deadline && up.isAlive(), "up never made a container");
                Thread.onSpinWait();
            }
            MavenRun.terminate(up);
            assertTrue(up.waitFor(1, java.util.concurrent.TimeUnit.MINUTES), "up stopped when interrupted");
        } finally {
            up.destroyForcibly();
        }

        MavenRun.Result down = MavenRun.run(work, settings, "docstack:down", "-Ddocstack.removeVolumes");
        assertTrue(down.succeeded(), down.log());
        assertEquals(List.of(), REAL.engine().containers(StackLabels.STACK, "demo"));
        assertEquals(List.of(), REAL.engine().networks(StackLabels.STACK, "demo"));
        assertEquals(
                List.of(),
                REAL.engine().volumes(StackLabels.STACK, "demo"),
                "down -Ddocstack.removeVolumes drops the data");
        assertTrue(
                !java.nio.file.Files.exists(work.resolve(".docstack/demo")),
                "and the stack's secrets and outputs with it");
    }

    private void copyDemo() throws Exception {
        TestResources.copy("/stacks/demo", work);
    }
}
