package io.github.docstack.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.docstack.engine.ContainerState;
import io.github.docstack.stack.Deployment;
import io.github.docstack.stack.ForeignVolumesException;
import io.github.docstack.stack.Stack;
import io.github.docstack.stack.StackException;
import io.github.docstack.stack.StackLabels;
import io.github.docstack.stack.StackLoader;
import io.github.docstack.stack.StackOwner;
import io.github.docstack.stack.StackPreparer;
import io.github.docstack.stack.StackRunner;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * docstack:up, down and status against the real engine, on a small stack of our own (stacks/demo): a key
 * store that provisions an account per consumer, a web app that needs one (with an init step), an independent
 * clock that takes two seconds, and a project whose init step fails.
 */
class StackIT {

    @RegisterExtension
    static final RealEngine REAL = new RealEngine();

    private static final StackRunner.Timeouts TIMEOUTS =
            new StackRunner.Timeouts(Duration.ofSeconds(60), Duration.ofSeconds(60));

    @TempDir
    Path work;

    private final java.util.List<String> stacks = new java.util.ArrayList<>();

    @BeforeEach
    void copyStacks() throws Exception {
        TestResources.copy("/stacks/demo", work);
    }

    @AfterEach
    void downEverything() throws Exception {
        for (String stack : stacks) {
            new StackRunner(REAL.engine(), RealEngine.CONSOLE).down(stack, true);
        }
    }

    private StackRunner.UpReport up(String stackFile, int portOffset) throws Exception {
        return up(work.resolve(stackFile), portOffset);
    }

    private StackRunner.UpReport up(Path stackFile, int portOffset) throws Exception {
        Stack stack = StackLoader.load(stackFile).stack();
        stacks.add(stack.name());
        Deployment deployment = StackPreparer.prepare(stack, REAL.engine(), RealEngine.CONSOLE, portOffset, 4)
                .deployment();
        return new StackRunner(REAL.engine(), RealEngine.CONSOLE).up(deployment, TIMEOUTS, 8);
    }

    @Test
    void dependenciesComeFirstIndependentBranchesOverlapAndExportsArrive() throws Exception {
        StackRunner.UpReport report = up("stack.yaml", 0);

        ContainerState kvstore = state("demo-kvstore");
        Ran provision = ran("demo-provision-kvstore-webapp");
        Ran init = ran("demo-init-webapp-check-account");
        ContainerState clock = state("demo-clock");
        assertTrue(kvstore.startedAt().isBefore(provision.startedAt()), "the provider runs before its provision step");
        assertTrue(
                !provision.finishedAt().isAfter(init.startedAt()), "provisioning is done before the consumer's init");
        // Its container may be started ahead, held, while init runs; its command runs after.
        assertTrue(
                !init.finishedAt().isAfter(firstLogLineAt("demo-webapp")),
                "init is done before the consumer's service runs its command");
        assertTrue(
                clock.startedAt().isBefore(provision.finishedAt()),
                "the independent clock starts while the chain runs");
        assertEquals(
                "created",
                state("demo-provision-kvstore-webapp").status(),
                "a succeeded step leaves a record that never ran");
        String inspected = dockerInspect("demo-provision-kvstore-webapp");
        String secret = new io.github.docstack.stack.SecretStore(work.resolve(".docstack/demo/secrets.properties"))
                .get(io.github.docstack.stack.SecretKeys.account("kvstore", "webapp"));
        assertFalse(inspected.contains(secret), "docker inspect of the record shows no secret");
        assertFalse(inspected.contains("DOCSTACK_SECRET"), inspected);

        assertEquals(
                "webapp: account ok\n", get("http://127.0.0.1:7002/"), "the provider's exports reached the consumer");
        assertEquals("http://127.0.0.1:7002/ in demo\n", Files.readString(work.resolve(".docstack/demo/webapp.url")));
        assertEquals(
                List.of("webapp", "kvstore", "clock"),
                report.services().stream()
                        .map(StackRunner.ServiceReport::service)
                        .toList());
        assertEquals(
                "rw-------",
                java.nio.file.attribute.PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(work.resolve(".docstack/demo/secrets.properties"))));

