package io.github.docstack.stack;

import static io.github.docstack.stack.TestProjects.GLANCE;
import static io.github.docstack.stack.TestProjects.MARIADB;
import static io.github.docstack.stack.TestProjects.MEMCACHED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.docstack.engine.EngineException;
import io.github.docstack.engine.EngineLog;
import io.github.docstack.engine.InMemoryEngine;
import io.github.docstack.manifest.Manifest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * up and down on an engine in memory: mariadb provides glance's database (a provision step), glance syncs its schema
 * (an init step), then glance-api starts. What the real engine adds is the ITs' to show.
 */
class StackRunnerTest {

    private static final StackRunner.Timeouts TIMEOUTS =
            new StackRunner.Timeouts(Duration.ofSeconds(5), Duration.ofSeconds(5));
    /** Far from the ports other tests and samples publish: up checks that the ports are free on this machine. */
    private static final int PORT_OFFSET = 41000;

    private static final String MARIADB_SERVICE = "mariadb";
    private static final String PROVISION = "provision-mariadb-glance";
    private static final String DB_SYNC = "init-glance-db-sync";
    private static final String GLANCE_API = "glance-api";

    @TempDir
    Path dir;

    private InMemoryEngine engine;
    private StackRunner runner;
    private SecretStore secrets;

    @BeforeEach
    void engine() throws Exception {
        engine = new InMemoryEngine();
        runner = new StackRunner(engine, EngineLog.SILENT);
        secrets = new SecretStore(dir.resolve("secrets.properties"));
    }

    /** The stack of these projects as up gets it: wired, its secrets kept for the next up. */
    private Deployment deployment(ResolvedProject... projects) throws Exception {
        Deployment deployment =
                StackWiring.wire(TestProjects.stack(dir, projects), List.of(projects), secrets, PORT_OFFSET);
        secrets.save();
        return deployment;
    }

    @Test
    void aServiceOffTheLongestChainYieldsTheCpuUntilUpEnds() throws Exception {
        runner.up(deployment(MARIADB, GLANCE, MEMCACHED), TIMEOUTS, 4);

        List<String> journal = engine.journal();
        int yielded = journal.indexOf("weight memcached " + CpuPriority.YIELDING);
        assertTrue(yielded >= 0 && yielded < journal.indexOf("start memcached"), journal.toString());
        assertTrue(
                journal.indexOf("ready " + GLANCE_API) < journal.indexOf("weight memcached 1024"), journal.toString());
        assertFalse(
                journal.stream().anyMatch(entry -> entry.startsWith("weight " + MARIADB_SERVICE)),
                "on the longest chain: the engine's default share");
    }

    @Test
    void upKeepsTheTimeOfEachUnitThatRanForTheNextUpsWeights() throws Exception {
        Deployment deployment = deployment(MARIADB, GLANCE, MEMCACHED);

        runner.up(deployment, TIMEOUTS, 4);

        UnitTimes times = UnitTimes.of(deployment);
        for (Deployment.Unit unit : deployment.units()) {
            assertTrue(times.seconds(unit).isPresent(), unit.id());
        }
    }

    @Test
    void eachUnitStartsOnlyOnceWhatItWaitsForIsReadyOrDone() throws Exception {
        engine.failingChecks(MARIADB_SERVICE, 3); // mariadb takes a while

        StackRunner.UpReport report = runner.up(deployment(MARIADB, GLANCE), TIMEOUTS, 4);

        List<String> journal = engine.journal();
        assertTrue(
                journal.indexOf("ready " + MARIADB_SERVICE) < journal.indexOf("start " + PROVISION),
                journal.toString());
        assertTrue(journal.indexOf("done " + PROVISION) < journal.indexOf("start " + DB_SYNC), journal.toString());
        assertTrue(journal.indexOf("done " + DB_SYNC) < journal.indexOf("start " + GLANCE_API), journal.toString());
        assertTrue(journal.contains("ready " + GLANCE_API), journal.toString());
        assertEquals(
                List.of(MARIADB_SERVICE, GLANCE_API),
                report.services().stream()
                        .map(StackRunner.ServiceReport::service)
                        .toList());
        assertEquals(4, report.started());
    }

