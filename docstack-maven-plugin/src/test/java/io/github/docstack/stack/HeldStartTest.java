package io.github.docstack.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.docstack.engine.ContainerSpec;
import io.github.docstack.engine.ImageDetails;
import io.github.docstack.engine.ImagesRunning;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HeldStartTest {

    private static final List<String> HOLD = List.of("/bin/sh", "-c", HeldStart.SCRIPT, HeldStart.NAME);

    private final ImageDetails image =
            ImagesRunning.of("sha256:1", List.of("keystone-config"), List.of("uwsgi", "--ini", "keystone.ini"));

    @Test
    void theImagesEntrypointAndCommandRunOnceReleased() {
        ContainerSpec held =
                HeldStart.of(ContainerSpec.of("keystone:dev"), image).orElseThrow();

        assertEquals(HOLD, held.entrypoint());
        assertEquals(List.of("keystone-config", "uwsgi", "--ini", "keystone.ini"), held.command());
    }

    @Test
    void aCommandOfTheUnitsOwnReplacesTheImagesAfterItsEntrypoint() {
        ContainerSpec held = HeldStart.of(
                        ContainerSpec.of("keystone:dev").withCommand(List.of("keystone-manage", "db_sync")), image)
                .orElseThrow();

        assertEquals(List.of("keystone-config", "keystone-manage", "db_sync"), held.command());
    }

    @Test
    void anEntrypointOfTheUnitsOwnDropsTheImagesCommandAsTheEngineDoes() {
        ContainerSpec held = HeldStart.of(
                        ContainerSpec.of("keystone:dev")
                                .withEntrypoint(List.of("python3", "-c"))
                                .withCommand(List.of("print(1)")),
                        image)
                .orElseThrow();

        assertEquals(List.of("python3", "-c", "print(1)"), held.command());
        assertEquals(
                List.of("python3"),
                HeldStart.of(ContainerSpec.of("keystone:dev").withEntrypoint(List.of("python3")), image)
                        .orElseThrow()
                        .command());
    }

    @Test
    void nothingToRunIsNotHeld() {
        ImageDetails bare = ImagesRunning.of("sha256:2", List.of(), List.of());

        assertTrue(HeldStart.of(ContainerSpec.of("bare:dev"), bare).isEmpty());
    }

    @Test
    void everythingButTheEntrypointAndCommandIsTheUnitsOwn() {
        ContainerSpec spec = ContainerSpec.of("keystone:dev")
                .withName("cloud-keystone")
                .withUser("1000")
                .withWorkingDir("/srv")
                .withEnvironment(Map.of("A", "1"));

        ContainerSpec held = HeldStart.of(spec, image).orElseThrow();

        assertEquals(spec.withEntrypoint(held.entrypoint()).withCommand(held.command()), held);
    }
}
