package io.github.docstack.engine;

import io.fabric8.maven.docker.access.hc.util.AbstractPlainSocket;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketAddress;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;

/**
 * A Unix domain socket for Apache HttpClient on the JDK's own channel (Java 16 and later). fabric8's socket is
 * jnr-unixsocket's, whose native stubs are generated when the first connection opens: some 500 classes and 0.4 s of
 * every command. The channel is non-blocking and each direction waits on a selector of its own, so a request body
 * can be written while its answer streams in, and a read honours the socket timeout: HttpClient checks a pooled
 * connection that was idle by reading it for a millisecond, which must time out rather than wait for a byte.
 */
final class UnixChannelSocket extends AbstractPlainSocket {

    private final Object readLock = new Object();
    private final Object writeLock = new Object();
    private volatile SocketChannel channel;
    private volatile Selector readable;
    private volatile Selector writable;
    private volatile int timeoutMillis;

    @Override
    public void connect(SocketAddress endpoint, int timeout) throws IOException {
        UnixDomainSocketAddress address = validateEndpoint(endpoint, timeout, UnixDomainSocketAddress.class);
        SocketChannel opened = SocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            opened.connect(address);
            opened.configureBlocking(false);
            readable = Selector.open();
            opened.register(readable, SelectionKey.OP_READ);
            writable = Selector.open();
            opened.register(writable, SelectionKey.OP_WRITE);
        } catch (IOException e) {
            closeAll(opened);
            throw e;
        }
        channel = opened;
    }

    @Override
    public InputStream getInputStream() throws IOException {
        connected();
        return new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] bytes, int offset, int length) throws IOException {
                return length == 0 ? 0 : UnixChannelSocket.this.read(ByteBuffer.wrap(bytes, offset, length));
            }

            @Override
            public void close() throws IOException {
                UnixChannelSocket.this.close();
            }
        };
    }

    @Override
    public OutputStream getOutputStream() throws IOException {
        connected();
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                UnixChannelSocket.this.write(ByteBuffer.wrap(bytes, offset, length));
            }

            @Override
            public void close() throws IOException {
                UnixChannelSocket.this.close();
            }
        };
    }

    /** Reads at least one byte, or -1 at the end of the stream, waiting at most the socket timeout (0: forever). */
    private int read(ByteBuffer buffer) throws IOException {
        synchronized (readLock) {
            SocketChannel connected = connected();
            int timeout = timeoutMillis;
            long deadline = System.nanoTime() + timeout * 1_000_000L;
            while (true) {
                int read = connected.read(buffer);
                if (read != 0) {
                    return read;
                }
                long left = timeout == 0 ? 0 : (deadline - System.nanoTime()) / 1_000_000L;
                if (timeout > 0 && left <= 0) {
                    throw new SocketTimeoutException("Read timed out");
                }
                await(readable, left);
            }
        }
    }

    private void write(ByteBuffer buffer) throws IOException {
        synchronized (writeLock) {
            SocketChannel connected = connected();
            while (buffer.hasRemaining()) {
                if (connected.write(buffer) == 0) {
                    await(writable, 0);
                }
            }
        }
    }

    /** Waits until the selector's one channel is ready, or {@code millis} pass (0: no limit). */
    private void await(Selector selector, long millis) throws IOException {
        try {
            selector.select(millis);
            selector.selectedKeys().clear();
        } catch (ClosedSelectorException e) {
            throw new SocketException("Socket closed");
        }
        connected();
    }

    private SocketChannel connected() throws IOException {
        SocketChannel current = channel;
        if (current == null || !current.isOpen()) {
            throw new SocketException(current == null ? "Socket is not connected" : "Socket closed");
        }
        return current;
    }

    @Override
    public synchronized void setSoTimeout(int timeout) throws SocketException {
        if (timeout < 0) {
            throw new IllegalArgumentException("Socket timeout may not be negative: " + timeout);
        }
        timeoutMillis = timeout;
    }

    @Override
    public synchronized int getSoTimeout() {
        return timeoutMillis;
    }

    @Override
    public void shutdownInput() throws IOException {
        connected().shutdownInput();
        inputShutdown = true;
    }

    @Override
    public void shutdownOutput() throws IOException {
        connected().shutdownOutput();
        outputShutdown = true;
    }

    @Override
    public boolean isConnected() {
        SocketChannel current = channel;
        return current != null && current.isConnected();
    }

    @Override
    public boolean isClosed() {
        SocketChannel current = channel;
        return current != null && !current.isOpen();
    }

    @Override
    public synchronized void close() throws IOException {
        SocketChannel current = channel;
        if (current != null) {
            closeAll(current);
        }
    }

    /** Closes the channel, then its selectors, which wakes a reader or writer waiting on them. */
    private void closeAll(SocketChannel opened) throws IOException {
        try {
            opened.close();
        } finally {
            for (Selector selector : new Selector[] {readable, writable}) {
                if (selector != null) {
                    selector.close();
                }
            }
        }
    }

    @Override
    public String toString() {
        return "UnixChannelSocket[" + socketAddress + "]";
    }
}
