package io.github.docstack.engine;

/** Reading a chain of causes for the message worth showing. */
final class Causes {

    private Causes() {}

    /** The deepest message in the chain (the root cause's, usually the most precise), else the class's name. */
    static String rootMessage(Throwable error) {
        String message = error.getMessage();
        for (Throwable cause = error.getCause();
                cause != null;
                cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause.getMessage() != null && !cause.getMessage().isBlank()) {
                message = cause.getMessage();
            }
        }
        return message == null || message.isBlank() ? error.getClass().getSimpleName() : message.trim();
    }
}