    @Test
    void aUnitStartedAheadIsReleasedOnlyOnceWhatItWaitsForIsReadyOrDone() throws Exception {
        engine.startingAhead().failingChecks(MARIADB_SERVICE, 3);

        runner.up(deployment(MARIADB, GLANCE), TIMEOUTS, 4);

        List<String> journal = engine.journal();
        for (String unit : List.of(PROVISION, DB_SYNC, GLANCE_API)) {
            assertEquals(1, java.util.Collections.frequency(journal, "start " + unit), journal.toString());
            assertTrue(
                    journal.indexOf("start " + unit) < journal.indexOf("signal " + unit + " URG"), journal.toString());
        }
        assertTrue(
                journal.indexOf("ready " + MARIADB_SERVICE) < journal.indexOf("signal " + PROVISION + " URG"),
                journal.toString());
        assertTrue(
                journal.indexOf("done " + PROVISION) < journal.indexOf("signal " + DB_SYNC + " URG"),
                journal.toString());
        assertTrue(
                journal.indexOf("done " + DB_SYNC) < journal.indexOf("signal " + GLANCE_API + " URG"),
                journal.toString());
        assertFalse(journal.contains("signal " + MARIADB_SERVICE + " URG"), "waits for nothing: started at once");
    }

    @Test
    void aUnitStartedAheadWhoseTurnNeverComesIsRemoved() throws Exception {
        engine.startingAhead().failingChecks(MARIADB_SERVICE, -1);
        StackRunner.Timeouts quick = new StackRunner.Timeouts(Duration.ofMillis(500), Duration.ofSeconds(5));

        assertThrows(StackException.class, () -> runner.up(deployment(MARIADB, GLANCE), quick, 4));

        List<String> journal = engine.journal();
        assertTrue(journal.contains("start " + PROVISION), "started ahead while mariadb started: " + journal);
        assertFalse(journal.contains("signal " + PROVISION + " URG"), journal.toString());
        assertTrue(
                journal.indexOf("start " + PROVISION) < journal.indexOf("remove " + PROVISION),
                "held, never released: gone, not left running something it is not: " + journal);
    }

    @Test
    void aUnitTheEngineWillNotStartAheadIsMadeAgainAndStartedAtItsTurn() throws Exception {
        engine.startingAhead().failingFirstStart(GLANCE_API); // as an image without /bin/sh for the hold

        StackRunner.UpReport report = runner.up(deployment(MARIADB, GLANCE), TIMEOUTS, 4);

        List<String> journal = engine.journal();
        assertEquals(2, java.util.Collections.frequency(journal, "create " + GLANCE_API), journal.toString());
        assertTrue(journal.indexOf("done " + DB_SYNC) < journal.lastIndexOf("start " + GLANCE_API), journal.toString());
        assertFalse(journal.contains("signal " + GLANCE_API + " URG"), "made again, not held: " + journal);
        assertTrue(journal.contains("ready " + GLANCE_API), journal.toString());
        assertEquals(4, report.started());
    }

    @Test
    void aStepBorrowsTheNetworkNamespaceOfAServiceItWaitsForWhereTheEngineAllows() throws Exception {
        engine.sharingNetworkNamespaces();
        Deployment deployment = deployment(MARIADB, GLANCE);

        runner.up(deployment, TIMEOUTS, 4);

        String mariadbContainer = deployment.units().stream()
                .filter(unit -> unit.id().equals(MARIADB_SERVICE))
                .findFirst()
                .orElseThrow()
                .spec()
                .name();
        // The provision step waits for mariadb; glance's db sync for the provision step, so for mariadb too.
        assertEquals("container:" + mariadbContainer, engine.createdNetwork(PROVISION));
        assertEquals("container:" + mariadbContainer, engine.createdNetwork(DB_SYNC));
        assertEquals(deployment.network(), engine.createdNetwork(GLANCE_API), "a service has a namespace of its own");
        List<String> journal = engine.journal();
        assertTrue(
                journal.indexOf("create " + MARIADB_SERVICE) < journal.indexOf("create " + PROVISION),
                "the engine takes the lender's name for the container it names when the step is created: " + journal);
    }

    @Test
    void aStepHasANamespaceOfItsOwnWhereTheEngineCannotLendOne() throws Exception {
        Deployment deployment = deployment(MARIADB, GLANCE); // as on a Swarm, which places each task where it likes

        runner.up(deployment, TIMEOUTS, 4);

        assertEquals(deployment.network(), engine.createdNetwork(PROVISION));
        assertEquals(deployment.network(), engine.createdNetwork(DB_SYNC));
    }

