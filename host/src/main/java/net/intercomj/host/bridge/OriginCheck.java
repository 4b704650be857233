package net.intercomj.host.bridge;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.StatusCodes;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Refuses WebSocket handshakes from web pages of other sites (the original had no check, so any
 * page a user visited could try tokens against the bridge). Clients that are not browsers send
 * no {@code Origin} and pass. A browser page passes when it was served by the bridge itself, or
 * when its origin is listed in {@code --sc-bridge-origins}.
 *
 * <p>"Served by the bridge itself" also requires that the page reached the bridge by a loopback
 * name or the address it listens on, so a DNS-rebound name cannot pose as the bridge.
 */
final class OriginCheck implements HttpHandler {

    static final String FORBIDDEN = "Origin not allowed: ";

    private final Set<String> allowed;
    private final String bindHost;
    private final HttpHandler next;

    OriginCheck(List<String> allowed, String bindHost, HttpHandler next) {
        this.allowed = allowed.stream().map(OriginCheck::normalise).collect(Collectors.toUnmodifiableSet());
        this.bindHost = bindHost.toLowerCase(Locale.ROOT);
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        String origin = exchange.getRequestHeaders().getFirst(Headers.ORIGIN);
        boolean upgrade = exchange.getRequestHeaders().contains(Headers.UPGRADE);
        if (!upgrade || origin == null || permits(origin, exchange.getRequestHeaders().getFirst(Headers.HOST))) {
            next.handleRequest(exchange);
            return;
        }
        exchange.setStatusCode(StatusCodes.FORBIDDEN);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/plain; charset=utf-8");
        exchange.getResponseSender().send(FORBIDDEN + origin);
    }

    boolean permits(String origin, String hostHeader) {
        String normalised = normalise(origin);
        if (allowed.contains(normalised)) {
            return true;
        }
        return hostHeader != null && normalised.equals("http://" + hostHeader.toLowerCase(Locale.ROOT))
                && trustedHostName(hostName(hostHeader));
    }

    private boolean trustedHostName(String name) {
        if (name.equals("localhost") || name.equals(bindHost) || isWildcard(bindHost)) {
            return true;
        }
        // Only literal addresses: resolving a name here is what DNS rebinding relies on.
        if (!name.matches("[0-9.]+|\\[[0-9a-f:.]+\\]")) {
            return false;
        }
        try {
            return InetAddress.getByName(name.replace("[", "").replace("]", "")).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static boolean isWildcard(String host) {
        return host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]");
    }

    private static String hostName(String hostHeader) {
        String lower = hostHeader.toLowerCase(Locale.ROOT);
        if (lower.startsWith("[")) {
            int end = lower.indexOf(']');
            return end < 0 ? lower : lower.substring(0, end + 1);
        }
        int colon = lower.lastIndexOf(':');
        return colon < 0 ? lower : lower.substring(0, colon);
    }

    private static String normalise(String origin) {
        String lower = origin.trim().toLowerCase(Locale.ROOT);
        return lower.endsWith("/") ? lower.substring(0, lower.length() - 1) : lower;
    }
}
