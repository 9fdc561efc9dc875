package io.github.docstack.it;

import io.github.docstack.engine.EngineAddress;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A Unix socket in front of the real engine's that passes every byte through until a request for a chosen path
 * arrives; from then on it fails the engine in the chosen way: {@link Fault#STALL} accepts and holds every
 * request without an answer (a hung daemon), {@link Fault#DROP} closes every connection (a daemon that died).
 * The engine behind it never sees the faulty request.
 */
final class EngineFaultProxy implements AutoCloseable {

    enum Fault {
        STALL,
        DROP
    }

    private final Path socket;
    private final Path engineSocket;
    private final ServerSocketChannel server;
    private final List<SocketChannel> open = new CopyOnWriteArrayList<>();
    private final String trigger;
    private final Fault fault;
    private volatile boolean failing;

    private EngineFaultProxy(Path socket, Path engineSocket, String trigger, Fault fault) throws IOException {
        this.socket = socket;
        this.engineSocket = engineSocket;
        this.trigger = trigger;
        this.fault = fault;
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        Thread acceptor = new Thread(this::accept, "fault-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Starts a proxy at {@code socket} to the engine at {@code engine} (a unix:// address). */
    static EngineFaultProxy failAt(Path socket, EngineAddress engine, String requestPath, Fault fault)
            throws IOException {
        if (!engine.url().startsWith("unix://")) {
            throw new IllegalStateException("the fault proxy needs an engine on a Unix socket, not " + engine);
        }
        return new EngineFaultProxy(socket, Path.of(engine.url().substring("unix://".length())), requestPath, fault);
    }

    EngineAddress address() {
        return new EngineAddress("unix://" + socket, "through a fault proxy");
    }

    /** Whether the trigger has arrived, and the engine behind the proxy fails as chosen. */
    boolean failing() {
        return failing;
    }

    private void accept() {
        while (server.isOpen()) {
            try {
                SocketChannel client = server.accept();
                open.add(client);
                if (failing && fault == Fault.DROP) {
                    client.close();
                    continue;
                }
                SocketChannel engine = SocketChannel.open(UnixDomainSocketAddress.of(engineSocket));
                open.add(engine);
                pump(client, engine, true);
                pump(engine, client, false);
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void pump(SocketChannel from, SocketChannel to, boolean requests) {
        Thread thread = new Thread(
                () -> {
                    ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
                    try {
                        while (from.read(buffer.clear()) >= 0) {
                            buffer.flip();
                            if (requests
                                    && !failing
                                    && StandardCharsets.ISO_8859_1
                                            .decode(buffer.duplicate())
                                            .toString()
                                            .contains(trigger)) {
                                failing = true;
                            }
                            if (failing) {
                                if (fault == Fault.DROP) {
                                    from.close();
                                    to.close();
                                    return;
                                }
                                continue; // STALL: swallow the bytes, answer nothing
                            }
                            while (buffer.hasRemaining()) {
                                to.write(buffer);
                            }
                        }
                        to.shutdownOutput();
                    } catch (IOException e) {
                        // one side closed: so does this direction
                    }
                },
                "fault-proxy-pump");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (SocketChannel channel : open) {
            channel.close();
        }
        Files.deleteIfExists(socket);
    }
}
