package net.intercomj.host.bridge;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import net.intercomj.host.cli.PeerOptions.ScBridgeOptions;

/**
 * How the bridge runs: where it listens, who may use it and the limits that keep one client
 * from hurting the peer or the other clients.
 *
 * @param host           address to listen on
 * @param port           port to listen on; 0 picks a free one
 * @param token          the token clients authenticate with; never blank
 * @param defaultFilter  every new client's filter ({@code --sc-bridge-filter})
 * @param filterChannels channels the filter applies to; empty means all ({@code --sc-bridge-filter-channel})
 * @param cli            whether {@code cli} runs terminal commands ({@code --sc-bridge-cli})
 * @param cliUnsafe      whether {@code cli} may also run commands that reveal secrets or stop the peer
 * @param origins        browser origins allowed besides the bridge's own ({@code --sc-bridge-origins})
 * @param debug          log each message in and out ({@code --sc-bridge-debug})
 * @param limits         per-client limits
 */
public record BridgeSettings(String host, int port, String token, String defaultFilter, List<String> filterChannels,
        boolean cli, boolean cliUnsafe, List<String> origins, boolean debug, Limits limits) {

    /**
     * @param maxMessageBytes largest message a client may send; a larger one closes the
     *                        connection with 1009. Above the sidechannel's 1 MB default, so an
     *                        oversized {@code send} still gets the original's answer.
     * @param maxQueuedBytes  largest backlog of replies and events waiting to be written to one
     *                        client; a client that lets it grow beyond is closed with 1008
     * @param maxFailedAuths  wrong tokens one connection may present before it is closed
     * @param authTimeout     how long a connection may stay without authenticating before it is
     *                        closed with 1008 (it gets no events meanwhile, so it only holds a socket)
     */
    public record Limits(int maxMessageBytes, long maxQueuedBytes, int maxFailedAuths, Duration authTimeout) {

        public static final Limits DEFAULTS = new Limits(4 << 20, 8L << 20, 5, Duration.ofSeconds(30));

        public Limits {
            if (maxMessageBytes < 1 || maxQueuedBytes < 1 || maxFailedAuths < 1 || authTimeout.isNegative()
                    || authTimeout.isZero()) {
                throw new IllegalArgumentException("Bridge limits must be positive: " + maxMessageBytes + ", "
                        + maxQueuedBytes + ", " + maxFailedAuths + ", " + authTimeout);
            }
        }

        /** These limits with another auth timeout. */
        public Limits withAuthTimeout(Duration timeout) {
            return new Limits(maxMessageBytes, maxQueuedBytes, maxFailedAuths, timeout);
        }
    }

    public BridgeSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(defaultFilter, "defaultFilter");
        filterChannels = List.copyOf(filterChannels);
        origins = List.copyOf(origins);
        Objects.requireNonNull(limits, "limits");
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("SC-Bridge requires --sc-bridge-token (auth is mandatory).");
        }
    }

    /** The settings the flags give. */
    public static BridgeSettings from(ScBridgeOptions options) {
        return new BridgeSettings(options.host(), options.port(), options.token(), options.filter(),
                options.filterChannels(), options.cli(), options.cliUnsafe(), options.origins(), options.debug(),
                Limits.DEFAULTS);
    }

    /** These settings with other limits. */
    public BridgeSettings withLimits(Limits newLimits) {
        return new BridgeSettings(host, port, token, defaultFilter, filterChannels, cli, cliUnsafe, origins, debug,
                newLimits);
    }

    @Override
    public String toString() {
        return "BridgeSettings[host=" + host + ", port=" + port + ", token=<redacted>, filter=" + defaultFilter
                + ", filterChannels=" + filterChannels + ", cli=" + cli + ", cliUnsafe=" + cliUnsafe + ", origins="
                + origins + ", debug=" + debug + ", limits=" + limits + "]";
    }
}
