package io.github.docstack.stack;

import io.github.docstack.engine.Engine;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The CPU weight of each unit while up runs. On a machine with fewer cores than work, the chain of units that wait
 * for each other in a row (a database schema, then an admin account, then the API that the next project's steps
 * call) decides when up is done, yet gets only a share of the cores while units with time to spare run beside it.
 *
 * <p>When every unit has run here before ({@link UnitTimes}), chains are measured in each unit's quickest time, and a
 * unit's weight falls with its slack (how much later it could be done without making up later): a unit on the
 * longest chain keeps the engine's default, and every {@link #HALVINGS}th of that chain's length of slack halves the
 * weight, down to {@link #LEAST}. Weights are shares, not limits: a unit that yields still gets a core that nothing
 * else wants.
 *
 * <p>Otherwise up cannot know which unit is long, and counts units: a unit that nothing waits for and that ends a
 * chain shorter than the longest gets {@link #YIELDING}; a unit that something waits for never yields, as a short
 * chain in units may be long in seconds (glance's schema and metadata steps).
 *
 * <p>The sample cloud's base six, on two cores: 28.1-29.2 s with no unit yielding; in one later sitting, 25.3-29.1 s
 * with units counted, 24.7-24.9 s with units timed (24.8-26.1 s with a seventh of the chain halving the weight).
 */
final class CpuPriority {

    /** How many halvings of the weight the longest chain's length of slack is worth. */
    static final int HALVINGS = 10;

    /** The least weight: a unit with all the time in the world still gets a sixty-fourth of a busy core. */
    static final int LEAST = Engine.DEFAULT_CPU_WEIGHT / 64;

    /** A counted unit that nothing waits for: the cores go to the others first, and to it when they wait. */
    static final int YIELDING = Engine.DEFAULT_CPU_WEIGHT / 8;

    private CpuPriority() {}

    /** The units of {@code deployment} that get less than the engine's default weight, and their weights. */
    static Map<String, Integer> weights(Deployment deployment, UnitTimes times) {
        Map<String, Double> length = new HashMap<>();
        for (Deployment.Unit unit : deployment.units()) {
            times.seconds(unit).ifPresent(seconds -> length.put(unit.id(), seconds));
        }
        boolean timed = length.size() == deployment.units().size();
        if (!timed) {
            deployment.units().forEach(unit -> length.put(unit.id(), 1.0));
        }
        Chains chains = new Chains(deployment, length);
        if (chains.longest <= 0) {
            return Map.of(); // every unit took no time: none has any to spare
        }
        Set<String> awaited = deployment.awaited();
        Map<String, Integer> weights = new HashMap<>();
        for (Deployment.Unit unit : deployment.units()) {
            double slack = chains.longest - chains.through(unit.id());
            if (timed) {
                int weight = (int) Math.max(
                        LEAST, Math.round(Engine.DEFAULT_CPU_WEIGHT * Math.pow(2, -slack * HALVINGS / chains.longest)));
                if (weight < Engine.DEFAULT_CPU_WEIGHT) {
                    weights.put(unit.id(), weight);
                }
            } else if (slack > 0 && !awaited.contains(unit.id())) {
                weights.put(unit.id(), YIELDING);
            }
        }
        return Map.copyOf(weights);
    }

    /** The chains of units that wait for each other, each unit as long as {@code length} says. */
    private static final class Chains {

        private final Map<String, Double> length;
        private final Map<String, Set<String>> waitsFor = new HashMap<>();
        private final Map<String, Set<String>> awaitedBy = new HashMap<>();
        private final Map<String, Double> upTo = new HashMap<>(); // the longest chain that ends with the unit
        private final Map<String, Double> from = new HashMap<>(); // the longest chain that starts with the unit
        private final double longest;

        Chains(Deployment deployment, Map<String, Double> length) {
            this.length = length;
            for (Deployment.Unit unit : deployment.units()) {
                waitsFor.put(unit.id(), unit.after());
                for (String before : unit.after()) {
                    awaitedBy.computeIfAbsent(before, id -> new HashSet<>()).add(unit.id());
                }
            }
            double longest = 0;
            for (Deployment.Unit unit : deployment.units()) {
                longest = Math.max(longest, chain(unit.id(), waitsFor, upTo));
            }
            this.longest = longest;
        }

        /** The length of the longest chain through the unit. */
        double through(String id) {
            return chain(id, waitsFor, upTo) + chain(id, awaitedBy, from) - length.get(id);
        }

        /** The length of the longest chain that starts with {@code id} and goes on through {@code next}, memoised. */
        private double chain(String id, Map<String, Set<String>> next, Map<String, Double> lengths) {
            Double known = lengths.get(id);
            if (known != null) {
                return known;
            }
            double own = length.getOrDefault(id, 0.0); // an id no unit has, which up reports on its own, is no time
            lengths.put(id, own); // a cycle, which up reports on its own, ends here
            double longest = 0;
            for (String other : next.getOrDefault(id, Set.of())) {
                longest = Math.max(longest, chain(other, next, lengths));
            }
            lengths.put(id, own + longest);
            return own + longest;
        }
    }
}
