package io.github.docstack.stack;

/** The stack cannot be brought up as it is; the message names who is involved and what to change. */
public class StackException extends Exception {

    public StackException(String message) {
        super(message);
    }

    public StackException(String message, Throwable cause) {
        super(message, cause);
    }
}
