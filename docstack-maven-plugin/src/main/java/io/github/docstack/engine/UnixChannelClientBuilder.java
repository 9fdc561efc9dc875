package io.github.docstack.engine;

import io.fabric8.maven.docker.access.hc.util.AbstractNativeClientBuilder;
import io.fabric8.maven.docker.access.hc.util.AbstractNativeSocketFactory;
import io.fabric8.maven.docker.util.Logger;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import org.apache.http.conn.socket.ConnectionSocketFactory;
import org.apache.http.protocol.HttpContext;

/** fabric8's HTTP client over a Unix domain socket, with the JDK's socket ({@link UnixChannelSocket}) for jnr's. */
final class UnixChannelClientBuilder extends AbstractNativeClientBuilder {

    UnixChannelClientBuilder(String socketPath, int maxConnections, Logger log) {
        super(socketPath, maxConnections, log);
    }

    @Override
    protected ConnectionSocketFactory getConnectionSocketFactory() {
        return new AbstractNativeSocketFactory(path) {
            @Override
            protected SocketAddress createSocketAddress(String socketPath) {
                return UnixDomainSocketAddress.of(socketPath);
            }

            @Override
            public Socket createSocket(HttpContext context) {
                return new UnixChannelSocket();
            }
        };
    }

    @Override
    protected String getProtocol() {
        return "unix";
    }
}
