package io.github.docstack.engine;

import java.time.Duration;

/**
 * The engine did not answer a request within the bound docstack gives each one: it is hung, or far too busy.
 * After one of these, docstack sends that engine nothing more, so a hung daemon costs one bound, not one per call.
 */
public class EngineTimeoutException extends EngineException {

    private final EngineAddress address;
    private final String operation;
    private final Duration bound;

    private static final String WHAT_TO_DO =
            " It may be hung: check that 'docker info' answers, and restart dockerd if it "
                    + "does not; then run the goal again, which picks up where this one stopped.";

    public EngineTimeoutException(EngineAddress address, String operation, Duration bound) {
        super("The Docker engine at " + address.url() + " did not answer within " + bound.toSeconds() + " s while "
                + operation + "." + WHAT_TO_DO);
        this.address = address;
        this.operation = operation;
        this.bound = bound;
    }

    /** A request not sent at all, because the engine had already timed out on {@code first}. */
    public EngineTimeoutException(EngineTimeoutException first, String notSent) {
        super("Not " + notSent + ": the Docker engine at " + first.address.url() + " did not answer within "
                + first.bound.toSeconds() + " s while " + first.operation + ", and docstack sends it nothing more."
                + WHAT_TO_DO);
        this.address = first.address;
        this.operation = first.operation;
        this.bound = first.bound;
    }

    public EngineAddress address() {
        return address;
    }

    public String operation() {
        return operation;
    }

    public Duration bound() {
        return bound;
    }
}
