package io.github.docstack.engine;

import io.fabric8.maven.docker.util.Logger;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Feeds fabric8's log calls into an {@link EngineLog}. Build output (its "verbose build" category) goes to
 * info, so a build shows step by step in the Maven log; API traces go to debug.
 */
final class FabricLogger implements Logger {

    /** How many of a build's last output lines a failed build reports. */
    private static final int KEPT_LINES = 60;

    /**
     * The last lines of build output each thread logged since it began {@link #keepBuildOutput()}: fabric8 reads a
     * build's output on the thread that asked for the build, and builds run side by side on several threads.
     */
    private static final ThreadLocal<Deque<String>> KEPT = new ThreadLocal<>();

    /** Its escape character may be gone by the time fabric8 hands the line over. */
    private static final Pattern ANSI_COLOUR = Pattern.compile("\u001B?\\[[0-9]{1,3}(;[0-9]{1,3})*m");

    private final EngineLog log;

    FabricLogger(EngineLog log) {
        this.log = log;
    }

    /** Keeps this thread's build output from now on, the last lines only. */
    static void keepBuildOutput() {
        KEPT.set(new ArrayDeque<>());
    }

    /** The build output this thread kept, which it stops keeping. */
    static List<String> takeBuildOutput() {
        Deque<String> lines = KEPT.get();
        KEPT.remove();
        return lines == null ? List.of() : List.copyOf(lines);
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
                keep(message);
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

    private static void keep(String output) {
        Deque<String> lines = KEPT.get();
        if (lines == null) {
            return;
        }
        // A step's stderr comes coloured for a terminal.
        output.lines()
                .map(line -> ANSI_COLOUR.matcher(line).replaceAll(""))
                .filter(line -> !line.isBlank())
                .forEach(lines::addLast);
        while (lines.size() > KEPT_LINES) {
            lines.removeFirst();
        }
    }

    @SuppressWarnings("AnnotateFormatMethod") // fabric8's Logger hands us its formats; it has no such annotation either
    private static String format(String format, Object... params) {
        return params.length == 0 ? format : String.format(format, params);
    }
}