        long start = System.nanoTime();
        StackRunner.UpReport again = up("stack.yaml", 0);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("[stack-it] first up %.1f s, no-op second up %.1f s%n", report.seconds(), seconds);
        assertEquals(0, again.started(), "a second up with nothing changed touches nothing");
        assertEquals(5, again.unchanged());
    }

    @Test
    void aServiceStartedAheadAndReleasedRunsAgainAtOnceWhenRestarted() throws Exception {
        up("stack.yaml", 0);
        String held = dockerInspect("demo-webapp");
        assertTrue(held.contains("docstack-held"), "webapp waits for kvstore: it was started ahead, held");

        // Restarted as watch or a user would: its hold saw the release before, so the service runs at once.
        REAL.engine().restart("demo-webapp", Duration.ofSeconds(10));
        REAL.engine().waitHealthy("demo-webapp", Duration.ofSeconds(30));
        assertEquals("webapp: account ok\n", get("http://127.0.0.1:7002/"));
    }

    @Test
    void aCommitThatLeavesAProjectAsItWasRebuildsAndRecreatesNothing() throws Exception {
        try (org.eclipse.jgit.api.Git git = org.eclipse.jgit.api.Git.init()
                .setDirectory(work.toFile())
                .setInitialBranch("main")
                .call()) {
            commitAll(git, "the demo");
            up("stack.yaml", 0);
            Files.writeString(work.resolve("NOTES.md"), "nothing any project builds from\n");
            editManifest("clock", "DELAY: \"2\"}", "DELAY: \"2\", TZ: UTC}");
            commitAll(git, "a note, and a change to clock"); // every image's revision label would change with it

            StackRunner.UpReport again = up("stack.yaml", 0);

            List<String> actions = actions(again);
            assertEquals(
                    List.of("webapp: unchanged, healthy", "kvstore: unchanged, healthy", "clock: recreated, healthy"),
                    actions,
                    "only the project whose build inputs changed is rebuilt and recreated");
        }
    }

    private static void commitAll(org.eclipse.jgit.api.Git git, String message) throws Exception {
        git.add().addFilepattern(".").call();
        git.commit()
                .setMessage(message)
                .setAuthor("it", "it@example.org")
                .setCommitter("it", "it@example.org")
                .setSign(false)
                .call();
    }

    @Test
    void aChangedProjectIsRecreatedAndNothingElse() throws Exception {
        up("stack.yaml", 0);
        editManifest("webapp", "PORT: \"7002\"}", "PORT: \"7002\", GREETING: changed}");

        StackRunner.UpReport changed = up("stack.yaml", 0);

        List<String> actions = actions(changed);
        assertTrue(actions.contains("webapp: recreated, healthy"), actions.toString());
        assertTrue(actions.contains("kvstore: unchanged, healthy"), actions.toString());
        assertTrue(actions.contains("clock: unchanged, healthy"), actions.toString());
    }

    @Test
    void aChangedProviderAndItsProvisionStepAreMadeAgainTogether() throws Exception {
        up("stack.yaml", 0);
        editManifest("kvstore", "DELAY: \"1\"}", "DELAY: \"1\", GREETING: changed}");

        // A new image for both: the service is replaced while its provision step, which runs in the service's network
        // namespace, is created beside it; the step must join the new container, not the one it replaces.
        StackRunner.UpReport changed = up("stack.yaml", 0);

        List<String> actions = actions(changed);
        assertTrue(actions.contains("kvstore: recreated, healthy"), actions.toString());
        assertTrue(ran("demo-provision-kvstore-webapp")
                .finishedAt()
                .isAfter(state("demo-kvstore").startedAt()));
    }

    @Test
    void aFailingStepStopsTheStackWithItsLogAndTheContainersStay() throws Exception {
        StackException failure = assertThrows(StackException.class, () -> up("failing.yaml", 0));

        String message = failure.getMessage();
        assertTrue(
                message.startsWith("init-broken-migrate failed: init step init-broken-migrate exited with code 3"),
                message);
        assertTrue(message.contains("| ERROR: table users exists"), message);
        assertTrue(message.contains("docker logs failing-init-broken-migrate"), message);
        assertTrue(REAL.engine().containers(StackLabels.STACK, "failing").size() >= 1, "kept for inspection");
        assertTrue(
                REAL.engine().containers(StackLabels.STACK, "failing").stream()
                        .noneMatch(container -> container.name().equals("failing-broken")),
                "the service after the failed step, started ahead but never released, is gone: it ran nothing");

        List<String> removed = new StackRunner(REAL.engine(), RealEngine.CONSOLE).down("failing", true);
        assertTrue(removed.contains("network failing"), removed.toString());
        assertEquals(List.of(), REAL.engine().containers(StackLabels.STACK, "failing"));
        assertEquals(List.of(), REAL.engine().networks(StackLabels.STACK, "failing"));
        assertEquals(List.of(), volumes("failing"));
    }

    @Test
    void twoStacksSideBySideAndVolumesOutliveDown() throws Exception {
        up("stack.yaml", 0);
        Files.writeString(
                work.resolve("stack2.yaml"),
                Files.readString(work.resolve("stack.yaml")).replace("name: demo", "name: demo2"));
        up("stack2.yaml", 100);
        assertEquals(
                "webapp: account ok\n", get("http://127.0.0.1:7102/"), "the second stack answers on the offset port");
        assertEquals("webapp: account ok\n", get("http://127.0.0.1:7002/"));

        assertEquals(200, put("http://127.0.0.1:7001/accounts/marker?secret=kept"));
        new StackRunner(REAL.engine(), RealEngine.CONSOLE).down("demo", false);
        assertEquals(List.of(), REAL.engine().containers(StackLabels.STACK, "demo"));
        assertEquals(List.of("demo_kvdata"), volumes("demo"));

        up("stack.yaml", 0);
        assertEquals(
                "clean\n",
                get("http://127.0.0.1:7001/last-shutdown"),
                "down let the key store stop cleanly, not killed");
        assertEquals(
                "account marker ok\n",
                get("http://127.0.0.1:7001/check/marker?secret=kept"),
                "data survived down and up");
        assertEquals("webapp: account ok\n", get("http://127.0.0.1:7002/"), "secrets were reused");
    }

    @Test
    void aProviderThatLostWhatItsProvisionMadeIsProvisionedAgain() throws Exception {
        up("stack.yaml", 0);
        // The provider's data goes (as a broker without a volume loses its users when it is recreated).
        REAL.engine().remove("demo-kvstore");
        REAL.engine().removeVolume("demo_kvdata");

        StackRunner.UpReport again = up("stack.yaml", 0);

        List<String> actions = actions(again);
        assertTrue(actions.contains("kvstore: started, healthy"), actions.toString());
        assertEquals("webapp: account ok\n", get("http://127.0.0.1:7002/"), "the consumer's account was made again");
    }

    @Test
    void keptDataWithoutItsSecretsStopsUpBeforeAnythingStarts(@TempDir Path secondCheckout) throws Exception {
        up("stack.yaml", 0);
        assertEquals(200, put("http://127.0.0.1:7001/accounts/marker?secret=kept"));
        new StackRunner(REAL.engine(), RealEngine.CONSOLE).down("demo", false);
        Path secrets = work.resolve(".docstack/demo/secrets.properties");
        Path saved = Files.copy(secrets, secondCheckout.resolve("saved-secrets.properties"));

        // git clean -fdx: the secrets go, the data stays
        Files.delete(secrets);
        ForeignVolumesException cleaned = assertThrows(ForeignVolumesException.class, () -> up("stack.yaml", 0));
        assertEquals(List.of("demo_kvdata"), cleaned.volumes());
        assertEquals(List.of(), REAL.engine().containers(StackLabels.STACK, "demo"), "nothing started");
        assertFalse(Files.exists(secrets), "no new secret was made for data that has one");

        // a second checkout of the same stack, on the same engine
        TestResources.copy("/stacks/demo", secondCheckout);
        Path secondStack = secondCheckout.resolve("stack.yaml");
        assertThrows(ForeignVolumesException.class, () -> up(secondStack, 0));
        Files.createDirectories(secondCheckout.resolve(".docstack/demo"));
        Files.copy(saved, secondCheckout.resolve(".docstack/demo/secrets.properties"));
        up(secondStack, 0);
        assertEquals("account marker ok\n", get("http://127.0.0.1:7001/check/marker?secret=kept"));
        assertEquals(
                "webapp: account ok\n", get("http://127.0.0.1:7002/"), "the first checkout's secrets open its data");
    }

    @Test
    void aSecondCheckoutOfTheSameStackLeavesTheFirstOnesContainersAlone(@TempDir Path secondCheckout) throws Exception {
        String clockOnly =
                "apiVersion: docstack/v1\nkind: Stack\nname: demo\nprojects:\n  - {name: clock, path: clock}\n";
        Files.writeString(work.resolve("clock.yaml"), clockOnly);
        up("clock.yaml", 0);
        String firstId =
                REAL.engine().containers(StackLabels.STACK, "demo").get(0).id();
        TestResources.copy("/stacks/demo", secondCheckout);
        Files.writeString(secondCheckout.resolve("clock.yaml"), clockOnly);

        StackException refused = assertThrows(StackException.class, () -> up(secondCheckout.resolve("clock.yaml"), 0));

        assertTrue(refused.getMessage().contains("brought up from another checkout"), refused.getMessage());
        assertTrue(
                refused.getMessage().contains(work.resolve(".docstack/demo").toString()),
                "it names the owner: " + refused.getMessage());
        assertEquals(
                List.of(firstId),
                REAL.engine().containers(StackLabels.STACK, "demo").stream()
                        .map(c -> c.id())
                        .toList(),
                "the first checkout's container is untouched");

        Stack second = StackLoader.load(secondCheckout.resolve("clock.yaml")).stack();
        StackRunner runner = new StackRunner(REAL.engine(), RealEngine.CONSOLE);
        StackException downRefused =
                assertThrows(StackException.class, () -> runner.checkDownAllowed("demo", StackOwner.of(second)));
        assertTrue(downRefused.getMessage().contains("take it down from that checkout"), downRefused.getMessage());

        deleteTree(work.resolve(".docstack")); // the first checkout is gone: what it left is no one else's
        runner.checkDownAllowed("demo", StackOwner.of(second));
    }

    private static void deleteTree(Path root) throws java.io.IOException {
        try (java.util.stream.Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    @Test
    void anImageWhoseManifestWritesOutsideTheStackIsRefused(@TempDir Path context) throws Exception {
        String crafted = io.github.docstack.manifest.ManifestJson.write(new io.github.docstack.manifest.Manifest(
                "docstack/v1",
                "crafted",
                null,
                io.github.docstack.manifest.Manifest.BuildSpec.DEFAULT,
                List.of(),
                List.of(),
                List.of(),
                java.util.Map.of(),
                List.of(new io.github.docstack.manifest.Manifest.Output("../pwned", "owned", null)),
                List.of(),
                List.of(),
                List.of()));
        Files.writeString(context.resolve("Dockerfile"), "FROM debian:bookworm-slim\n");
        Path archive = work.resolve("crafted.tar");
        io.github.docstack.image.ContextArchive.write(context, archive);
        REAL.removeImageAfterAll("docstack-it/crafted:latest");
        REAL.engine()
                .build(new io.github.docstack.engine.ImageBuild(
                        archive,
                        "Dockerfile",
                        List.of("docstack-it/crafted:latest"),
                        java.util.Map.of(),
                        java.util.Map.of(io.github.docstack.manifest.ManifestJson.LABEL, crafted),
                        null,
                        false,
                        false));
        Files.writeString(work.resolve("crafted.yaml"), """
                apiVersion: docstack/v1
                kind: Stack
                name: crafted
                projects:
                  - {name: crafted, image: "docstack-it/crafted:latest"}
                """);

        StackException refused = assertThrows(StackException.class, () -> up("crafted.yaml", 0));

        assertTrue(refused.getMessage().contains("breaks rule output-path"), refused.getMessage());
        assertFalse(Files.exists(work.resolve(".docstack/pwned")), "nothing written outside the stack's directory");
        assertEquals(List.of(), REAL.engine().containers(StackLabels.STACK, "crafted"), "nothing started");
    }

    @Test
    void imagesComeFromTheRegistryForTheChosenChannel() throws Exception {
        String namespace = "stackit-" + System.nanoTime();
        String registry = BuildPushIT.REGISTRY + "/" + namespace;
        io.github.docstack.image.ImageBuilder builder =
                new io.github.docstack.image.ImageBuilder(io.github.docstack.image.TagPolicy.DEFAULT);
        for (String project : List.of("kvstore", "clock")) {
            io.github.docstack.image.BuiltImage built = builder.build(
                    builder.plan(
                            io.github.docstack.image.BuildRequest.of(
                                            work.resolve(project).resolve("docstack"), java.util.Map.of())
                                    .withRegistry(BuildPushIT.REGISTRY, namespace)
                                    .withExtraTags(List.of("2025.2")),
                            work.resolve("out")),
                    REAL.engine(),
                    RealEngine.CONSOLE);
            new io.github.docstack.image.ImagePusher(
                            REAL.engine(), RealEngine.CONSOLE, io.github.docstack.image.RetryPolicy.DEFAULT)
                    .push(built, null);
            for (String tag : built.tags()) {
                REAL.engine().removeImage(tag); // so up must pull it back from the registry
                REAL.removeImageAfterAll(tag);
            }
        }
        Files.writeString(
                work.resolve("channel.yaml"),
                "apiVersion: docstack/v1\nkind: Stack\nname: channel\n" + "registry: " + registry
                        + "\nrelease: \"2025.2\"\nprojects:\n  - kvstore\n  - {name: clock, release: dev}\n");

        StackRunner.UpReport report = up("channel.yaml", 200);

        assertEquals(
                List.of("kvstore", "clock"),
                report.services().stream()
                        .map(StackRunner.ServiceReport::service)
                        .toList());
        assertEquals(
                registry + "/kvstore:2025.2",
                REAL.engine().containers(StackLabels.STACK, "channel").stream()
                        .filter(c -> c.name().equals("channel-kvstore"))
                        .findFirst()
                        .orElseThrow()
                        .image());
        assertEquals(
                registry + "/clock:dev",
                REAL.engine().containers(StackLabels.STACK, "channel").stream()
                        .filter(c -> c.name().equals("channel-clock"))
                        .findFirst()
                        .orElseThrow()
                        .image(),
                "a project may pick its own channel");
    }

    private static List<String> volumes(String stack) throws Exception {
        return REAL.engine().volumes(StackLabels.STACK, stack).stream()
                .map(io.github.docstack.engine.VolumeSummary::name)
                .toList();
    }

    /** When a one-shot step ran, from the record it left. */
    /** Each service of the report as "SERVICE: ACTION", e.g. "webapp: recreated, healthy". */
    private static List<String> actions(StackRunner.UpReport report) {
        return report.services().stream()
                .map(service -> service.service() + ": " + service.action())
                .toList();
    }

    /** Replaces {@code from} by {@code to} in the project's manifest. */
    private void editManifest(String project, String from, String to) throws Exception {
        Path manifest = work.resolve(project + "/docstack/docstack.yaml");
        Files.writeString(manifest, Files.readString(manifest).replace(from, to));
    }

    private record Ran(java.time.Instant startedAt, java.time.Instant finishedAt) {}

    private static Ran ran(String container) throws Exception {
        java.util.Map<String, String> labels = REAL.engine().containers(StackLabels.STACK, "demo").stream()
                .filter(c -> c.name().equals(container))
                .findFirst()
                .orElseThrow()
                .labels();
        return new Ran(
                java.time.Instant.parse(labels.get(StackLabels.STARTED_AT)),
                java.time.Instant.parse(labels.get(StackLabels.FINISHED_AT)));
    }

    private static String dockerInspect(String container) throws Exception {
        Process process = new ProcessBuilder("docker", "inspect", container)
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), output);
        return output;
    }

    /** When a container's command wrote its first line (the demo's services say where they listen). */
    private static java.time.Instant firstLogLineAt(String container) throws Exception {
        Process process = new ProcessBuilder("docker", "logs", "--timestamps", container)
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), output);
        assertFalse(output.isBlank(), container + " logged nothing");
        return java.time.Instant.parse(output.lines().findFirst().orElseThrow().split(" ", 2)[0]);
    }

    private static ContainerState state(String container) throws Exception {
        return REAL.engine().inspect(container);
    }

    private static String get(String url) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(url))
                                .timeout(Duration.ofSeconds(10))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }

    private static int put(String url) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(url))
                                .PUT(HttpRequest.BodyPublishers.noBody())
                                .timeout(Duration.ofSeconds(10))
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }
}
