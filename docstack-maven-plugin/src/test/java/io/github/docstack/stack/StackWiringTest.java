package io.github.docstack.stack;

import static io.github.docstack.stack.TestProjects.GLANCE;
import static io.github.docstack.stack.TestProjects.IMAGE_CHECK;
import static io.github.docstack.stack.TestProjects.MARIADB;
import static io.github.docstack.stack.TestProjects.manifest;
import static io.github.docstack.stack.TestProjects.service;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.docstack.manifest.Manifest;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Wiring is pure logic: manifests in, containers and their order out. */
class StackWiringTest {

    @TempDir
    Path dir;

    private Stack stack(ResolvedProject... projects) {
        return TestProjects.stack(dir, projects);
    }

    @Test
    void addedLinuxCapabilitiesReachTheContainerAndItsConfigurationHash() throws Exception {
        Manifest.Service plain = service("agent", 9696, Map.of());
        Manifest.Service withNetAdmin = new Manifest.Service(
                "agent",
                List.of(),
                List.of(),
                Map.of(),
                List.of(9696),
                null,
                Map.of(),
                null,
                null,
                List.of("NET_ADMIN"));
        SecretStore secrets = new SecretStore(dir.resolve("secrets.properties"));
        Deployment.Unit before = agentUnit(plain, secrets);
        Deployment.Unit after = agentUnit(withNetAdmin, secrets);

        assertEquals(List.of(), before.spec().capAdd());
        assertEquals(List.of("NET_ADMIN"), after.spec().capAdd());
        assertTrue(!before.configHash().equals(after.configHash()), "a changed cap_add recreates the container");
    }

    @Test
    void aServiceIsReadyByItsImagesCheckUnlessItsManifestHasOne() throws Exception {
        SecretStore secrets = new SecretStore(dir.resolve("secrets.properties"));
        assertEquals(
                List.of("/bin/sh", "-c", "mariadb-admin ping"),
                agentUnit(service("agent", 80, Map.of()), secrets).readiness().command());

        Manifest.Service checked = checkedAgent(
                new Manifest.HealthcheckSpec(List.of("curl", "-f", "http://localhost/"), null, null, null, null, null));
        Deployment.Unit unit = agentUnit(checked, secrets);
        assertEquals(
                List.of("curl", "-f", "http://localhost/"), unit.readiness().command());
        assertEquals(java.time.Duration.ofMillis(500), unit.readiness().interval(), "up checks often while it waits");
        io.github.docstack.engine.Healthcheck engineCheck = unit.spec().healthcheck();
        assertEquals(java.time.Duration.ofSeconds(30), engineCheck.interval(), "the engine checks seldom once it runs");
        assertEquals(3, engineCheck.retries());
        assertEquals(
                java.time.Duration.ofMinutes(5),
                engineCheck.startPeriod(),
                "under Compose, a service starting slowly is not judged unhealthy by three early checks");
    }

    @Test
    void readinessIsNeverSlowerThanTheSteadyInterval() throws Exception {
        SecretStore secrets = new SecretStore(dir.resolve("secrets.properties"));
        Manifest.Service fast =
                checkedAgent(new Manifest.HealthcheckSpec(List.of("true"), "200ms", null, null, null, null));
        assertEquals(
                java.time.Duration.ofMillis(200),
                agentUnit(fast, secrets).readiness().interval());

        Manifest.Service chosen =
                checkedAgent(new Manifest.HealthcheckSpec(List.of("true"), "1m", null, null, null, "2s"));
        assertEquals(
                java.time.Duration.ofSeconds(2),
                agentUnit(chosen, secrets).readiness().interval());
        assertEquals(
                java.time.Duration.ofMinutes(1),
                agentUnit(chosen, secrets).spec().healthcheck().interval());
    }