    @Test
    void aServiceTheEngineChecksAsOftenIsJudgedByTheEnginesVerdictNotBySecondChecks() throws Exception {
        // Checked every 200 ms by the engine, as docstack would while waiting: a copy of ours would only take CPU.
        Manifest.HealthcheckSpec fast = new Manifest.HealthcheckSpec(List.of("probe"), "200ms", null, null, null, null);
        ResolvedProject clock = new ResolvedProject(
                "clock",
                "clock:latest",
                "sha256:3",
                TestProjects.manifest(
                        "clock",
                        List.of(),
                        List.of(),
                        List.of(),
                        Map.of(
                                "clock",
                                new Manifest.Service(
                                        "clock",
                                        List.of(),
                                        List.of(),
                                        Map.of(),
                                        List.of(7003),
                                        fast,
                                        Map.of(),
                                        null,
                                        null,
                                        List.of()))),
                null);
        engine.engineRunsChecks("clock").failingChecks("clock", 2);

        runner.up(deployment(clock), TIMEOUTS, 4);

        assertTrue(engine.journal().contains("healthy clock"), engine.journal().toString());
        assertTrue(!engine.journal().contains("ready clock"), "up ran the check itself: " + engine.journal());
    }

    @Test
    void everyContainerIsCreatedBeforeAnythingStarts() throws Exception {
        runner.up(deployment(MARIADB, GLANCE), TIMEOUTS, 4);

        List<String> journal = engine.journal();
        for (String unit : List.of(MARIADB_SERVICE, PROVISION, DB_SYNC, GLANCE_API)) {
            assertTrue(
                    journal.indexOf("create " + unit) < journal.indexOf("start " + MARIADB_SERVICE),
                    journal.toString());
        }
    }

    @Test
    void aSecondUpOfTheSameDeploymentTouchesNothing() throws Exception {
        runner.up(deployment(MARIADB, GLANCE), TIMEOUTS, 4);
        engine.clearJournal();

        StackRunner.UpReport again = runner.up(deployment(MARIADB, GLANCE), TIMEOUTS, 4);

        assertEquals(0, again.started());
        assertEquals(
                List.of(),
                engine.journal(),
                "no container created, started, removed or checked: the engine finds them" + " healthy");
    }

    @Test
    void aSecondUpChecksARunningServiceTheEngineDoesNotFindHealthy() throws Exception {
        runner.up(deployment(MARIADB, GLANCE), TIMEOUTS, 4);
        engine.clearJournal();
        engine.engineHealth(GLANCE_API, "unhealthy");

        runner.up(deployment(MARIADB, GLANCE), TIMEOUTS, 4);

        assertEquals(
                List.of("ready " + GLANCE_API), engine.journal(), "glance-api is checked until ready, nothing else");
    }

    @Test
    void aNewImageRecreatesItsProjectAndRerunsItsStepsButLeavesTheRestAlone() throws Exception {
        runner.up(deployment(MARIADB, GLANCE), TIMEOUTS, 4);
        engine.clearJournal();
        ResolvedProject newGlance = new ResolvedProject(
                GLANCE.name(), GLANCE.image(), "sha256:20", GLANCE.manifest(), GLANCE.imageReadiness());

        runner.up(deployment(MARIADB, newGlance), TIMEOUTS, 4);

        Set<String> touched = Set.copyOf(engine.journal().stream()
                .filter(entry -> !entry.startsWith("ready "))
                .map(entry -> entry.substring(entry.indexOf(' ') + 1))
                .toList());
        assertEquals(Set.of(DB_SYNC, GLANCE_API), touched, engine.journal().toString());
    }

    @Test
    void aServiceThatNeverGetsReadyFailsUpNamingItAndWhatWaitedForItNeverStarts() throws Exception {
        engine.failingChecks(MARIADB_SERVICE, -1);
        StackRunner.Timeouts quick = new StackRunner.Timeouts(Duration.ofMillis(200), Duration.ofSeconds(5));

        StackException failure =
                assertThrows(StackException.class, () -> runner.up(deployment(MARIADB, GLANCE), quick, 4));

        assertTrue(failure.getMessage().startsWith(MARIADB_SERVICE + " failed: "), failure.getMessage());
        assertTrue(
                failure.getMessage().contains("log of " + MARIADB_SERVICE),
                "with its last log lines: " + failure.getMessage());
        assertTrue(
                engine.journal().stream()
                        .noneMatch(entry -> entry.startsWith("start ") && !entry.endsWith(MARIADB_SERVICE)),
                engine.journal().toString());
    }

