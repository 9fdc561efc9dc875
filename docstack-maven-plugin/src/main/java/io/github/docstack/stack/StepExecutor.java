package io.github.docstack.stack;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Runs a DAG of steps on a bounded pool, each as soon as every step it waits for is done. After a failure no
 * new step starts; the ones running finish; the first failure is reported.
 */
final class StepExecutor {

    /** A step: what it waits for, and its work (which returns a few words for the progress line). */
    record Step(String id, Set<String> after, StepWork work) {}

    @FunctionalInterface
    interface StepWork {
        String run() throws Exception;
    }

    /** What happened: the steps done, with their results, and the failure, if any. */
    record Outcome(Map<String, String> done, String failedStep, Exception failure, List<String> neverStarted) {
        boolean succeeded() {
            return failure == null && neverStarted.isEmpty();
        }
    }

    interface Listener {
        void started(String step);

        void finished(String step, String result);

        /** Called once, for the first failure, before any later completion is looked at. */
        default void failed(String step, Exception failure) {}
    }

    /** A step that ran: its result, or what it failed with. */
    private record Finished(String id, String result, Exception failure) {
        // Whatever a step throws is its failure, reported as the step's; so the pool's future never fails.
        static Finished of(Step step) {
            try {
                return new Finished(step.id(), step.work().run(), null);
            } catch (Exception e) {
                return new Finished(step.id(), null, e);
            } catch (Error e) {
                return new Finished(step.id(), null, new RuntimeException(e));
            }
        }
    }

    private StepExecutor() {}

    static Outcome run(List<Step> steps, int parallelism, Listener listener) throws InterruptedException {
        Map<String, Step> pending = new LinkedHashMap<>();
        steps.forEach(step -> pending.put(step.id(), step));
        for (Step step : steps) {
            for (String dependency : step.after()) {
                if (!pending.containsKey(dependency)) {
                    throw new IllegalStateException(step.id() + " waits for an unknown step " + dependency);
                }
            }
        }
        Map<String, String> done = new LinkedHashMap<>();
        Set<String> running = new HashSet<>();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, parallelism));
        CompletionService<Finished> completions = new ExecutorCompletionService<>(pool);
        String failedStep = null;
        Exception failure = null;
        try {
            while (true) {
                if (failure == null) {
                    for (Step step : new ArrayList<>(pending.values())) {
                        if (done.keySet().containsAll(step.after())) {
                            pending.remove(step.id());
                            running.add(step.id());
                            listener.started(step.id());
                            completions.submit(() -> Finished.of(step));
                        }
                    }
                }
                if (running.isEmpty()) {
                    break;
                }
                Finished next;
                try {
                    next = completions.take().get();
                } catch (ExecutionException e) {
                    throw new IllegalStateException("A step's failure escaped it", e);
                }
                running.remove(next.id());
                if (next.failure() == null) {
                    done.put(next.id(), next.result());
                    listener.finished(next.id(), next.result());
                } else if (failure == null) {
                    failedStep = next.id();
                    failure = next.failure();
                    listener.failed(next.id(), failure);
                }
            }
        } finally {
            // Interrupted: the running steps are told to stop, and given a moment, so none outlives its run.
            pool.shutdownNow();
            pool.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS);
        }
        return new Outcome(done, failedStep, failure, List.copyOf(pending.keySet()));
    }
}
