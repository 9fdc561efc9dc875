package io.github.docstack.stack;

/**
 * A step of up failed (a service that did not get ready, a one-shot that failed); the stack's containers stay as they
 * are, for inspection.
 */
public class StepFailedException extends StackException {

    private final String stack;

    public StepFailedException(String stack, String message, Throwable cause) {
        super(message, cause);
        this.stack = stack;
    }

    /** The stack whose containers stay: {@code docker logs STACK-UNIT} shows a unit's log. */
    public String stack() {
        return stack;
    }
}