    @Test
    void whereUpChecksReadinessItselfTheEngineChecksEveryTwoMinutesUnlessTheManifestSaysOtherwise() throws Exception {
        SecretStore secrets = new SecretStore(dir.resolve("secrets.properties"));
        Manifest.Service unsaid =
                checkedAgent(new Manifest.HealthcheckSpec(List.of("true"), null, null, null, null, null));
        Manifest.Service said =
                checkedAgent(new Manifest.HealthcheckSpec(List.of("true"), "10s", null, null, null, null));

        assertEquals(
                java.time.Duration.ofMinutes(2),
                agentUnit(unsaid, secrets, ReadinessGate.UP)
                        .spec()
                        .healthcheck()
                        .interval());
        assertEquals(
                java.time.Duration.ofSeconds(30),
                agentUnit(unsaid, secrets, ReadinessGate.ENGINE)
                        .spec()
                        .healthcheck()
                        .interval(),
                "where the engine's verdict gates a start (Compose), it checks often");
        assertEquals(
                java.time.Duration.ofMillis(500),
                agentUnit(unsaid, secrets, ReadinessGate.UP).readiness().interval(),
                "up itself checks as often as ever while it waits");
        assertEquals(
                java.time.Duration.ofSeconds(10),
                agentUnit(said, secrets, ReadinessGate.UP).spec().healthcheck().interval());
    }

    /** The service "agent" on port 80, with {@code check} as its manifest's healthcheck. */
    private static Manifest.Service checkedAgent(Manifest.HealthcheckSpec check) {
        return new Manifest.Service(
                "agent", List.of(), List.of(), Map.of(), List.of(80), check, Map.of(), null, null, List.of());
    }

    private Deployment.Unit agentUnit(Manifest.Service agent, SecretStore secrets) throws Exception {
        return agentUnit(agent, secrets, ReadinessGate.ENGINE);
    }

    private Deployment.Unit agentUnit(Manifest.Service agent, SecretStore secrets, ReadinessGate gate)
            throws Exception {
        ResolvedProject project = new ResolvedProject(
                "neutron",
                "neutron:latest",
                "sha256:3",
                manifest("neutron", List.of(), List.of(), List.of(), Map.of("agent", agent)),
                IMAGE_CHECK);
        return StackWiring.wire(stack(project), List.of(project), secrets, 0, Map.of(), gate)
                .units()
                .get(0);
    }

    @Test
    void providerThenProvisionThenInitThenService() throws Exception {
        SecretStore secrets = new SecretStore(dir.resolve("secrets.properties"));
        Deployment deployment = StackWiring.wire(stack(GLANCE, MARIADB), List.of(GLANCE, MARIADB), secrets, 1000);

        Map<String, Deployment.Unit> units = new java.util.HashMap<>();
        deployment.units().forEach(unit -> units.put(unit.id(), unit));
        assertEquals(Set.of("mariadb"), units.get("provision-mariadb-glance").after());
        assertEquals(
                Set.of("mariadb", "provision-mariadb-glance"),
                units.get("init-glance-db-sync").after());
        assertEquals(
                Set.of("mariadb", "provision-mariadb-glance", "init-glance-db-sync"),
                units.get("glance-api").after());

        Map<String, String> environment = units.get("glance-api").spec().environment();
        String secret = secrets.get(SecretKeys.account("mariadb", "glance"));
        assertEquals("mysql://glance:" + secret + "@mariadb:3306/glance", environment.get("DATABASE_URL"));
        assertEquals("http://127.0.0.1:10292", environment.get("SELF"), "public addresses carry the port offset");
        assertEquals(Map.of(9292, 10292), units.get("glance-api").ports());
        assertEquals(
                "glance",
                units.get("provision-mariadb-glance").spec().environment().get("DOCSTACK_CONSUMER"));
        assertEquals(
                secret,
                units.get("provision-mariadb-glance").spec().environment().get("DOCSTACK_SECRET"));
        assertEquals(
                secrets.get(SecretKeys.ADMIN),
                units.get("provision-mariadb-glance").spec().environment().get("ADMIN_PASSWORD"),
                "a provision's own environment is rendered, so a password need not ride on its command line");
        assertEquals(
                List.of("provision"),
                units.get("provision-mariadb-glance").spec().command());
        assertEquals(
                "ERROR 1045: Access denied for glance:******",
                deployment.secrets().redact("ERROR 1045: Access denied for glance:" + secret),
                "a failed step's log lines never show a secret");
    }

