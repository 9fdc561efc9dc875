package io.github.docstack.engine;

import io.fabric8.maven.docker.access.hc.util.AbstractNativeClientBuilder;
import io.fabric8.maven.docker.access.hc.util.AbstractNativeSocketFactory;
import io.fabric8.maven.docker.util.Logger;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.util.List;
import org.apache.http.auth.AuthSchemeProvider;
import org.apache.http.config.RegistryBuilder;
import org.apache.http.conn.socket.ConnectionSocketFactory;
import org.apache.http.conn.util.PublicSuffixMatcher;
import org.apache.http.cookie.CookieSpecProvider;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.apache.http.impl.conn.PoolingHttpClientConnectionManager;
import org.apache.http.protocol.HttpContext;

/**
 * fabric8's HTTP client over a Unix domain socket, with the JDK's socket ({@link UnixChannelSocket}) for jnr's, and
 * without what an engine on a local socket never uses: cookies, authentication schemes, redirects, compression. By
 * default Apache's client builds those on every goal, public suffix list (parsed from a resource) included.
 */
final class UnixChannelClientBuilder extends AbstractNativeClientBuilder {

    private static final PublicSuffixMatcher NO_PUBLIC_SUFFIXES = new PublicSuffixMatcher(List.of(), List.of());

    private final int maxConnections;

    UnixChannelClientBuilder(String socketPath, int maxConnections, Logger log) {
        super(socketPath, maxConnections, log);
        this.maxConnections = maxConnections;
    }

    @Override
    public CloseableHttpClient buildPooledClient() {
        // The socket path is the address: the host name in a URL is never looked up.
        PoolingHttpClientConnectionManager connections =
                new PoolingHttpClientConnectionManager(registry, host -> new InetAddress[] {null});
        connections.setDefaultMaxPerRoute(maxConnections);
        return HttpClients.custom()
                .setConnectionManager(connections)
                .setPublicSuffixMatcher(NO_PUBLIC_SUFFIXES)
                .setDefaultCookieSpecRegistry(
                        RegistryBuilder.<CookieSpecProvider>create().build())
                .setDefaultAuthSchemeRegistry(
                        RegistryBuilder.<AuthSchemeProvider>create().build())
                .disableCookieManagement()
                .disableAuthCaching()
                .disableRedirectHandling()
                .disableContentCompression()
                .build();
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
