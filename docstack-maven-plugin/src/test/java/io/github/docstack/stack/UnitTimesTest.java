package io.github.docstack.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.github.docstack.engine.ContainerSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnitTimesTest {

    @TempDir
    Path dir;

    @Test
    void keepsEachUnitsQuickestTimeForTheNextUp() throws Exception {
        Deployment.Unit keystone = unit("keystone", "sha256:1", "hash-1");
        UnitTimes times = UnitTimes.of(deployment(keystone));
        times.record(keystone, 5.0);
        times.record(keystone, 3.0); // yielding the CPU made it slower the time after: planning with that would flap
        times.record(keystone, 4.0);
        times.save();

        assertEquals(Optional.of(3.0), UnitTimes.of(deployment(keystone)).seconds(keystone));
    }

    @Test
    void aUnitWhoseImageChangedIsTimedAnew() throws Exception {
        Deployment.Unit before = unit("keystone", "sha256:1", "hash-1");
        UnitTimes times = UnitTimes.of(deployment(before));
        times.record(before, 3.0);
        Deployment.Unit rebuilt = unit("keystone", "sha256:2", "hash-2");

        assertEquals(Optional.empty(), times.seconds(rebuilt));
        times.record(rebuilt, 7.0);
        assertEquals(Optional.of(7.0), times.seconds(rebuilt));
    }

    @Test
    void newSecretsLeaveTheTimesAsTheyWere() throws Exception {
        Deployment.Unit before = unit("keystone", "sha256:1", "hash-1");
        UnitTimes times = UnitTimes.of(deployment(before));
        times.record(before, 3.0);

        // The stack made anew after its data was removed: the same image with other secrets, so another config hash.
        assertEquals(Optional.of(3.0), times.seconds(unit("keystone", "sha256:1", "hash-new-secrets")));
    }

    @Test
    void theTimesLieOutsideTheStateThatGoesWithTheStacksData() {
        Deployment deployment = deployment(unit("keystone", "sha256:1", "hash-1"));

        assertFalse(UnitTimes.of(deployment).file().startsWith(deployment.stateDirectory()));
    }

    @Test
    void aFileEditedByHandLosesOnlyTheLinesItBroke() throws Exception {
        Deployment.Unit keystone = unit("keystone", "sha256:1", "hash-1");
        Deployment.Unit glance = unit("glance", "sha256:1", "hash-1");
        Deployment deployment = deployment(keystone, glance);
        Files.createDirectories(UnitTimes.of(deployment).file().getParent());
        Files.writeString(UnitTimes.of(deployment).file(), "keystone=fast sha256:1\nglance=2.50 sha256:1\n");

        UnitTimes times = UnitTimes.of(deployment);
        assertEquals(Optional.empty(), times.seconds(keystone));
        assertEquals(Optional.of(2.5), times.seconds(glance));
    }

    @Test
    void anUnreadableFileIsNoTimes() throws Exception {
        Deployment.Unit keystone = unit("keystone", "sha256:1", "hash-1");
        Deployment deployment = deployment(keystone);
        Files.createDirectories(UnitTimes.of(deployment).file().getParent());
        Files.writeString(UnitTimes.of(deployment).file(), "keystone=\\u00zz 2.0\n"); // a broken escape

        assertEquals(Optional.empty(), UnitTimes.of(deployment).seconds(keystone));
    }

    private Deployment deployment(Deployment.Unit... units) {
        return TestProjects.deployment(dir, units);
    }

    private static Deployment.Unit unit(String id, String version, String configHash) {
        return new Deployment.Unit(
                id,
                id,
                Deployment.Kind.SERVICE,
                ContainerSpec.of(id + ":dev").withName("cloud-" + id),
                Set.of(),
                null,
                configHash,
                Map.of(),
                version);
    }
}
