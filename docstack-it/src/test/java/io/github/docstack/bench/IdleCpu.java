package io.github.docstack.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

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
