package io.github.docstack.engine;

import java.util.Locale;

/** A registry refused or could not be reached; {@link #kind()} says which, so callers can decide to retry. */
public class RegistryException extends EngineException {

    public enum Kind {
        /** 401/403: the credentials are missing or wrong. Retrying does not help. */
        UNAUTHORIZED,
        /** Nothing answers at the registry's address (refused, unknown host, timeout). */
        UNREACHABLE,
        /** The image or tag does not exist there. */
        NOT_FOUND,
        /** Anything else, e.g. a 5xx answer: worth another try. */
        OTHER
    }

    private final Kind kind;

    public RegistryException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** An HTTP status 401 or 403 on its own, not part of a port such as 127.0.0.1:40349. */
    private static final java.util.regex.Pattern REFUSED_STATUS =
            java.util.regex.Pattern.compile("(?<![:\\d])40[13](?!\\d)");

    static Kind classify(String engineMessage) {
        String text = engineMessage == null ? "" : engineMessage.toLowerCase(Locale.ROOT);
        // Unreachable first: its messages carry the registry's address, whose port may hold any digits.
        if (text.contains("connection refused")
                || text.contains("no such host")
                || text.contains("i/o timeout")
                || text.contains("dial tcp")
                || text.contains("no route to host")) {
            return Kind.UNREACHABLE;
        }
        if (text.contains("unauthorized")
                || text.contains("authentication required")
                || text.contains("denied")
                || REFUSED_STATUS.matcher(text).find()) {
            return Kind.UNAUTHORIZED;
        }
        if (text.contains("not found") || text.contains("manifest unknown") || text.contains("does not exist")) {
            return Kind.NOT_FOUND;
        }
        return Kind.OTHER;
    }
}
