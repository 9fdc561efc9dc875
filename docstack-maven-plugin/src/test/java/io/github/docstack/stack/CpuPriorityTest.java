package io.github.docstack.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.docstack.engine.ContainerSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CpuPriorityTest {

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

        assertEquals(Set.of("rabbitmq", "memcached"), CpuPriority.yielding(deployment));
    }

    @Test
    void everyUnitOfOneOfSeveralLongestChainsKeepsItsShare() {
        Deployment deployment = deployment(
                unit("mariadb"),
                unit("keystone", "mariadb"),
                unit("placement", "mariadb"),
                unit("glance", "keystone"),
                unit("nova", "placement"));

        assertEquals(Set.of(), CpuPriority.yielding(deployment));
    }

    @Test
    void unitsThatWaitForNothingAndForWhichNothingWaitsAllKeepTheirShare() {
        assertEquals(Set.of(), CpuPriority.yielding(deployment(unit("rabbitmq"), unit("memcached"))));
    }

    private static Deployment deployment(Deployment.Unit... units) {
        return new Deployment(
                "cloud",
                "cloud",
                List.of(),
                List.of(units),
                List.of(),
                Path.of("state"),
                List.of(),
                new Deployment.Secrets("id", Set.of()));
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
