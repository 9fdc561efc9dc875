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
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * An OpenStack developer's loop: keystone's code of the newest release (2026.2's, from Debian's archive) as a git
 * checkout with a docstack/ directory, in a stack with the sample cloud's mariadb and memcached, under
 * {@code mvn docstack:watch}. The real openstack client gets a token; a one-line change to keystone's source is
 * served after a sync+exec (new uwsgi workers) and after a rebuild (which leaves the init steps done: their inputs did
 * not change), and beside them devstack's way (edit the installed code, restart the service) is timed in the same
 * cloud. A change that breaks keystone is put back, and keystone goes on serving.
 */
class OpenStackFromSourceIT {

    @RegisterExtension
    static final RealEngine REAL = new RealEngine();

    /**
     * keystone 30.0.0, OpenStack 2026.2's, as Debian sid ships it: its Python package, from Debian's {@code
     * python3-keystone} (the archive these tests reach serves sid's binary packages, not its source tarball).
     */
    private static final String KEYSTONE_PACKAGE =
            "http://deb.debian.org/debian/pool/main/k/keystone/python3-keystone_30.0.0-3_all.deb";

    private static final String KEYSTONE_VERSION = "30.0.0";

    private static final String STACK = "keystone-dev";
    private static final int OFFSET = 12000;
    private static final String VERSION_DOCUMENT = "http://127.0.0.1:" + (5000 + OFFSET) + "/v3";
    /** The line of keystone/api/discovery.py the test changes: the date in the v3 version document. */
    private static final String SERVED_LINE = "'updated': '2020-04-07T00:00:00Z',";

    private static final String DISCOVERY = "keystone/api/discovery.py";

    @TempDir
    Path work;

    @Test
    void aChangeToKeystonesSourceIsServedAfterASyncRestartAndAfterARebuild() throws Exception {
        Path checkout = keystoneCheckout();
        TestResources.copy("/cloud/mariadb", work.resolve("mariadb"));
        TestResources.copy("/cloud/memcached", work.resolve("memcached"));
        Files.writeString(work.resolve("stack.yaml"), """
                apiVersion: docstack/v1
                kind: Stack
                name: %s
                projects:
                  - {name: mariadb, path: mariadb}
                  - {name: memcached, path: memcached}
                  - {name: keystone, path: %s}
                """.formatted(STACK, work.relativize(checkout)));
        Path settings = MavenRun.settings(work, "");
        Path log = work.resolve("watch.log");
        Process watch = MavenRun.start(work, settings, log, "docstack:watch", "-Ddocstack.portOffset=" + OFFSET);
        try {
            awaitTrue(
                    Duration.ofMinutes(15),
                    () -> get(VERSION_DOCUMENT).contains("2020-04-07T00:00:00Z") && logged(log, "watching"),
                    watch,
                    log,
                    "keystone from the checkout came up and the watch began");
            OpenStackClient openstack = new OpenStackClient(
                    STACK, work.resolve(".docstack").resolve(STACK).resolve("clouds.yaml"));
            assertTrue(
                    openstack
                                    .run("token", "issue", "-f", "value", "-c", "id")
                                    .strip()
                                    .length()
                            > 20,
                    "the real client gets a token");

            double synced = servedAfterSave(checkout, "2026-11-29T00:00:01Z", watch, log);
            awaitTrue(
                    Duration.ofSeconds(30),
                    () -> logged(log, DISCOVERY + " changed: sync+exec keystone, ready"),
                    watch,
                    log,
                    "one line for the sync");

            Path discovery = checkout.resolve(DISCOVERY);
            String working = Files.readString(discovery);
            Files.writeString(discovery, "def broken(:\n" + working); // keystone will not load
            awaitTrue(
                    Duration.ofMinutes(3),
                    () -> logged(log, "[ERROR] [watch] "),
                    watch,
                    log,
                    "the failed start is reported");
            assertTrue(logged(log, "SyntaxError"), "with keystone's own words:\n" + Files.readString(log));
            assertTrue(logged(log, "got back the files it had and was restarted"), Files.readString(log));
            assertTrue(
                    get(VERSION_DOCUMENT).contains("2026-11-29T00:00:01Z"),
                    "keystone serves the change before the broken one");
            Files.writeString(discovery, working);
            awaitTrue(
                    Duration.ofMinutes(1),
                    () -> occurrences(log, DISCOVERY + " changed: sync+exec keystone, ready") == 2,
                    watch,
                    log,
                    "the fix is synced");

            // devstack's way: the code is installed where it runs; edit it there and restart the service.
            String installed = "/opt/keystone/" + DISCOVERY; // where the Dockerfile puts the checkout's package
            long edited = System.nanoTime();
            docker("exec", STACK + "-keystone", "sed", "-i", "s/2026-11-29T00:00:01Z/2026-11-29T00:00:02Z/", installed);
            docker("restart", "-t", "10", STACK + "-keystone");
            awaitTrue(
                    Duration.ofMinutes(2),
                    () -> get(VERSION_DOCUMENT).contains("2026-11-29T00:00:02Z"),
                    watch,
                    log,
                    "the edit is served after a restart");
            double restarted = (System.nanoTime() - edited) / 1e9;

            Path manifest = checkout.resolve("docstack/docstack.yaml");
            Files.writeString(
                    manifest,
                    Files.readString(manifest)
                            .substring(0, Files.readString(manifest).indexOf("watch:")));
            awaitTrue(
                    Duration.ofMinutes(5),
                    () -> logged(log, "docstack/docstack.yaml changed: "),
                    watch,
                    log,
                    "without watch rules, the project is rebuilt");
            assertTrue(
                    Files.readString(log).matches("(?s).*docstack/docstack\\.yaml changed: [^\n]*keystone recreated.*"),
                    Files.readString(log));
            int keptSteps = occurrences(log, "init-keystone-keys-and-db-sync already done");
            double rebuilt = servedAfterSave(checkout, "2026-11-29T00:00:03Z", watch, log);
            awaitTrue(
                    Duration.ofSeconds(30),
                    () -> occurrences(log, "init-keystone-keys-and-db-sync already done") > keptSteps,
                    watch,
                    log,
                    "the rebuild leaves the schema migration done: its inputs did not change");

            System.out.printf(
                    "[from-source-it] a one-line change to keystone's source, saved to served: sync+exec %.1f s,"
                            + " rebuild %.1f s; devstack's way (edit the installed code, restart the service) %.1f s%n",
                    synced, rebuilt, restarted);
            assertTrue(
                    openstack
                            .run("project", "list", "-f", "value", "-c", "Name")
                            .lines()
                            .anyMatch("admin"::equals),
                    "keystone still serves its API");
            MavenRun.terminate(watch);
            assertTrue(watch.waitFor(1, TimeUnit.MINUTES), "watch stops on SIGTERM");
            assertTrue(get(VERSION_DOCUMENT).contains("2026-11-29T00:00:03Z"), "and leaves the stack up, serving");
        } finally {
            stopAndTakeDown(watch, work, settings);
        }
        assertEquals(List.of(), REAL.engine().containers(StackLabels.STACK, STACK));
    }