    @Test
    void aFailedStepFailsUpAndItsContainerStaysForInspection() throws Exception {
        engine.exitCode(DB_SYNC, 3);

        StackException failure =
                assertThrows(StackException.class, () -> runner.up(deployment(MARIADB, GLANCE), TIMEOUTS, 4));

        assertTrue(failure.getMessage().contains("exited with code 3"), failure.getMessage());
        assertTrue(engine.units().contains(DB_SYNC), "the failed step's container stays, for its log");
        assertTrue(
                !engine.journal().contains("start " + GLANCE_API),
                engine.journal().toString());
    }

    @Test
    void aCreateTheEngineRefusesLeavesNoContainerBehind() throws Exception {
        engine.failingCreate(GLANCE_API);

        assertThrows(EngineException.class, () -> runner.up(deployment(MARIADB, GLANCE), TIMEOUTS, 4));

        assertEquals(List.of(), engine.units(), "the containers created beside it are removed again");
    }

    @Test
    void statusListsEachUnitWithItsStateAndWhenAStepFinished() throws Exception {
        runner.up(deployment(MARIADB, GLANCE), TIMEOUTS, 4);

        List<StackRunner.UnitStatus> units = runner.status("dev");

        assertEquals(
                List.of(GLANCE_API, DB_SYNC, MARIADB_SERVICE, PROVISION),
                units.stream().map(StackRunner.UnitStatus::unit).toList());
        StackRunner.UnitStatus mariadb = units.get(2);
        assertEquals("service", mariadb.kind());
        assertTrue(mariadb.state().running());
        assertEquals(List.of("127.0.0.1:" + (3306 + PORT_OFFSET)), mariadb.published());
        StackRunner.UnitStatus dbSync = units.get(1);
        assertEquals("init", dbSync.kind());
        assertTrue(
                !dbSync.state().running() && dbSync.finishedAt() != null, "a finished step is its record: " + dbSync);
    }

    @Test
    void statusRunsTheCheckOfAServiceTheEngineHasNotCheckedYet() throws Exception {
        runner.up(deployment(MARIADB, GLANCE), TIMEOUTS, 4);
        engine.engineHealth(MARIADB_SERVICE, "starting"); // the engine's first check is one interval after start
        engine.engineHealth(GLANCE_API, "starting");
        engine.failingChecks(GLANCE_API, -1); // and glance-api has stopped answering since up found it ready

        Map<String, StackRunner.UnitStatus> units =
                runner.status("dev").stream().collect(Collectors.toMap(StackRunner.UnitStatus::unit, unit -> unit));

        assertEquals(OptionalInt.of(0), units.get(MARIADB_SERVICE).checkedNow());
        assertEquals(OptionalInt.of(1), units.get(GLANCE_API).checkedNow());
        assertEquals(OptionalInt.empty(), units.get(DB_SYNC).checkedNow(), "a finished step has nothing to check");
    }

    @Test
    void statusLeavesAServiceTheEngineFoundHealthyUnchecked() throws Exception {
        runner.up(deployment(MARIADB, GLANCE), TIMEOUTS, 4);
        engine.clearJournal();

        List<StackRunner.UnitStatus> units = runner.status("dev");

        assertTrue(units.stream().allMatch(unit -> unit.checkedNow().isEmpty()), units.toString());
        assertEquals(List.of(), engine.journal(), "no process was run in any container");
    }

    @Test
    void downRemovesTheContainersAndNetworkAndTheVolumesOnlyWhenAsked() throws Exception {
        Deployment deployment = deployment(MARIADB, GLANCE);
        engine.createVolume("dev_data", java.util.Map.of(StackLabels.STACK, "dev"));
        runner.up(deployment, TIMEOUTS, 4);

        runner.down("dev", false);
        assertEquals(List.of(), engine.units());
        assertEquals(Set.of(), engine.networkNames());
        assertEquals(Set.of("dev_data"), engine.volumeNames(), "data outlives down");

        runner.down("dev", true);
        assertEquals(Set.of(), engine.volumeNames());
    }
}
