package io.github.docstack.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JDK-channel socket against a real Unix domain socket served by the test (no engine needed). */
class UnixChannelSocketTest {

    @TempDir
    Path directory;

    private ServerSocketChannel server;
    private UnixDomainSocketAddress address;

    @BeforeEach
    void listen() throws Exception {
        address = UnixDomainSocketAddress.of(directory.resolve("engine.sock"));
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX).bind(address);
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    @Test
    void aRequestGoesOutAndItsAnswerComesBack() throws Exception {
        try (UnixChannelSocket socket = new UnixChannelSocket()) {
            socket.connect(address, 0);
            try (SocketChannel peer = server.accept()) {
                socket.getOutputStream().write("GET /version".getBytes(StandardCharsets.US_ASCII));
                ByteBuffer request = ByteBuffer.allocate(12);
                while (request.hasRemaining()) {
                    peer.read(request);
                }
                assertEquals("GET /version", new String(request.array(), StandardCharsets.US_ASCII));

                peer.write(ByteBuffer.wrap("200 OK".getBytes(StandardCharsets.US_ASCII)));
                peer.close();
                assertArrayEquals(
                        "200 OK".getBytes(StandardCharsets.US_ASCII),
                        socket.getInputStream().readAllBytes());
            }
        }
    }

    /** HttpClient's check of an idle pooled connection: a read of one millisecond must time out, not hang. */
    @Test
    void aReadWithNothingToReadTimesOutAndLeavesTheSocketUsable() throws Exception {
        try (UnixChannelSocket socket = new UnixChannelSocket()) {
            socket.connect(address, 0);
            try (SocketChannel peer = server.accept()) {
                InputStream in = socket.getInputStream();
                socket.setSoTimeout(1);
                assertTimeoutPreemptively(
                        Duration.ofSeconds(5), () -> assertThrows(SocketTimeoutException.class, in::read));

                socket.setSoTimeout(0);
                peer.write(ByteBuffer.wrap(new byte[] {42}));
                assertEquals(42, in.read());
            }
        }
    }
}