    /** Saves a new date into the served line and waits until keystone serves it; the seconds that took. */
    private double servedAfterSave(Path checkout, String date, Process watch, Path log) throws Exception {
        Path source = checkout.resolve(DISCOVERY);
        String text = Files.readString(source);
        String changed = text.replaceFirst("'updated': '[0-9TZ:-]+',", "'updated': '" + date + "',");
        assertTrue(!changed.equals(text), "the line to change is there");
        long saved = System.nanoTime();
        Files.writeString(source, changed);
        awaitTrue(
                Duration.ofMinutes(5),
                () -> get(VERSION_DOCUMENT).contains(date),
                watch,
                log,
                "keystone serves " + date);
        return (System.nanoTime() - saved) / 1e9;
    }

    /**
     * keystone's code as a developer has it: its Python package in a git checkout, given a docstack/ directory with
     * the sample cloud's keystone configuration scripts, a Dockerfile that puts the checkout over Debian's
     * dependencies, and a manifest whose watch rule copies a change to the Python package and replaces the workers.
     */
    private Path keystoneCheckout() throws Exception {
        Path deb = work.resolve("python3-keystone.deb");
        HttpResponse<Path> download = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(KEYSTONE_PACKAGE)).build(),
                        HttpResponse.BodyHandlers.ofFile(deb));
        assertEquals(200, download.statusCode(), "Debian's archive serves " + KEYSTONE_PACKAGE);
        Path unpacked = work.resolve("python3-keystone");
        run(work, "dpkg-deb", "-x", deb.toString(), unpacked.toString());
        Path checkout = Files.createDirectories(work.resolve("keystone-" + KEYSTONE_VERSION));
        run(
                work,
                "cp",
                "-r",
                unpacked.resolve("usr/lib/python3/dist-packages/keystone").toString(),
                checkout.toString());
        assertTrue(
                Files.readString(checkout.resolve(DISCOVERY)).contains(SERVED_LINE),
                "keystone's version document, as released");
        run(checkout, "git", "init", "-q");
        run(checkout, "git", "add", "-A");
        run(
                checkout,
                "git",
                "-c",
                "user.name=dev",
                "-c",
                "user.email=dev@example.org",
                "commit",
                "-q",
                "-m",
                "keystone " + KEYSTONE_VERSION);

        TestResources.copy(
                "/cloud/keystone/docstack", checkout.resolve("docstack")); // keystone's configuration scripts
        // A Dockerfile, manifest, uwsgi.ini and reload script for a checkout, and its .dockerignore
        TestResources.copy("/openstack/keystone", checkout);
        return checkout;
    }

    private static void run(Path directory, String... command) throws Exception {
        Process process = new ProcessBuilder(command)
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), String.join(" ", command) + ":\n" + output);
    }
}