    @Test
    void aProjectsOwnSecretIsOneAcrossItsManifestAndNoOtherProjects() throws Exception {
        ResolvedProject broker = new ResolvedProject(
                "rabbitmq",
                "rabbitmq:latest",
                "sha256:6",
                manifest(
                        "rabbitmq",
                        List.of(),
                        List.of(new Manifest.Capability(
                                "messaging",
                                List.of("provision"),
                                Map.of(),
                                Map.of("ADMIN_PASSWORD", "${project.secret}"))),
                        List.of(),
                        Map.of("rabbitmq", service("rabbitmq", 5672, Map.of("ADMIN_PASSWORD", "${project.secret}")))),
                IMAGE_CHECK);
        ResolvedProject consumer = new ResolvedProject(
                "nova",
                "nova:latest",
                "sha256:7",
                manifest(
                        "nova",
                        List.of(new Manifest.Requirement("messaging", Map.of())),
                        List.of(),
                        List.of(),
                        Map.of("nova-api", service("nova-api", 8774, Map.of("OWN", "${project.secret}")))),
                IMAGE_CHECK);
        SecretStore secrets = new SecretStore(dir.resolve("secrets.properties"));
        Map<String, Deployment.Unit> units = new java.util.HashMap<>();
        StackWiring.wire(stack(consumer, broker), List.of(consumer, broker), secrets, 0)
                .units()
                .forEach(unit -> units.put(unit.id(), unit));

        String brokers = units.get("rabbitmq").spec().environment().get("ADMIN_PASSWORD");
        assertEquals(
                brokers,
                units.get("provision-rabbitmq-nova").spec().environment().get("ADMIN_PASSWORD"),
                "the service and its provision step share the project's secret");
        assertTrue(!brokers.equals(secrets.get(SecretKeys.ADMIN)), "not the stack's admin password");
        assertTrue(
                !brokers.equals(units.get("nova-api").spec().environment().get("OWN")), "another project has its own");
        secrets.save();
        assertEquals(
                brokers,
                new SecretStore(dir.resolve("secrets.properties")).get(SecretKeys.own("rabbitmq")),
                "kept between runs");
    }

    @Test
    void anInitStepWaitsOnlyForWhatItNeeds() throws Exception {
        ResolvedProject keystone = new ResolvedProject(
                "keystone",
                "keystone:latest",
                "sha256:5",
                manifest(
                        "keystone",
                        List.of(new Manifest.Requirement("database", Map.of())),
                        List.of(new Manifest.Capability("identity", List.of("provision"), Map.of())),
                        List.of(),
                        Map.of("keystone", service("keystone", 5000, Map.of()))),
                IMAGE_CHECK);
        ResolvedProject glance = new ResolvedProject(
                "glance",
                "glance:latest",
                "sha256:2",
                manifest(
                        "glance",
                        List.of(
                                new Manifest.Requirement("database", Map.of()),
                                new Manifest.Requirement("identity", Map.of())),
                        List.of(),
                        List.of(
                                new Manifest.Step(
                                        "db-sync", List.of("glance-manage", "db_sync"), Map.of(), List.of("database")),
                                new Manifest.Step("warm", List.of("true"), Map.of(), List.of()),
                                new Manifest.Step("register", List.of("true"), Map.of(), null)),
                        Map.of("glance-api", service("glance-api", 9292, Map.of()))),
                IMAGE_CHECK);
        Deployment deployment = StackWiring.wire(
                stack(glance, keystone, MARIADB),
                List.of(glance, keystone, MARIADB),
                new SecretStore(dir.resolve("secrets.properties")),
                0);

        Map<String, Deployment.Unit> units = new java.util.HashMap<>();
        deployment.units().forEach(unit -> units.put(unit.id(), unit));
        assertEquals(
                Set.of("mariadb", "provision-mariadb-glance"),
                units.get("init-glance-db-sync").after(),
                "the schema migration does not wait for identity");
        assertEquals(
                Set.of("init-glance-db-sync"),
                units.get("init-glance-warm").after(),
                "needs: [] waits only for earlier steps");
        assertEquals(
                Set.of(
                        "mariadb",
                        "provision-mariadb-glance",
                        "keystone",
                        "provision-keystone-glance",
                        "init-glance-db-sync",
                        "init-glance-warm"),
                units.get("init-glance-register").after(),
                "no needs: everything");
        assertEquals(
                Set.of(
                        "mariadb",
                        "provision-mariadb-glance",
                        "keystone",
                        "provision-keystone-glance",
                        "init-glance-db-sync",
                        "init-glance-warm",
                        "init-glance-register"),
                units.get("glance-api").after());
    }

