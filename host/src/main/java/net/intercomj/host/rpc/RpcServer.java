package net.intercomj.host.rpc;

import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import java.net.InetSocketAddress;
import java.util.List;

/**
 * The RPC's HTTP server on Undertow's core API: {@link RpcHandler} in front of the routes. The
 * peer starts it after its subnet, so no request sees a half-started peer, and stops it before
 * the subnet. The operator terminal stays on (the original turned it off, spec §9 item 22g).
 */
public final class RpcServer implements AutoCloseable {

    private final Undertow server;

    private RpcServer(Undertow server) {
        this.server = server;
    }

    /**
     * Starts serving {@code routes} on the configured host and port.
     *
     * @throws IllegalArgumentException if two routes share a method and path
     * @throws RuntimeException         if the port cannot be bound
     */
    public static RpcServer start(RpcSettings settings, List<RpcRoute> routes) {
        Undertow server = Undertow.builder()
                .addHttpListener(settings.port(), settings.host())
                // A local surface for a few clients; Undertow's defaults size for a busy web server.
                .setIoThreads(1)
                .setWorkerThreads(4)
                .setServerOption(UndertowOptions.MAX_ENTITY_SIZE, (long) settings.maxBodyBytes())
                .setHandler(new RpcHandler(settings, routes))
                .build();
        server.start();
        return new RpcServer(server);
    }

    /** The address actually listened on; the port is the real one when 0 was configured. */
    public InetSocketAddress address() {
        return (InetSocketAddress) server.getListenerInfo().get(0).getAddress();
    }

    /** {@code http://<host>:<port>}, as the banner prints it. */
    public String url() {
        InetSocketAddress address = address();
        String host = address.getHostString();
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort();
    }

    @Override
    public void close() {
        server.stop();
    }
}
