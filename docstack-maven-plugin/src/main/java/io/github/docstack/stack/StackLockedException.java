package io.github.docstack.stack;

import java.nio.file.Path;

/** Another up, down or compose holds the stack's lock; the message names it. */
public class StackLockedException extends StackException {

    private final String holder;

    public StackLockedException(String stack, String holder, Path lockFile) {
        super("Stack " + stack + " is busy: " + holder + " holds its lock (" + lockFile + ")");
        this.holder = holder;
    }

    public String holder() {
        return holder;
    }
}
