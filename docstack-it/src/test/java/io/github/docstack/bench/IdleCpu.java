package io.github.docstack.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.DoubleConsumer;

/**
 * How busy the machine is over a while, from the kernel's own counters ({@code /proc/stat}), in cores: 1.0 is one
 * core busy the whole time. Steal time (the hypervisor's) is not ours and is left out.
 */
final class IdleCpu {

    private IdleCpu() {}

    static double busyCores(Duration over) throws Exception {
        long[] before = counters();
        Thread.sleep(over.toMillis());
        long[] after = counters();
        // user nice system idle iowait irq softirq steal
        long busy = 0;
        long all = 0;
        for (int i = 0; i < 8; i++) {
            long delta = after[i] - before[i];
            all += delta;
            busy += i == 3 || i == 4 || i == 7 ? 0 : delta;
        }
        return (double) busy / all * Runtime.getRuntime().availableProcessors();
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
