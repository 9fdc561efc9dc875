package io.github.docstack.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class CheckSlotsTest {

    @Test
    void aCheckWaitsWhileTheOnlySlotIsTakenThenRuns() throws Exception {
        CheckSlots slots = new CheckSlots(1);
        CountDownLatch firstRunning = new CountDownLatch(1);
        CountDownLatch firstMayFinish = new CountDownLatch(1);
        AtomicBoolean secondRan = new AtomicBoolean();

        CompletableFuture<OptionalInt> first = CompletableFuture.supplyAsync(() -> run(slots, () -> {
            firstRunning.countDown();
            await(firstMayFinish);
            return OptionalInt.of(0);
        }));
        assertTrue(firstRunning.await(10, TimeUnit.SECONDS));
        CompletableFuture<OptionalInt> second = CompletableFuture.supplyAsync(() -> run(slots, () -> {
            secondRan.set(true);
            return OptionalInt.of(1);
        }));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (slots.waiting() == 0 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }

        assertEquals(1, slots.waiting(), "the second check queues for the slot");
        assertFalse(secondRan.get(), "and does not run beside the first");
        firstMayFinish.countDown();
        assertEquals(OptionalInt.of(0), first.get(10, TimeUnit.SECONDS));
        assertEquals(OptionalInt.of(1), second.get(10, TimeUnit.SECONDS), "then it runs, with its own result");
    }

    @Test
    void aMachineOfOneCoreStillHasASlot() throws Exception {
        assertEquals(OptionalInt.of(0), new CheckSlots(0).run(() -> OptionalInt.of(0)));
    }

    private static OptionalInt run(CheckSlots slots, CheckSlots.Check check) {
        try {
            return slots.run(check);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
