package io.github.docstack.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Timings of several rounds, because on a small machine one run of a stack varies by 10-20%: side-by-side
 * figures compare medians. {@code -Ddocstack.bench.rounds=N} (default 3).
 */
final class Rounds {

    static final int COUNT = Integer.getInteger("docstack.bench.rounds", 3);

    private final List<Double> seconds = new ArrayList<>();

    void add(double value) {
        seconds.add(value);
    }

    double median() {
        List<Double> sorted = seconds.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    /** Which round gave the median (the lower middle one for an even count). */
    int medianRound() {
        List<Double> sorted = seconds.stream().sorted().toList();
        return seconds.indexOf(sorted.get((sorted.size() - 1) / 2));
    }

    /** E.g. "median 38.2 s of 3 (37.9, 38.2, 41.0)"; below ten seconds, "median 3.21 s of 3 (...)". */
    String describe() {
        return String.format(
                "median %s s of %d (%s)",
                shown(median()),
                seconds.size(),
                seconds.stream().map(Rounds::shown).collect(Collectors.joining(", ")));
    }

    /** Hundredths where a tenth of a second is a large part of the figure (a command's wall time). */
    private static String shown(double value) {
        return String.format(value < 10 ? "%.2f" : "%.1f", value);
    }
}
