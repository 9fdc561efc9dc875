package io.github.docstack.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One writer per stack and engine; the one that waits is told who holds the stack, and so is the one refused. */
class StackLockTest {

    private static final String ENGINE = "unix:///var/run/docker.sock";

    @TempDir
    Path locks;

    @Test
    void aSecondHolderWaitsThenIsRefusedWithTheHolderNamed() throws Exception {
        List<String> told = new ArrayList<>();
        try (StackLock first =
                StackLock.acquire(locks, ENGINE, "cloud", "docstack:up of /a/stack.yaml", Duration.ZERO, told::add)) {
            StackLockedException refused = assertThrows(
                    StackLockedException.class,
                    () -> StackLock.acquire(
                            locks,
                            ENGINE,
                            "cloud",
                            "docstack:down of /b/stack.yaml",
                            Duration.ofMillis(300),
                            told::add));
            assertTrue(
                    refused.holder()
                            .startsWith("docstack:up of /a/stack.yaml, process "
                                    + ProcessHandle.current().pid()),
                    refused.holder());
            assertEquals(1, told.size(), "the waiting one is told once: " + told);
        }
        try (StackLock again =
                StackLock.acquire(locks, ENGINE, "cloud", "docstack:down of /b/stack.yaml", Duration.ZERO, told::add)) {
            assertEquals(1, told.size(), "released with close: taken at once");
        }
    }

    @Test
    void otherStacksAndOtherEnginesDoNotWait() throws Exception {
        try (StackLock cloud = StackLock.acquire(locks, ENGINE, "cloud", "up", Duration.ZERO, holder -> {});
                StackLock demo = StackLock.acquire(locks, ENGINE, "demo", "up", Duration.ZERO, holder -> {});
                StackLock remote =
                        StackLock.acquire(locks, "tcp://10.0.0.2:2376", "cloud", "up", Duration.ZERO, holder -> {})) {
            assertTrue(cloud != demo && demo != remote, "three locks held at once");
        }
    }
}
