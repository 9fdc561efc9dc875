package io.github.docstack.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.docstack.engine.ContainerSpec;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CpuPriorityTest {

    @TempDir
    Path dir;

    @Test
    void unitsNothingWaitsForAtTheEndOfShorterChainsYield() {
        // mariadb <- provision-keystone <- keystone-db-sync <- keystone <- glance-api
        // mariadb <- provision-glance <- glance-db-sync <- glance-api; rabbitmq and memcached: nothing waits for them.
        // glance's steps are on a shorter chain, but glance-api waits for them: in seconds they may be the longer.
        Deployment deployment = deployment(
                unit("mariadb"),
                unit("provision-keystone", "mariadb"),
                unit("keystone-db-sync", "provision-keystone"),
                unit("keystone", "keystone-db-sync"),
                unit("provision-glance", "mariadb"),
                unit("glance-db-sync", "provision-glance"),
                unit("glance-api", "glance-db-sync", "keystone"),
                unit("rabbitmq"),
                unit("memcached"));

        assertEquals(
                Map.of("rabbitmq", CpuPriority.YIELDING, "memcached", CpuPriority.YIELDING),
                CpuPriority.weights(deployment, untimed(deployment)));
    }

    @Test
    void everyUnitOfOneOfSeveralLongestChainsKeepsItsShare() {
        Deployment deployment = deployment(
                unit("mariadb"),
                unit("keystone", "mariadb"),
                unit("placement", "mariadb"),
                unit("glance", "keystone"),
                unit("nova", "placement"));

        assertEquals(Map.of(), CpuPriority.weights(deployment, untimed(deployment)));
    }

    @Test
    void unitsThatWaitForNothingAndForWhichNothingWaitsAllKeepTheirShare() {
        Deployment deployment = deployment(unit("rabbitmq"), unit("memcached"));

        assertEquals(Map.of(), CpuPriority.weights(deployment, untimed(deployment)));
    }

    @Test
    void timedUnitsYieldByTheirSlackEachTenthOfTheLongestChainOfItHalvingTheWeight() throws Exception {
        // The longest chain: mariadb (5 s) -> keystone-db-sync (5 s) -> keystone (10 s), 20 s; a tenth of it is 2 s.
        Deployment deployment = deployment(
                unit("mariadb"),
                unit("keystone-db-sync", "mariadb"),
                unit("keystone", "keystone-db-sync"),
                unit("glance-db-sync", "mariadb"), // 10 s, and glance-api 3 s: through them 18 s, 2 s to spare
                unit("glance-api", "glance-db-sync"),
                unit("rabbitmq"), // 16 s alone: 4 s to spare
                unit("memcached")); // 0.5 s: all the time in the world
        UnitTimes times = timed(
                deployment,
                Map.of(
                        "mariadb", 5.0,
                        "keystone-db-sync", 5.0,
                        "keystone", 10.0,
                        "glance-db-sync", 10.0,
                        "glance-api", 3.0,
                        "rabbitmq", 16.0,
                        "memcached", 0.5));

        assertEquals(
                Map.of(
                        "glance-db-sync", 512,
                        "glance-api", 512,
                        "rabbitmq", 256,
                        "memcached", CpuPriority.LEAST),
                CpuPriority.weights(deployment, times));
    }

    @Test
    void oneUnitThatNeverRanHereHasUpCountUnits() throws Exception {
        Deployment deployment = deployment(unit("mariadb"), unit("keystone", "mariadb"), unit("memcached"));
        UnitTimes times = timed(deployment, Map.of("mariadb", 4.0, "keystone", 6.0)); // memcached is new

        assertEquals(Map.of("memcached", CpuPriority.YIELDING), CpuPriority.weights(deployment, times));
    }

    private UnitTimes untimed(Deployment deployment) {
        return UnitTimes.of(deployment);
    }

    /** The times of {@code seconds}, as an earlier up kept them. */
    private UnitTimes timed(Deployment deployment, Map<String, Double> seconds) throws Exception {
        UnitTimes times = UnitTimes.of(deployment);
        for (Deployment.Unit unit : deployment.units()) {
            if (seconds.containsKey(unit.id())) {
                times.record(unit, seconds.get(unit.id()));
            }
        }
        times.save();
        return UnitTimes.of(deployment);
    }

    private Deployment deployment(Deployment.Unit... units) {
        return TestProjects.deployment(dir, units);
    }

    private static Deployment.Unit unit(String id, String... after) {
        return new Deployment.Unit(
                id,
                id,
                Deployment.Kind.SERVICE,
                ContainerSpec.of(id + ":dev").withName("cloud-" + id),
                Set.of(after),
                null,
                "hash-" + id,
                Map.of());
    }
}
