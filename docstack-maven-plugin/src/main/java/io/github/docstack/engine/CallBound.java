package io.github.docstack.engine;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Gives every request to the engine a time bound. fabric8's client sets no socket timeout and cannot be given
 * one, so each call runs on a thread of its own while the caller waits at most the bound; a call that outlives
 * it is abandoned (its socket is closed with the engine) and the engine is marked hung, so every later call
 * fails at once instead of waiting out a bound of its own. A broken connection is reported as such.
 */
final class CallBound implements AutoCloseable {

    private final EngineAddress address;
    private final Duration bound;
    private final ExecutorService calls;
    private volatile EngineTimeoutException hung;

    CallBound(EngineAddress address, Duration bound) {
        this.address = address;
        this.bound = bound;
        AtomicInteger count = new AtomicInteger();
        this.calls = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "docstack-engine-call-" + count.incrementAndGet());
            thread.setDaemon(true); // a call abandoned to a hung engine must not keep the JVM alive
            return thread;
        });
    }

    Duration bound() {
        return bound;
    }

    /** Runs {@code step}, which should take well under the bound. */
    void run(String operation, EngineStep step) throws EngineException {
        run(operation, Duration.ZERO, step);
    }

    /** Runs {@code step}, which may legitimately take {@code expected} plus the bound. */
    void run(String operation, Duration expected, EngineStep step) throws EngineException {
        call(operation, expected, () -> {
            step.run();
            return null;
        });
    }

    /** Runs {@code call}, which should take well under the bound. */
    <T> T call(String operation, EngineCall<T> call) throws EngineException {
        return call(operation, Duration.ZERO, call);
    }

    /**
     * Runs {@code call}, which may legitimately take {@code expected} (a stop's grace period, a command's own
     * timeout) plus the bound.
     *
     * @throws EngineTimeoutException when it takes longer, or the engine already timed out once
     * @throws EngineLostException    when the connection broke
     */
    <T> T call(String operation, Duration expected, EngineCall<T> call) throws EngineException {
        if (hung != null) {
            throw new EngineTimeoutException(hung, operation);
        }
        Future<T> result = calls.submit(call::call);
        long deadline = System.nanoTime() + expected.plus(bound).toNanos();
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return result.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                } catch (InterruptedException e) {
                    // The request is on its way: wait for its answer, so the caller knows what the engine did.
                    interrupted = true;
                }
            }
        } catch (TimeoutException e) {
            result.cancel(true);
            hung = new EngineTimeoutException(address, operation, bound);
            throw hung;
        } catch (ExecutionException e) {
            Throwable failure = e.getCause();
            if (EngineLostException.isConnectionLost(failure)) {
                throw new EngineLostException(address, operation, failure);
            }
            if (failure instanceof EngineException engineFailure) {
                throw engineFailure;
            }
            if (failure instanceof RuntimeException runtimeFailure) {
                throw runtimeFailure;
            }
            throw new EngineException(
                    "The engine call failed while " + operation + ": " + Causes.rootMessage(failure), failure);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        calls.shutdownNow();
    }
}
