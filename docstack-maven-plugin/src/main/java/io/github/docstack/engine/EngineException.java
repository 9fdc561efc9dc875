package io.github.docstack.engine;

/** A Docker engine operation failed; the message says what happened and what to do. */
public class EngineException extends Exception {

    public EngineException(String message) {
        super(message);
    }

    public EngineException(String message, Throwable cause) {
        super(message, cause);
    }
}
