package io.github.docstack.stack;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Which units may yield the CPU while up runs. On a machine with fewer cores than work, a unit that several others
 * wait for in a row (a database schema, then an admin account, then the API that the next project's steps call) gets
 * only a share of the cores while units with time to spare boot beside it (a broker nothing waits for, another
 * project's schema that its service waits for alone). A unit on none of the longest chains of units (counted in
 * units: up knows no unit's duration before it runs) yields: its container gets {@link #YIELDING} weight until up
 * ends, the others keep the engine's default. The sample cloud's base six came up in 25.9-26.4 s so, 28.1-28.5 s
 * without, on two cores: keystone's schema step took 8 s rather than 12.
 */
final class CpuPriority {

    /** An eighth of the default weight: the cores go to the longest chains first, and to these when they wait. */
    static final int YIELDING = 128;

    private CpuPriority() {}

    /** The ids of the units of {@code deployment} on none of its longest chains. */
    static Set<String> yielding(Deployment deployment) {
        Map<String, Deployment.Unit> byId = new HashMap<>();
        deployment.units().forEach(unit -> byId.put(unit.id(), unit));
        Map<String, Set<String>> waitedForBy = new HashMap<>();
        for (Deployment.Unit unit : deployment.units()) {
            for (String before : unit.after()) {
                waitedForBy.computeIfAbsent(before, key -> new HashSet<>()).add(unit.id());
            }
        }
        Map<String, Integer> upTo = new HashMap<>(); // the longest chain ending in the unit, the unit included
        Map<String, Integer> from = new HashMap<>(); // the longest chain starting at the unit, the unit included
        int longest = 0;
        for (Deployment.Unit unit : deployment.units()) {
            longest = Math.max(
                    longest,
                    chain(unit.id(), id -> byId.containsKey(id) ? byId.get(id).after() : Set.of(), upTo));
        }
        Set<String> yielding = new HashSet<>();
        for (Deployment.Unit unit : deployment.units()) {
            int through =
                    chain(unit.id(), id -> waitedForBy.getOrDefault(id, Set.of()), from) + upTo.get(unit.id()) - 1;
            if (through < longest) {
                yielding.add(unit.id());
            }
        }
        return Set.copyOf(yielding);
    }

    /** The length in units of the longest chain from {@code id} along {@code next}, memoised in {@code lengths}. */
    private static int chain(
            String id, java.util.function.Function<String, Set<String>> next, Map<String, Integer> lengths) {
        Integer known = lengths.get(id);
        if (known != null) {
            return known;
        }
        lengths.put(id, 1); // a cycle, which up reports on its own, ends here
        int length = 1;
        for (String following : next.apply(id)) {
            length = Math.max(length, 1 + chain(following, next, lengths));
        }
        lengths.put(id, length);
        return length;
    }
}
