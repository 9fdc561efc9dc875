package io.github.docstack.engine;

import io.fabric8.maven.docker.util.Logger;

/**
 * Feeds fabric8's log calls into an {@link EngineLog}. Build output (its "verbose build" category) goes to
 * info, so a build shows step by step in the Maven log; API traces go to debug.
 */
final class FabricLogger implements Logger {

    private final EngineLog log;

    FabricLogger(EngineLog log) {
        this.log = log;
    }

    @Override
    public void debug(String format, Object... params) {
        log.debug(format(format, params));
    }

    @Override
    public void info(String format, Object... params) {
        String message = format(format, params);
        // fabric8 reports its own temporary-tag housekeeping on every push; nothing a user acts on.
        if (message.startsWith("Temporary image tag skipped")) {
            log.debug(message);
        } else {
            log.info(message);
        }
    }

    /** fabric8's trace of a request with its body: a container's body holds its environment, passwords included. */
    static final String POST_WITH_REQUEST = "POST to %s with %s";

    @Override
    public void verbose(LogVerboseCategory category, String format, Object... params) {
        if (POST_WITH_REQUEST.equals(format) && params.length == 2) {
            log.debug(format("POST to %s (body not shown: it may hold secrets)", params[0]));
            return;
        }
        String message = format(format, params);
        if (category == LogVerboseCategory.BUILD) {
            if (!message.isBlank()) {
                log.info(message);
            }
        } else {
            log.debug(message);
        }
    }

    @Override
    public void warn(String format, Object... params) {
        log.warn(format(format, params));
    }

    @Override
    public void error(String format, Object... params) {
        log.warn(format(format, params));
    }

    @Override
    public String errorMessage(String message) {
        return message;
    }

    @Override
    public boolean isDebugEnabled() {
        return true;
    }

    @Override
    public boolean isVerboseEnabled() {
        return true;
    }

    @Override
    public void progressStart() {}

    @Override
    public void progressUpdate(String layerId, String status, String progressMessage) {}

    @Override
    public void progressFinished() {}

    @SuppressWarnings("AnnotateFormatMethod") // fabric8's Logger hands us its formats; it has no such annotation either
    private static String format(String format, Object... params) {
        return params.length == 0 ? format : String.format(format, params);
    }
}