    @Test
    void aVerifyStepIsWiredLikeAConsumerButIsNoPartOfUp() throws Exception {
        ResolvedProject suite = new ResolvedProject(
                "suite",
                "suite:latest",
                "sha256:6",
                new Manifest(
                        "docstack/v1",
                        "suite",
                        null,
                        Manifest.BuildSpec.DEFAULT,
                        List.of(new Manifest.Requirement("database", Map.of())),
                        List.of(),
                        List.of(),
                        Map.of(),
                        List.of(),
                        List.of(),
                        List.of(new Manifest.Verification(
                                "smoke", List.of("run-tests", "${stack.name}"), Map.of("LEVEL", "smoke"), "/reports")),
                        List.of()),
                IMAGE_CHECK);
        SecretStore secrets = new SecretStore(dir.resolve("secrets.properties"));
        Deployment deployment = StackWiring.wire(stack(suite, MARIADB), List.of(suite, MARIADB), secrets, 0);

        assertTrue(
                deployment.units().stream()
                        .noneMatch(unit -> unit.project().equals("suite") && unit.kind() != Deployment.Kind.PROVISION),
                "up runs the provision for the suite, never the suite itself");
        Deployment.Verification smoke = deployment.verifications().get(0);
        assertEquals("verify-suite-smoke", smoke.id());
        assertEquals("dev-verify-suite-smoke", smoke.spec().name());
        assertEquals(List.of("run-tests", "dev"), smoke.spec().command());
        assertEquals(
                "mysql://suite:" + secrets.get(SecretKeys.account("mariadb", "suite")) + "@mariadb:3306/suite",
                smoke.spec().environment().get("DATABASE_URL"));
        assertEquals("smoke", smoke.spec().environment().get("LEVEL"));
        assertEquals("verify", smoke.spec().labels().get(StackLabels.KIND));
        assertEquals("dev", smoke.spec().network());
        assertEquals("/reports", smoke.reports());
    }

    /** The glance-on-mariadb deployment, for other tests. */
    Deployment glanceAndMariadb(Path directory, SecretStore secrets) throws Exception {
        dir = directory;
        return StackWiring.wire(stack(GLANCE, MARIADB), List.of(GLANCE, MARIADB), secrets, 0);
    }

