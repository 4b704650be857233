package net.intercomj.host.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the command line and the environment configure, typed and resolved (flag, else
 * env var, else default). Immutable.
 *
 * @param peerStoreName       folder name of the peer store
 * @param peerStoresDirectory folder holding peer stores, resolved against the working directory
 * @param msbStoreName        folder name of the MSB store
 * @param msbStoresDirectory  folder holding MSB stores, resolved against the working directory
 * @param walletPasswordFile  file holding the keypair password; empty means the empty password
 * @param logLevel            logging threshold
 * @param subnetChannel       name of the subnet to take part in
 * @param subnetBootstrap     subnet admin writer key, 64 lowercase hex, from the flag or env
 *                            only: the {@code subnet-bootstrap.hex} fallback belongs to the
 *                            store layer (and should be persisted when it came from here, to
 *                            fix upstream defect §6.18)
 * @param app                 the contract app a subnet created by this peer pins (a plugin id)
 * @param sidechannel         sidechannel plane settings
 * @param scBridge            SC-Bridge settings
 * @param rpc                 HTTP RPC settings
 * @param timer               whether the sample timer feature runs
 * @param peerDhtBootstrap    discovery bootstrap nodes of the peer; empty means the built-in
 *                            zero-config default of the networking layer
 * @param msb                 the settlement (MSB) settings
 * @param lanDiscovery        whether peers are also found on the local network by multicast
 */
