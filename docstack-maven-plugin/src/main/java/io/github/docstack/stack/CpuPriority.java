package io.github.docstack.stack;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Which units may yield the CPU while up runs. On a machine with fewer cores than work, the chain of units that wait
 * for each other in a row (a database schema, then an admin account, then the API that the next project's steps
 * call) decides when up is done, yet gets only a share of the cores while units with time to spare boot beside it.
 * A unit that nothing waits for and that ends a chain shorter than the stack's longest (a broker or a cache no
 * project of the stack uses, a dashboard at the end of a short chain) only has to be ready by the time the longest
 * chain is: its container gets {@link #YIELDING} weight until up ends, every other unit the engine's default. Chains
 * are counted in units, as up knows no unit's duration before it runs; so a unit that something waits for never
 * yields: a short chain in units may be long in seconds (glance's schema and metadata steps). The sample cloud's base
 * six came up in 25.5-27.6 s so, 28.1-29.2 s without, on two cores; devstack's default set in 86.4 s, 88-90 s without.
 */
final class CpuPriority {

    /** An eighth of the default weight: the cores go to the other units first, and to these when those wait. */
    static final int YIELDING = 128;

    private CpuPriority() {}

    /** The units of {@code deployment} that nothing waits for, at the end of chains shorter than its longest. */
    static Set<String> yielding(Deployment deployment) {
        Map<String, Set<String>> waitsFor = new HashMap<>();
        deployment.units().forEach(unit -> waitsFor.put(unit.id(), unit.after()));
        Set<String> awaited = deployment.awaited();
        Map<String, Integer> upTo = new HashMap<>(); // the longest chain ending in the unit, the unit included
        int longest = 0;
        for (Deployment.Unit unit : deployment.units()) {
            longest = Math.max(longest, chain(unit.id(), waitsFor, upTo));
        }
        Set<String> yielding = new HashSet<>();
        for (Deployment.Unit unit : deployment.units()) {
            if (!awaited.contains(unit.id()) && upTo.get(unit.id()) < longest) {
                yielding.add(unit.id());
            }
        }
        return Set.copyOf(yielding);
    }

    /** The length in units of the longest chain of units ending in {@code id}, memoised in {@code lengths}. */
    private static int chain(String id, Map<String, Set<String>> waitsFor, Map<String, Integer> lengths) {
        Integer known = lengths.get(id);
        if (known != null) {
            return known;
        }
        lengths.put(id, 1); // a cycle, which up reports on its own, ends here
        int length = 1;
        for (String before : waitsFor.getOrDefault(id, Set.of())) {
            length = Math.max(length, 1 + chain(before, waitsFor, lengths));
        }
        lengths.put(id, length);
        return length;
    }
}
