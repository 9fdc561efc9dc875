package io.github.docstack.bench;

import io.github.docstack.stack.Deployment;
import io.github.docstack.stack.StackRunner;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The critical path of a stack's intrinsic step times: each step's time measured alone (an up with one step at a
 * time, so none shares the cores with another), then the longest chain through what waits for what. That is what
 * up would take on a machine with a core for every step; up's own time against it says what running steps side by
 * side on this machine's cores costs.
 */
record IntrinsicPath(Map<String, Double> seconds, double total, List<String> path) {

    /** @param sequential an up with parallelism 1, so each step's time runs from the one before it finishing */
    static IntrinsicPath of(Deployment deployment, StackRunner.UpReport sequential) {
        Map<String, Double> seconds = new HashMap<>();
        double previous = 0; // the first step's time includes creating the containers
        List<Map.Entry<String, Double>> done =
                new ArrayList<>(sequential.stepsDoneAt().entrySet());
        done.sort(Map.Entry.comparingByValue());
        for (Map.Entry<String, Double> step : done) {
            seconds.put(step.getKey(), step.getValue() - previous);
            previous = step.getValue();
        }
        Map<String, Deployment.Unit> units = new HashMap<>();
        deployment.units().forEach(unit -> units.put(unit.id(), unit));
        Map<String, Double> finish = new HashMap<>();
        for (Map.Entry<String, Double> step : done) { // in the order they ran, so whatever a step waits for came first
            Deployment.Unit unit = units.get(step.getKey());
            double start = unit.after().stream().mapToDouble(finish::get).max().orElse(0);
            finish.put(unit.id(), start + seconds.get(unit.id()));
        }
        List<String> path = StackRunner.UpReport.criticalPath(deployment, finish);
        return new IntrinsicPath(Map.copyOf(seconds), finish.get(path.get(path.size() - 1)), List.copyOf(path));
    }

    /** The path with each step's own time, e.g. {@code mariadb (4.1 s) -> keystone (6.0 s)}. */
    String describe() {
        List<String> steps = new ArrayList<>();
        path.forEach(step -> steps.add(String.format("%s (%.1f s)", step, seconds.get(step))));
        return String.join(" -> ", steps);
    }
}
