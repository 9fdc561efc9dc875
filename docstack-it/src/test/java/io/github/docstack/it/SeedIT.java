package io.github.docstack.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.docstack.stack.Stack;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed's path, end to end. Each project of the sample cloud, in a git checkout of its own on the default branch,
 * is built and pushed to a registry by the commands of docstack:init's Jenkinsfile, as its CI would. Then, on a
 * {@link SecondEngine} that holds none of the cloud's images, {@code mvn docstack:up} of a stack file that names only
 * the registry and the release pulls every image and brings the cloud up, building nothing; a release the registry
 * lacks stops up before anything starts. The registry is a real one (Debian's docker-registry) of the test's own,
 * served to the second engine by a twin process in its network namespace over the same storage, so both engines
 * know the images by one name.
 */
class SeedIT {

    @RegisterExtension
    static final RealEngine REAL = new RealEngine();

    private static final String NAMESPACE = "docstack";
    /** The profiles of the seeded cloud: the stack file's own unless -Ddocstack.it.seed.profiles names others. */
    private static final String PROFILES = System.getProperty("docstack.it.seed.profiles", "");

    @TempDir
    static Path work;

    private static Stack cloud;
    private static String registry;
    private static final List<Process> registries = new ArrayList<>();
    private static SecondEngine seedEngine;
    private static Path settings;

    @BeforeAll
    static void theCloudPushedByItsCiAndAnEngineWithNoneOfIt() throws Exception {
        cloud = SampleCloud.load(
                work.resolve("cloud"), "cloud", PROFILES.isEmpty() ? null : List.of(PROFILES.split(",")));
        settings = MavenRun.settings(work, "");
        try (ServerSocket socket = new ServerSocket(0)) {
            registry = "127.0.0.1:" + socket.getLocalPort();
        }
        Path config =
                Files.writeString(work.resolve("registry.yml"), """
                version: 0.1
                log: {level: warn}
                storage: {filesystem: {rootdirectory: %s}}
                http: {addr: %s}
                """.formatted(work.resolve("registry"), registry));
        registries.add(new ProcessBuilder("docker-registry", "serve", config.toString())
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("registry.log").toFile())
                .start());
        awaitRegistry(List.of());

        Path mvn = Files.createDirectories(work.resolve("bin")).resolve("mvn"); // the Jenkinsfile's mvn
        Files.writeString(
                mvn,
                "#!/bin/sh\nexec " + System.getProperty("docstack.it.mvnw") + " -gs " + settings
                        + " -Dmaven.repo.local=" + System.getProperty("docstack.it.localRepository") + " \"$@\"\n");
        assertTrue(mvn.toFile().setExecutable(true));
        long pushing = System.nanoTime();
        // Each project has a CI job of its own; two run at a time, as many as the machine has cores.
        ExecutorService jobs = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (Stack.Project project : cloud.projects()) {
                runs.add(jobs.submit(() -> {
                    ciJob(project.name());
                    return null;
                }));
            }
            for (Future<?> run : runs) {
                run.get();
            }
        } finally {
            jobs.shutdownNow();
        }
        System.out.printf(
                "[seed-it] %d projects built and pushed by the Jenkinsfile's commands in %.1f s%n",
                cloud.projects().size(), (System.nanoTime() - pushing) / 1e9);

        seedEngine = SecondEngine.start("docstack-seed", "10.214.0");
        registries.add(seedEngine.startInNamespace(
                seedEngine.directory().resolve("registry.log"), "docker-registry", "serve", config.toString()));
        awaitRegistry(seedEngine.namespaceCommand());
    }

    @AfterAll
    static void takeItAllDown() throws Exception {
        if (registry != null) { // the tags the Jenkinsfile's build gave, in the test engine
            for (String image : Commands.run(
                            "docker",
                            "images",
                            "--format",
                            "{{.Repository}}:{{.Tag}}",
                            "--filter",
                            "reference=" + registry + "/" + NAMESPACE + "/*")
                    .lines()
                    .toList()) {
                Commands.succeeds("docker", "rmi", image);
            }
        }
        if (seedEngine != null && Files.isDirectory(work.resolve("seed"))) {
            MavenRun.run(work.resolve("seed"), settings, "docstack:down", "-Ddocstack.removeVolumes", dockerHost());
        }
        for (Process process : registries) { // the twin first out of the namespace, which goes with the engine
            process.destroy();
            process.onExit().orTimeout(30, TimeUnit.SECONDS).join();
        }
        if (seedEngine != null) {
            seedEngine.close();
        }
    }

    @Test
    void theCloudOfOneReleaseComesFromTheRegistryOntoAnEngineThatHasNoneOfItsImages() throws Exception {
        assertEquals("", images(), "the second engine starts with no image at all");
        Path seed = seedStack("seed", cloud.release());

        long start = System.nanoTime();
        MavenRun.Result up = MavenRun.run(Duration.ofMinutes(20), seed, settings, "docstack:up", dockerHost());
        double seconds = (System.nanoTime() - start) / 1e9;
        assertTrue(up.succeeded(), up.log());
        Matcher pulled = Pattern.compile("\\(pulled, (\\d+) ms\\)").matcher(up.log());
        long slowestPull = 0;
        while (pulled.find()) {
            slowestPull = Math.max(slowestPull, Long.parseLong(pulled.group(1)));
        }
        System.out.printf(
                "[seed-it] pull and up of %d projects: %.1f s (mvn docstack:up), all pulled after %.1f s%n",
                cloud.projects().size(), seconds, slowestPull / 1e3);

        for (Stack.Project project : cloud.projects()) {
            assertTrue(
                    up.log()
                            .contains("[resolve] " + project.name() + ": " + registry + "/" + NAMESPACE + "/"
                                    + project.name() + ":" + cloud.release() + " (pulled, "),
                    project.name() + " pulled from the registry by its release:\n" + up.log());
        }
        assertFalse(up.log().contains("built from"), "nothing built:\n" + up.log());
        TreeSet<String> expected = new TreeSet<>();
        cloud.projects()
                .forEach(p -> expected.add(registry + "/" + NAMESPACE + "/" + p.name() + ":" + cloud.release()));
        assertEquals(String.join("\n", expected), images(), "the engine holds the pulled images and no other");

        OpenStackClient openstack =
                new OpenStackClient("seed", seed.resolve(".docstack/seed/clouds.yaml"), seedEngine.namespaceCommand());
        assertTrue(openstack
                .run("catalog", "list", "-f", "value", "-c", "Name")
                .lines()
                .anyMatch("keystone"::equals));
        if (cloud.projects().stream().anyMatch(p -> p.name().equals("nova"))) {
            openstack.awaitComputeHost("seed", NeutronNetworking.of(cloud.release()));
            assertEquals("ACTIVE", openstack.createServerOnANewNetwork("seed", "10.40.50.0/24", work));
        }
    }

    @Test
    void aReleaseTheRegistryDoesNotHoldStopsUpBeforeAnythingStarts() throws Exception {
        Path other = seedStack("other", "2024.1");

        MavenRun.Result up = MavenRun.run(other, settings, "docstack:up", dockerHost());

        assertFalse(up.succeeded());
        Matcher refusal = Pattern.compile("Project (\\S+): Pulling " + Pattern.quote(registry)
                        + "/docstack/\\1:2024\\.1"
                        + " failed: .*The registry " + Pattern.quote(registry) + " holds no such image or tag\\."
                        + " Nothing was started: push that image to the registry first")
                .matcher(up.log());
        assertTrue(refusal.find(), up.log());
        String stackLabel = "label=io.github.docstack.stack=other";
        assertEquals("", seedDocker("ps", "-aq", "--filter", stackLabel), "no container");
        assertEquals("", seedDocker("volume", "ls", "-q", "--filter", stackLabel), "no volume");
        assertEquals("", seedDocker("network", "ls", "-q", "--filter", stackLabel), "no network");
    }

    /**
     * A project's CI job on its default branch: its checkout, the Jenkinsfile's build and push, and the release's tag
     * in the registry after it.
     */
    private static void ciJob(String project) throws Exception {
        Path checkout = work.resolve("checkouts").resolve(project);
        TestResources.copy("/cloud/" + project, checkout);
        SampleProject.committed(checkout, project).close();
        for (String command : jenkinsfileCommands()) {
            runAsJenkins(checkout, command);
        }
        String tags =
                Commands.run("curl", "-fsS", "http://" + registry + "/v2/" + NAMESPACE + "/" + project + "/tags/list");
        assertTrue(tags.contains("\"" + cloud.release() + "\""), project + "'s tags: " + tags);
    }

    /** A stack file of the cloud's projects by name only: each comes from the registry as the release's tag. */
    private static Path seedStack(String name, String release) throws Exception {
        Path directory = Files.createDirectories(work.resolve(name));
        StringBuilder stack = new StringBuilder("apiVersion: docstack/v1\nkind: Stack\nname: " + name + "\nregistry: "
                + registry + "/" + NAMESPACE + "\nrelease: \"" + release + "\"\nprojects:\n");
        cloud.projects()
                .forEach(project -> stack.append("  - ").append(project.name()).append('\n'));
        Files.writeString(directory.resolve("stack.yaml"), stack);
        return directory;
    }

    private static String dockerHost() {
        return "-Ddocstack.dockerHost=" + seedEngine.host();
    }

    /** What the docker CLI prints about the second engine, trimmed. */
    private static String seedDocker(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("docker", "-H", seedEngine.host()));
        command.addAll(List.of(arguments));
        return Commands.run(command.toArray(String[]::new)).strip();
    }

    /** The second engine's images, one {@code repository:tag} a line, sorted. */
    private static String images() throws Exception {
        return String.join(
                "\n",
                new TreeSet<>(seedDocker("images", "--format", "{{.Repository}}:{{.Tag}}")
                        .lines()
                        .toList()));
    }

    /** The build and push commands of docstack:init's Jenkinsfile, in its order. */
    private static List<String> jenkinsfileCommands() throws Exception {
        String jenkinsfile;
        try (InputStream in = SeedIT.class.getResourceAsStream("/io/github/docstack/init/Jenkinsfile")) {
            jenkinsfile = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> commands = new ArrayList<>();
        Matcher sh = Pattern.compile("sh '(mvn [^']*)'").matcher(jenkinsfile);
        while (sh.find()) {
            if (sh.group(1).contains(":build") || sh.group(1).contains(":push")) {
                commands.add(sh.group(1));
            }
        }
        assertEquals(2, commands.size(), jenkinsfile);
        return commands;
    }

    /**
     * Runs one of the Jenkinsfile's shell steps in a checkout as Jenkins would on the default branch: its environment
     * block's variables set to this test's registry, its release parameter to the cloud's release, and its {@code
     * mvn} this build's wrapper with the test's repository.
     */
    private static void runAsJenkins(Path checkout, String command) throws Exception {
        Path bin = work.resolve("bin");
        ProcessBuilder builder = new ProcessBuilder("sh", "-c", command)
                .directory(checkout.toFile())
                .redirectErrorStream(true)
                .redirectOutput(checkout.resolveSibling(checkout.getFileName() + "-jenkins.log")
                        .toFile());
        builder.environment()
                .putAll(Map.of(
                        "PATH",
                        bin + ":" + System.getenv("PATH"),
                        "DOCSTACK",
                        MavenRun.PLUGIN,
                        "DOCSTACK_REGISTRY",
                        registry,
                        "DOCSTACK_NAMESPACE",
                        NAMESPACE,
                        "MAVEN_SETTINGS",
                        settings.toString(),
                        "BRANCH_NAME",
                        "main"));
        Process process = builder.start();
        assertTrue(process.waitFor(30, TimeUnit.MINUTES), command + " did not finish in 30 minutes");
        assertEquals(
                0,
                process.exitValue(),
                command + " in " + checkout + ":\n"
                        + Files.readString(checkout.resolveSibling(checkout.getFileName() + "-jenkins.log")));
    }

    /** Waits until the registry answers, through {@code prefix} (a namespace's) when there is one. */
    private static void awaitRegistry(List<String> prefix) throws Exception {
        List<String> probe = new ArrayList<>(prefix);
        probe.addAll(List.of("curl", "-fsS", "http://" + registry + "/v2/"));
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!Commands.succeeds(probe.toArray(String[]::new))) {
            assertTrue(System.nanoTime() < deadline, "the test's registry did not answer: " + probe);
            Thread.sleep(200);
        }
    }
}
