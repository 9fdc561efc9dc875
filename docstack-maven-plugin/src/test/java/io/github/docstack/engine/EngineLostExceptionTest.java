package io.github.docstack.engine;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.maven.docker.access.DockerAccessException;
import jnr.constants.platform.Errno;
import jnr.enxio.channels.NativeException;
import org.junit.jupiter.api.Test;

/** A connection that broke is told apart from an answer of the engine, over TCP and over the Unix socket alike. */
class EngineLostExceptionTest {

    @Test
    void aResetOrBrokenPipeOnTheUnixSocketIsALostConnection() {
        assertTrue(EngineLostException.isConnectionLost(new DockerAccessException(
                new NativeException("Connection reset by peer", Errno.ECONNRESET),
                "Unable to create container for [clock:dev]")));
        assertTrue(EngineLostException.isConnectionLost(new NativeException("Broken pipe", Errno.EPIPE)));
        assertTrue(EngineLostException.isConnectionLost(new java.net.SocketException("Connection reset")));
    }

    @Test
    void anyOtherFailureIsNot() {
        assertFalse(
                EngineLostException.isConnectionLost(new NativeException("No such file or directory", Errno.ENOENT)));
        assertFalse(EngineLostException.isConnectionLost(new DockerAccessException("Conflict: name in use")));
    }
}
