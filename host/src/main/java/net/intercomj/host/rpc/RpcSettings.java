package net.intercomj.host.rpc;

import java.util.Objects;
import java.util.Optional;
import net.intercomj.host.cli.PeerOptions.RpcOptions;

/**
 * How the RPC server runs.
 *
 * @param host         address to listen on
 * @param port         port to listen on; 0 picks a free one
 * @param token        the bearer token clients present; never blank
 * @param allowOrigin  the value of {@code Access-Control-Allow-Origin} ({@code *} or one origin);
 *                     empty: no CORS headers at all
 * @param maxBodyBytes largest request body accepted; a larger one gets 413 unread
 */
public record RpcSettings(String host, int port, String token, Optional<String> allowOrigin, int maxBodyBytes) {

    public RpcSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(allowOrigin, "allowOrigin");
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("RPC requires --rpc-token (auth is mandatory).");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is not between 0 and 65535");
        }
        if (maxBodyBytes < 1) {
            throw new IllegalArgumentException("maxBodyBytes must be positive: " + maxBodyBytes);
        }
    }

    /** The settings the flags give. */
    public static RpcSettings from(RpcOptions options) {
        return new RpcSettings(options.host(), options.port(), options.token(), options.allowOrigin(),
                options.maxBodyBytes());
    }

    @Override
    public String toString() {
        return "RpcSettings[host=" + host + ", port=" + port + ", token=<redacted>, allowOrigin=" + allowOrigin
                + ", maxBodyBytes=" + maxBodyBytes + "]";
    }
}