    @Test
    void aPlacedProjectsUnitsCarryTheirNodeWhichChangesTheirHash() throws Exception {
        SecretStore secrets = new SecretStore(dir.resolve("secrets.properties"));
        Deployment anywhere = StackWiring.wire(stack(GLANCE, MARIADB), List.of(GLANCE, MARIADB), secrets, 0);
        Stack placed = stack(GLANCE, MARIADB);
        placed = new Stack(
                placed.file(),
                placed.name(),
                placed.registry(),
                placed.release(),
                placed.projects().stream()
                        .map(p -> p.name().equals("mariadb")
                                ? new Stack.Project(p.name(), p.path(), p.image(), p.release(), p.profiles(), "db-1")
                                : p)
                        .toList());
        Deployment onItsNode = StackWiring.wire(placed, List.of(GLANCE, MARIADB), secrets, 0);

        Deployment.Unit mariadb = onItsNode.units().stream()
                .filter(unit -> unit.id().equals("mariadb"))
                .findFirst()
                .orElseThrow();
        assertEquals("db-1", mariadb.spec().labels().get(StackLabels.NODE));
        assertTrue(
                onItsNode.units(Deployment.Kind.PROVISION).stream()
                        .allMatch(step -> "db-1".equals(step.spec().labels().get(StackLabels.NODE))),
                "its steps go where its data is");
        assertTrue(
                !mariadb.configHash()
                        .equals(anywhere.units().stream()
                                .filter(unit -> unit.id().equals("mariadb"))
                                .findFirst()
                                .orElseThrow()
                                .configHash()),
                "moving it is a change");
        assertEquals(
                null,
                onItsNode.units().stream()
                        .filter(unit -> unit.id().equals("glance-api"))
                        .findFirst()
                        .orElseThrow()
                        .spec()
                        .labels()
                        .get(StackLabels.NODE));
    }

    @Test
    void aProjectPublishedOnAnotherNodesAddressIsReachedThereByItsPublicPlaceholders() throws Exception {
        SecretStore secrets = new SecretStore(dir.resolve("secrets.properties"));
        Deployment deployment = StackWiring.wire(
                stack(GLANCE, MARIADB), List.of(GLANCE, MARIADB), secrets, 1000, Map.of("glance", "10.213.0.2"));

        Deployment.Unit glance = deployment.units().stream()
                .filter(unit -> unit.id().equals("glance-api"))
                .findFirst()
                .orElseThrow();
        assertEquals(
                "http://10.213.0.2:10292",
                glance.spec().environment().get("SELF"),
                "a client on this machine reaches glance where its node publishes it");
        assertEquals(Map.of(9292, 10292), glance.ports());
    }

    @Test
    void missingProviderNamesWhoNeedsWhat() {
        StackException failure = assertThrows(
                StackException.class,
                () -> StackWiring.wire(stack(GLANCE), List.of(GLANCE), new SecretStore(dir.resolve("s")), 0));
        assertEquals(
                "glance requires database, but no project of the stack provides it: add a project that provides"
                        + " database to the stack file",
                failure.getMessage());
    }

    @Test
    void twoProvidersAreAmbiguous() {
        ResolvedProject postgres = new ResolvedProject(
                "postgres",
                "postgres:latest",
                "sha256:3",
                manifest(
                        "postgres",
                        List.of(),
                        MARIADB.manifest().provides(),
                        List.of(),
                        Map.of("postgres", service("postgres", 5432, Map.of()))),
                IMAGE_CHECK);
        StackException failure = assertThrows(
                StackException.class,
                () -> StackWiring.wire(
                        stack(GLANCE, MARIADB, postgres),
                        List.of(GLANCE, MARIADB, postgres),
                        new SecretStore(dir.resolve("s")),
                        0));
        assertTrue(
                failure.getMessage().contains("mariadb and postgres all provide it: keep one"), failure.getMessage());
    }

    @Test
    void portClashIsFoundBeforeAnythingStarts() {
        ResolvedProject other = new ResolvedProject(
                "other",
                "other:latest",
                "sha256:4",
                manifest("other", List.of(), List.of(), List.of(), Map.of("other", service("other", 3306, Map.of()))),
                IMAGE_CHECK);
        StackException failure = assertThrows(
                StackException.class,
                () -> StackWiring.wire(
                        stack(MARIADB, other), List.of(MARIADB, other), new SecretStore(dir.resolve("s")), 0));
        assertTrue(
                failure.getMessage().startsWith("Port 3306 is wanted by mariadb/mariadb and by other/other"),
                failure.getMessage());
    }

