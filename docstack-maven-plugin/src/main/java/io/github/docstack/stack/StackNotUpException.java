package io.github.docstack.stack;

import java.util.List;

/** Something needs the stack up, and some of its services are not running. */
public class StackNotUpException extends StackException {

    private final List<String> notRunning;

    public StackNotUpException(String stack, List<String> notRunning) {
        super("Stack " + stack + " is not up: " + String.join(", ", notRunning)
                + (notRunning.size() == 1 ? " is" : " are") + " not running");
        this.notRunning = List.copyOf(notRunning);
    }

    /** The services that are missing or stopped. */
    public List<String> notRunning() {
        return notRunning;
    }
}
