package io.github.docstack.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.DoubleConsumer;

/**
 * How busy the machine is, from the kernel's own counters ({@code /proc/stat}), in cores: 1.0 is one core busy the
 * whole time. Steal time (the hypervisor's) is not ours and is left out.
 */
final class MachineCpu {

    /** Work whose CPU is measured. */
    @FunctionalInterface
    interface Work<T> {
        T run() throws Exception;
    }

    /** What a piece of work returned, and the CPU the whole machine spent while it ran. */
    record Measured<T>(T result, double busyCoreSeconds) {}

    /** The unit of /proc/stat's counters: USER_HZ, which Linux fixes at 100 for user space on every architecture. */
    private static final long TICKS_PER_SECOND = 100;

    private MachineCpu() {}

    static double busyCores(Duration over) throws Exception {
        long[] before = counters();
        Thread.sleep(over.toMillis());
        return busyCores(before, counters());
    }

    /**
     * The CPU the whole machine spent while {@code work} ran, in core-seconds: on a machine doing nothing else, the
     * work's own cost, which no order of its parts can spread over fewer seconds than that divided by the cores.
     */
    static <T> Measured<T> busyCoreSeconds(Work<T> work) throws Exception {
        long[] before = counters();
        T result = work.run();
        return new Measured<>(result, (double) busyTicks(before, counters()) / TICKS_PER_SECOND);
    }

    /**
     * The busy cores of the first window within two points (0.02 cores) of the one before it: a cloud that has just
     * come up still fills caches and runs its first periodic tasks, so it is measured once it has settled, or after
     * {@code atMost} at the latest. Each window is reported as it ends.
     */
    static double settledBusyCores(Duration window, Duration atMost, DoubleConsumer each) throws Exception {
        long deadline = System.nanoTime() + atMost.toNanos();
        double last = busyCores(window);
        each.accept(last);
        while (System.nanoTime() < deadline) {
            double next = busyCores(window);
            each.accept(next);
            if (Math.abs(next - last) <= 0.02) {
                return next;
            }
            last = next;
        }
        return last;
    }

    private static double busyCores(long[] before, long[] after) {
        long all = 0;
        for (int i = 0; i < before.length; i++) {
            all += after[i] - before[i];
        }
        return (double) busyTicks(before, after) / all * Runtime.getRuntime().availableProcessors();
    }

    /** /proc/stat's columns: user nice system idle iowait irq softirq steal; idle, iowait and steal are not ours. */
    private static long busyTicks(long[] before, long[] after) {
        long busy = 0;
        for (int i = 0; i < before.length; i++) {
            busy += i == 3 || i == 4 || i == 7 ? 0 : after[i] - before[i];
        }
        return busy;
    }

    private static long[] counters() throws Exception {
        String[] fields =
                Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        long[] values = new long[8];
        for (int i = 0; i < 8; i++) {
            values[i] = Long.parseLong(fields[i + 1]);
        }
        return values;
    }
}