    @Test
    void anInitStepWithInputsStaysDoneAcrossANewImageUntilItsInputsChange() throws Exception {
        SecretStore secrets = new SecretStore(dir.resolve("secrets.properties"));
        String first = initHashes(secrets, "sha256:a", Map.of("db-sync", "migrations-1"));
        String rebuilt = initHashes(secrets, "sha256:b", Map.of("db-sync", "migrations-1"));
        String migrated = initHashes(secrets, "sha256:c", Map.of("db-sync", "migrations-2"));
        String unlabelled = initHashes(secrets, "sha256:d", Map.of());

        assertEquals(
                first.split(" ")[0],
                rebuilt.split(" ")[0],
                "db-sync (with inputs) is kept: its migrations are the same");
        assertTrue(
                !first.split(" ")[1].equals(rebuilt.split(" ")[1]), "bootstrap (no inputs) runs again on a new image");
        assertTrue(!first.split(" ")[0].equals(migrated.split(" ")[0]), "a changed migration runs db-sync again");
        assertTrue(
                !migrated.split(" ")[0].equals(unlabelled.split(" ")[0]), "an image without the label runs it again");
    }

    /** The configuration hashes of glance's two init steps, db-sync (with inputs) and bootstrap, space-separated. */
    private String initHashes(SecretStore secrets, String imageId, Map<String, String> stepInputs) throws Exception {
        ResolvedProject glance = new ResolvedProject(
                "glance",
                "glance:latest",
                imageId,
                manifest(
                        "glance",
                        List.of(new Manifest.Requirement("database", Map.of())),
                        List.of(),
                        List.of(
                                new Manifest.Step(
                                        "db-sync",
                                        List.of("glance-manage", "db_sync"),
                                        Map.of(),
                                        null,
                                        List.of("glance/db/migrations")),
                                new Manifest.Step("bootstrap", List.of("true"), Map.of(), null)),
                        Map.of("glance-api", service("glance-api", 9292, Map.of()))),
                IMAGE_CHECK,
                stepInputs,
                null);
        Map<String, String> hashes = new java.util.HashMap<>();
        StackWiring.wire(stack(glance, MARIADB), List.of(glance, MARIADB), secrets, 0)
                .units()
                .forEach(unit -> hashes.put(unit.id(), unit.configHash()));
        return hashes.get("init-glance-db-sync") + " " + hashes.get("init-glance-bootstrap");
    }

    @Test
    void eachVolumeCarriesTheReleaseOfTheImageWhoseServicesKeepTheirDataInIt() throws Exception {
        Manifest.Service mariadb = new Manifest.Service(
                "mariadb",
                List.of(),
                List.of(),
                Map.of(),
                List.of(3306),
                null,
                Map.of("mariadb-data", "/var/lib/mysql"),
                null,
                null,
                List.of());
        ResolvedProject ofRelease = new ResolvedProject(
                "mariadb",
                "mariadb:2026.2",
                "sha256:9",
                manifest("mariadb", List.of(), List.of(), List.of(), Map.of("mariadb", mariadb)),
                IMAGE_CHECK,
                Map.of(),
                "2026.2");

        Deployment deployment = StackWiring.wire(
                stack(ofRelease), List.of(ofRelease), new SecretStore(dir.resolve("secrets.properties")), 0);

        assertEquals(List.of(new Deployment.Volume("dev_mariadb-data", "2026.2")), deployment.volumes());
    }

    @Test
    void sameConfigurationGivesTheSameHash() throws Exception {
        SecretStore secrets = new SecretStore(dir.resolve("secrets.properties"));
        String first = glanceApiHash(secrets, 0);
        String again = glanceApiHash(secrets, 0);
        String moved = glanceApiHash(secrets, 5);
        assertEquals(first, again);
        assertTrue(!first.equals(moved), "a moved published port is a changed configuration");
    }

    private String glanceApiHash(SecretStore secrets, int offset) throws Exception {
        return StackWiring.wire(stack(GLANCE, MARIADB), List.of(GLANCE, MARIADB), secrets, offset).units().stream()
                .filter(unit -> unit.id().equals("glance-api"))
                .findFirst()
                .orElseThrow()
                .configHash();
    }
}
