package io.github.docstack.it;

import static io.github.docstack.it.WatchedRun.awaitTrue;
import static io.github.docstack.it.WatchedRun.docker;
import static io.github.docstack.it.WatchedRun.get;
import static io.github.docstack.it.WatchedRun.logged;
import static io.github.docstack.it.WatchedRun.occurrences;
import static io.github.docstack.it.WatchedRun.stopAndTakeDown;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.docstack.stack.StackLabels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mvn docstack:watch} on the demo stack, its projects built from their paths: a saved change to the source
 * is served by the running stack within seconds, rebuilt or (with a sync+restart rule) copied in; a change that does
 * not build, or does not start (rebuilt: its previous images are put back), is reported, and the stack goes on
 * serving what it served.
 */
class WatchIT {

    @RegisterExtension
    static final RealEngine REAL = new RealEngine();

    private static final String WEBAPP = "http://127.0.0.1:7002/";

    @TempDir
    Path work;

    @Test
    void aSavedChangeIsServedWithinSecondsAndABrokenOneLeavesTheStackServing() throws Exception {
        TestResources.copy("/stacks/demo", work);
        Path settings = MavenRun.settings(work, "");
        Path log = work.resolve("watch.log");
        Process watch = MavenRun.start(work, settings, log, "docstack:watch");
        try {
            awaitTrue(
                    Duration.ofMinutes(3),
                    () -> "webapp: account ok\n".equals(get(WEBAPP)) && logged(log, "watching"),
                    watch,
                    log,
                    "the stack came up and the watch began");

            Path source = work.resolve("lib/service.pl");
            long saved = System.nanoTime();
            Files.writeString(source, Files.readString(source).replace("webapp: account ok", "webapp: account fine"));
            awaitTrue(
                    Duration.ofMinutes(2),
                    () -> "webapp: account fine\n".equals(get(WEBAPP)),
                    watch,
                    log,
                    "the change is served");
            double seconds = (System.nanoTime() - saved) / 1e9;
            System.out.printf(
                    "[watch-it] a saved change to lib/service.pl was served after %.1f s (three projects rebuilt)%n",
                    seconds);
            awaitTrue(
                    Duration.ofSeconds(30),
                    () -> logged(log, "lib/service.pl changed: "),
                    watch,
                    log,
                    "one line for the change");

            // A change that builds, but whose webapp exits before it is ready: the previous images come back.
            String fine = Files.readString(source);
            Files.writeString(
                    source,
                    fine.replace(
                            "my $role = $ENV{ROLE} or die \"ROLE is not set\\n\";",
                            "my $role = $ENV{ROLE} or die \"ROLE is not set\\n\";\n"
                                    + "die \"broken on purpose\\n\" if $role eq 'webapp';"));
            awaitTrue(
                    Duration.ofMinutes(3),
                    () -> logged(log, " back: "),
                    watch,
                    log,
                    "the failed start is reported and the previous version put back");
            assertTrue(
                    logged(log, "broken on purpose"), "with the service's own last words:\n" + Files.readString(log));
            assertEquals("webapp: account fine\n", get(WEBAPP), "the previous webapp answers again");
            Files.writeString(source, fine);
            awaitTrue(
                    Duration.ofMinutes(2),
                    () -> occurrences(log, "lib/service.pl changed: ") == 3,
                    watch,
                    log,
                    "the fix is taken");
            assertEquals("webapp: account fine\n", get(WEBAPP));

            Path dockerfile = work.resolve("webapp/docstack/Dockerfile");
            String working = Files.readString(dockerfile);
            Files.writeString(dockerfile, working.replace("COPY lib/ /srv/", "COPY lib/ /srv/\nRUN exit 3"));
            awaitTrue(
                    Duration.ofMinutes(2),
                    () -> occurrences(log, "[ERROR] [watch] ") == 2
                            && logged(log, "webapp/docstack/Dockerfile changed: "),
                    watch,
                    log,
                    "the failed build is reported");
            assertEquals("webapp: account fine\n", get(WEBAPP), "the running webapp still serves");
            assertTrue(watch.isAlive(), "and the watch goes on");
        } finally {
            stopAndTakeDown(watch, work, settings);
        }
        assertEquals(List.of(), REAL.engine().containers(StackLabels.STACK, "demo"));
    }

    @Test
    void aSyncRestartRuleServesASavedChangeInSecondsAndPutsBackOneThatDoesNotStart() throws Exception {
        TestResources.copy("/stacks/demo", work);
        for (String project : List.of("webapp", "kvstore", "clock")) {
            Path manifest = work.resolve(project + "/docstack/docstack.yaml");
            Files.writeString(
                    manifest,
                    Files.readString(manifest) + "watch:\n  - {path: lib, action: sync+restart, target: /srv}\n");
        }
        Path settings = MavenRun.settings(work, "");
        Path log = work.resolve("watch.log");
        Process watch = MavenRun.start(work, settings, log, "docstack:watch");
        try {
            awaitTrue(
                    Duration.ofMinutes(3),
                    () -> "webapp: account ok\n".equals(get(WEBAPP)) && logged(log, "watching"),
                    watch,
                    log,
                    "the stack came up and the watch began");
            String webappImage = imageOf("demo-webapp");

            Path source = work.resolve("lib/service.pl");
            String working = Files.readString(source);
            long saved = System.nanoTime();
            Files.writeString(source, working.replace("webapp: account ok", "webapp: account fine"));
            awaitTrue(
                    Duration.ofMinutes(1),
                    () -> "webapp: account fine\n".equals(get(WEBAPP)),
                    watch,
                    log,
                    "the change is served");
            double seconds = (System.nanoTime() - saved) / 1e9;
            System.out.printf(
                    "[watch-it] a saved change to lib/service.pl was served after %.1f s (sync+restart of three"
                            + " services)%n",
                    seconds);
            awaitTrue(
                    Duration.ofSeconds(30),
                    () -> logged(log, "lib/service.pl changed: sync+restart "),
                    watch,
                    log,
                    "one line for the sync");
            assertEquals(
                    webappImage,
                    imageOf("demo-webapp"),
                    "copied into the running container: no new image, no new container");

            String fine = Files.readString(source);
            Files.writeString(source, "sub {\n" + fine); // perl will not compile it
            awaitTrue(
                    Duration.ofMinutes(2),
                    () -> logged(log, "[ERROR] [watch] "),
                    watch,
                    log,
                    "the failed start is reported");
            assertTrue(logged(log, "got back the files it had and was restarted"), Files.readString(log));
            assertEquals(
                    fine, docker("exec", "demo-webapp", "cat", "/srv/service.pl"), "the container has its file back");
            assertEquals("webapp: account fine\n", get(WEBAPP), "and serves the change before the broken one");
            assertTrue(watch.isAlive(), "and the watch goes on");
        } finally {
            stopAndTakeDown(watch, work, settings);
        }
        assertEquals(List.of(), REAL.engine().containers(StackLabels.STACK, "demo"));
    }

    /** The image id and creation time of a container: what a recreate would change. */
    private static String imageOf(String container) throws Exception {
        return docker("inspect", "-f", "{{.Image}} {{.Created}}", container).strip();
    }
}
