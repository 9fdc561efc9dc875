package io.github.docstack.engine;

/** The connection to the engine broke in the middle of a request: the daemon stopped, restarted or dropped it. */
public class EngineLostException extends EngineException {

    private final EngineAddress address;
    private final String operation;

    public EngineLostException(EngineAddress address, String operation, Throwable cause) {
        super(
                "The Docker engine at " + address.url() + " dropped the connection while " + operation + " ("
                        + Causes.rootMessage(cause)
                        + "). Check that it runs ('docker info'); then run the goal again, which picks up "
                        + "where this one stopped.",
                cause);
        this.address = address;
        this.operation = operation;
    }

    public EngineAddress address() {
        return address;
    }

    public String operation() {
        return operation;
    }

    /** Whether {@code error} (or one of its causes) is a broken connection rather than an answer from the engine. */
    static boolean isConnectionLost(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof java.net.SocketException
                    || cause instanceof org.apache.http.NoHttpResponseException
                    || cause instanceof org.apache.http.ConnectionClosedException) {
                return true;
            }
            // On a Unix socket the same break comes from jnr, as the system's error number.
            if (cause instanceof jnr.enxio.channels.NativeException nativeFailure
                    && (nativeFailure.getErrno() == jnr.constants.platform.Errno.ECONNRESET
                            || nativeFailure.getErrno() == jnr.constants.platform.Errno.EPIPE)) {
                return true;
            }
        }
        return false;
    }
}