public record PeerOptions(
        String peerStoreName,
        Path peerStoresDirectory,
        String msbStoreName,
        Path msbStoresDirectory,
        Optional<Path> walletPasswordFile,
        LogLevel logLevel,
        String subnetChannel,
        Optional<String> subnetBootstrap,
        Optional<String> app,
        SidechannelOptions sidechannel,
        ScBridgeOptions scBridge,
        RpcOptions rpc,
        boolean timer,
        List<HostPort> peerDhtBootstrap,
        MsbOptions msb,
        boolean lanDiscovery) {

    /** Rejects nulls and freezes the lists. */
    public PeerOptions {
        Objects.requireNonNull(peerStoreName, "peerStoreName");
        Objects.requireNonNull(peerStoresDirectory, "peerStoresDirectory");
        Objects.requireNonNull(msbStoreName, "msbStoreName");
        Objects.requireNonNull(msbStoresDirectory, "msbStoresDirectory");
        Objects.requireNonNull(walletPasswordFile, "walletPasswordFile");
        Objects.requireNonNull(logLevel, "logLevel");
        Objects.requireNonNull(subnetChannel, "subnetChannel");
        Objects.requireNonNull(subnetBootstrap, "subnetBootstrap");
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(sidechannel, "sidechannel");
        Objects.requireNonNull(scBridge, "scBridge");
        Objects.requireNonNull(rpc, "rpc");
        peerDhtBootstrap = List.copyOf(peerDhtBootstrap);
        Objects.requireNonNull(msb, "msb");
    }

    /** The peer store folder: the stores directory joined with the store name. */
    public Path peerStorePath() {
        return peerStoresDirectory.resolve(peerStoreName);
    }

    /** The MSB store folder: the MSB stores directory joined with the MSB store name. */
    public Path msbStorePath() {
        return msbStoresDirectory.resolve(msbStoreName);
    }

    /**
     * The settlement plane's settings.
     *
     * @param bootstrap      {@code --msb-bootstrap}: the MSB network to settle on (64 lowercase hex)
     * @param channel        {@code --msb-channel}: its discovery channel
     * @param genesisBalance {@code --msb-genesis-balance} in base units
     * @param dhtBootstrap   discovery bootstrap nodes of the MSB network; empty for the peer's own network
     */
    public record MsbOptions(Optional<String> bootstrap, Optional<String> channel, java.math.BigInteger genesisBalance,
            List<HostPort> dhtBootstrap) {
        public MsbOptions {
            Objects.requireNonNull(bootstrap, "bootstrap");
            Objects.requireNonNull(channel, "channel");
            Objects.requireNonNull(genesisBalance, "genesisBalance");
            dhtBootstrap = List.copyOf(dhtBootstrap);
        }
    }

    /** The extra sidechannels joined at start (the entry channel is never among them). */
    public List<String> sidechannels() {
        return sidechannel.extras();
    }

    /** Whether the SC-Bridge is on. */
    public boolean scBridgeEnabled() {
        return scBridge.enabled();
    }

    /** Whether the HTTP RPC is on. */
    public boolean rpcEnabled() {
        return rpc.enabled();
    }

    /**
     * Sidechannel plane settings (spec upstream-sidechannel-bridge §1.3 and §2).
     *
     * @param extras              channels joined at start besides {@link #ENTRY_CHANNEL},
     *                            without duplicates, in the order given
     * @param debug               verbose logs
     * @param quiet               do not print received messages when the bridge is off
     * @param maxBytes            outbound envelope size guard
     * @param allowRemoteOpen     handle {@code open_channel} requests
     * @param autoJoin            join the target of an accepted open request
     * @param pow                 proof of work on
     * @param powDifficulty       required leading zero bits; ≤ 0 disables proof of work
     * @param powEntryOnly        proof of work only on the entry channel
     * @param powChannels         proof of work only on these channels (empty: not restricted);
     *                            wins over {@code powEntryOnly}
     * @param rateBytes           inbound bytes/s per connection; ≤ 0 disables the limiter
     * @param rateBurst           token bucket capacity in bytes
     * @param maxStrikes          over-limit strikes before a block
     * @param inviteRequired      master switch for invite gating
     * @param inviteChannels      restrict gating to these exact names (empty: not restricted)
     * @param invitePrefixes      restrict gating to these name prefixes (empty: not restricted)
     * @param inviterKeys         trusted inviter public keys, 64 lowercase hex; empty with
     *                            {@code inviteRequired} means the own key only
     * @param inviteTtl           default TTL for new invites; zero means a TTL must be given
     * @param owners              owner public key (64 lowercase hex) per channel
     * @param ownerWriteOnly      owner-only send on all non-entry channels
     * @param ownerWriteChannels  owner-only send on these channels
     * @param welcomes            pre-signed welcome per channel, as compact JSON object text
     *                            (not verified here: that is the sidechannel plane's job)
     * @param welcomeRequired     require a verified welcome on non-entry channels
     */
    public record SidechannelOptions(
            List<String> extras,
            boolean debug,
            boolean quiet,
            int maxBytes,
            boolean allowRemoteOpen,
            boolean autoJoin,
            boolean pow,
            int powDifficulty,
            boolean powEntryOnly,
            List<String> powChannels,
            int rateBytes,
            int rateBurst,
            int maxStrikes,
            boolean inviteRequired,
            List<String> inviteChannels,
            List<String> invitePrefixes,
            List<String> inviterKeys,
            Duration inviteTtl,
            Map<String, String> owners,
            boolean ownerWriteOnly,
            List<String> ownerWriteChannels,
            Map<String, String> welcomes,
            boolean welcomeRequired) {

        /** The channel every peer joins; it cannot be left or listed as an extra. */
        public static final String ENTRY_CHANNEL = "0000intercom";

        private static final ObjectMapper JSON = new ObjectMapper();

        /** Rejects nulls, a negative TTL and the entry channel among the extras; freezes collections. */
        public SidechannelOptions {
            extras = List.copyOf(extras);
            if (extras.contains(ENTRY_CHANNEL)) {
                throw new IllegalArgumentException("The entry channel is not an extra channel");
            }
            powChannels = List.copyOf(powChannels);
            inviteChannels = List.copyOf(inviteChannels);
            invitePrefixes = List.copyOf(invitePrefixes);
            inviterKeys = List.copyOf(inviterKeys);
            Objects.requireNonNull(inviteTtl, "inviteTtl");
            if (inviteTtl.isNegative()) {
                throw new IllegalArgumentException("inviteTtl must not be negative");
            }
            owners = frozen(owners);
            ownerWriteChannels = List.copyOf(ownerWriteChannels);
            welcomes = frozen(welcomes);
        }

        /** The entry channel followed by the extras: every channel joined at start. */
        public List<String> channels() {
            List<String> all = new ArrayList<>(1 + extras.size());
            all.add(ENTRY_CHANNEL);
            all.addAll(extras);
            return List.copyOf(all);
        }

        /** The configured welcome of {@code channel} as a fresh, caller-owned JSON object. */
        public Optional<ObjectNode> welcome(String channel) {
            String text = welcomes.get(channel);
            if (text == null) {
                return Optional.empty();
            }
            try {
                JsonNode node = JSON.readTree(text);
                return Optional.of((ObjectNode) node);
            } catch (JsonProcessingException e) {
                // The text was produced by Jackson from an object node, so it always reads back.
                throw new IllegalStateException("Stored welcome is not JSON", e);
            }
        }

        private static Map<String, String> frozen(Map<String, String> map) {
            Map<String, String> copy = new LinkedHashMap<>();
            map.forEach((key, value) -> copy.put(Objects.requireNonNull(key), Objects.requireNonNull(value)));
            // Insertion order is kept so logs and banners list channels as the user wrote them.
            return Collections.unmodifiableMap(copy);
        }
    }

    /**
     * SC-Bridge settings (spec upstream-sidechannel-bridge §1.3 and §3).
     *
     * @param enabled        serve the bridge
     * @param host           bind host
     * @param port           bind port, 1 to 65535 (0, outside flags: a free one)
     * @param token          client auth token; never blank when {@code enabled}
     * @param filter         default per-client filter expression (empty: none)
     * @param filterChannels channels where the filter applies (empty: all)
     * @param cli            allow {@code {type:"cli"}}
     * @param cliUnsafe      also allow, over {@code cli}, commands that reveal secrets or stop the peer
     * @param origins        browser origins allowed besides the bridge's own pages
     * @param debug          bridge debug logs
     */
    public record ScBridgeOptions(
            boolean enabled,
            String host,
            int port,
            String token,
            String filter,
            List<String> filterChannels,
            boolean cli,
            boolean cliUnsafe,
            List<String> origins,
            boolean debug) {

        /** Rejects nulls, a bad port and an enabled bridge without a token. */
        public ScBridgeOptions {
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(token, "token");
            Objects.requireNonNull(filter, "filter");
            filterChannels = List.copyOf(filterChannels);
            origins = List.copyOf(origins);
            // 0 picks a free port: for tests and embedders; the flag itself accepts 1 to 65535.
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port " + port + " is not between 0 and 65535");
            }
            if (enabled && token.isBlank()) {
                throw new IllegalArgumentException("An enabled bridge needs a token");
            }
        }

        /** Like the record's own, but without the token, so options can be logged safely. */
        @Override
        public String toString() {
            return "ScBridgeOptions[enabled=" + enabled + ", host=" + host + ", port=" + port
                    + ", token=" + (token.isEmpty() ? "" : "<redacted>") + ", filter=" + filter
                    + ", filterChannels=" + filterChannels + ", cli=" + cli + ", cliUnsafe=" + cliUnsafe + ", origins=" + origins
                    + ", debug=" + debug + "]";
        }
    }

    /**
     * HTTP RPC settings (spec upstream-contract-subnet-msb §6.3 and §7; the token is ours).
     *
     * @param enabled      serve the RPC
     * @param host         bind host
     * @param port         bind port, 1 to 65535 (0, outside flags: a free one)
     * @param token        the bearer token clients present; never blank when {@code enabled}
     * @param allowOrigin  the CORS origin ({@code *} for any); empty: no CORS headers
     * @param maxBodyBytes largest request body accepted, at least 1
     * @param apiTxExposed whether {@code POST /v1/contract/tx} accepts transactions
     */
    public record RpcOptions(
            boolean enabled,
            String host,
            int port,
            String token,
            Optional<String> allowOrigin,
            int maxBodyBytes,
            boolean apiTxExposed) {

        /** Rejects nulls, a bad port or body limit, and an enabled RPC without a token. */
        public RpcOptions {
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(token, "token");
            Objects.requireNonNull(allowOrigin, "allowOrigin");
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port " + port + " is not between 0 and 65535");
            }
            if (maxBodyBytes < 1) {
                throw new IllegalArgumentException("maxBodyBytes must be positive: " + maxBodyBytes);
            }
            if (enabled && token.isBlank()) {
                throw new IllegalArgumentException("An enabled RPC needs a token");
            }
        }

        /** Like the record's own, but without the token, so options can be logged safely. */
        @Override
        public String toString() {
            return "RpcOptions[enabled=" + enabled + ", host=" + host + ", port=" + port + ", token="
                    + (token.isEmpty() ? "" : "<redacted>") + ", allowOrigin=" + allowOrigin + ", maxBodyBytes="
                    + maxBodyBytes + ", apiTxExposed=" + apiTxExposed + "]";
        }
    }
}
