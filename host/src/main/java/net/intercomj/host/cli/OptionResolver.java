package net.intercomj.host.cli;

import static net.intercomj.host.cli.Flags.*;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.intercomj.host.cli.PeerOptions.RpcOptions;
import net.intercomj.host.cli.PeerOptions.ScBridgeOptions;
import net.intercomj.host.cli.PeerOptions.SidechannelOptions;

/**
 * Turns the raw flag texts of one parse into {@link PeerOptions}: picks flag, else env var,
 * else default for each flag, reads it by its kind, and runs the startup checks of spec §1.4.
 * Collects every problem instead of stopping at the first, so one run shows them all.
 */
final class OptionResolver {

    /** The original's messages for a bad RPC port or body limit (spec upstream-contract-subnet-msb §6.3). */
    static final String RPC_PORT_MESSAGE = "Invalid --rpc-port. Expected integer 1-65535.";
    static final String RPC_MAX_BODY_MESSAGE = "Invalid --rpc-max-body-bytes. Expected a positive integer.";
    /** Ours, in the words of the bridge's. */
    static final String RPC_TOKEN_MESSAGE = "RPC requires --rpc-token (auth is mandatory).";

    /** A value's text and where it came from, for error messages. */
    private record Raw(String text, String origin) {}

    @FunctionalInterface
    private interface Reader<T> {
        T read(String text) throws Values.BadValue;
    }

    private final Map<Flag, Optional<String>> given;
    private final Optional<String> storeLabel;
    private final Map<String, String> env;
    private final Path workingDirectory;
    private final List<String> errors = new ArrayList<>();
    private final Set<Flag> failed = new HashSet<>();

    /**
     * @param given            the last value of each flag on the command line; an empty
     *                         Optional means the flag was given bare
     * @param storeLabel       the positional store label, if the first argument was one
     * @param env              environment variables
     * @param workingDirectory base of relative paths
     */
    OptionResolver(Map<Flag, Optional<String>> given, Optional<String> storeLabel, Map<String, String> env,
            Path workingDirectory) {
        this.given = given;
        this.storeLabel = storeLabel;
        this.env = env;
        this.workingDirectory = workingDirectory;
    }

    ParseOutcome resolve() {
        Raw peerStoreRaw = supplied(PEER_STORE_NAME)
                .or(() -> storeLabel.filter(label -> !label.isEmpty())
                        .map(label -> new Raw(label, PEER_STORE_NAME.name() + " (store label)")))
                .orElseGet(() -> defaulted(PEER_STORE_NAME));
        String peerStoreName = read(PEER_STORE_NAME, ValueKind.NAME, peerStoreRaw, "peer", Values::storeName);
        Path peerStoresDirectory = read(PEER_STORES_DIRECTORY, ValueKind.PATH, path -> Values.path(workingDirectory, path));
        Raw msbStoreRaw = supplied(MSB_STORE_NAME)
                .orElseGet(() -> new Raw(peerStoreName + "-msb", MSB_STORE_NAME.name() + " (default)"));
        String msbStoreName = read(MSB_STORE_NAME, ValueKind.NAME, msbStoreRaw, "peer-msb", Values::storeName);
        Path msbStoresDirectory = read(MSB_STORES_DIRECTORY, ValueKind.PATH, path -> Values.path(workingDirectory, path));
        Optional<Path> walletPasswordFile = optional(WALLET_PASSWORD_FILE, ValueKind.PATH,
                path -> Values.path(workingDirectory, path));
        LogLevel logLevel = read(LOG_LEVEL, ValueKind.LOG_LEVEL, Values::logLevel);

        String subnetChannel = read(SUBNET_CHANNEL, ValueKind.TEXT, text -> text);
        Optional<String> app = Optional.of(read(APP, ValueKind.TEXT, String::trim)).filter(id -> !id.isEmpty());

        SidechannelOptions sidechannel = sidechannel();
        boolean bridgeRequested = bool(SC_BRIDGE);
        String bridgeHost = read(SC_BRIDGE_HOST, ValueKind.TEXT, text -> text);
        int bridgePort = read(SC_BRIDGE_PORT, ValueKind.PORT, Values::port);
        String bridgeFilter = read(SC_BRIDGE_FILTER, ValueKind.TEXT, text -> text);
        List<String> bridgeFilterChannels = list(SC_BRIDGE_FILTER_CHANNEL);
        String bridgeToken = read(SC_BRIDGE_TOKEN, ValueKind.TEXT, text -> text);
        ScBridgeOptions scBridge = new ScBridgeOptions(
                // Without a token the bridge stays off; the missing token is reported below.
                bridgeRequested && !bridgeToken.isBlank(),
                bridgeHost, bridgePort, bridgeToken, bridgeFilter, bridgeFilterChannels,
                bool(SC_BRIDGE_CLI), bool(SC_BRIDGE_CLI_UNSAFE), list(SC_BRIDGE_ORIGINS), bool(SC_BRIDGE_DEBUG));
        boolean rpcRequested = bool(RPC);
        String rpcToken = read(RPC_TOKEN, ValueKind.TEXT, text -> text);
        RpcOptions rpc = new RpcOptions(
                // As for the bridge: without a token the RPC stays off, and the missing token is reported below.
                rpcRequested && !rpcToken.isBlank(),
                read(RPC_HOST, ValueKind.TEXT, text -> text),
                upstreamChecked(RPC_PORT, ValueKind.PORT, Values::port, RPC_PORT_MESSAGE),
                rpcToken,
                Optional.of(read(RPC_ALLOW_ORIGIN, ValueKind.TEXT, String::trim)).filter(origin -> !origin.isEmpty()),
                upstreamChecked(RPC_MAX_BODY_BYTES, ValueKind.INT, Values::positiveInteger, RPC_MAX_BODY_MESSAGE),
                bool(API_TX_EXPOSED));
        boolean timer = bool(TIMER_FEATURE);
        List<HostPort> peerDhtBootstrap = read(PEER_DHT_BOOTSTRAP, ValueKind.HOST_PORT_LIST, Values::hostPorts);
        PeerOptions.MsbOptions msb = msb();
        boolean lanDiscovery = bool(LAN_DISCOVERY);

        // Spec §1.4, in upstream's order.
        if (bridgeRequested && bridgeToken.isBlank() && !failed.contains(SC_BRIDGE_TOKEN)) {
            errors.add("SC-Bridge requires --sc-bridge-token (auth is mandatory).");
        }
        // Ours: the original's RPC had no authentication at all (spec §9 item 22f).
        if (rpcRequested && rpcToken.isBlank() && !failed.contains(RPC_TOKEN)) {
            errors.add(RPC_TOKEN_MESSAGE);
        }
        Optional<String> subnetBootstrap = subnetBootstrap();

        if (!errors.isEmpty()) {
            return new ParseOutcome.Invalid(String.join("\n", errors), ParseOutcome.USAGE_ERROR);
        }
        return new ParseOutcome.Run(new PeerOptions(peerStoreName, peerStoresDirectory, msbStoreName,
                msbStoresDirectory, walletPasswordFile, logLevel, subnetChannel, subnetBootstrap, app, sidechannel,
                scBridge, rpc, timer, peerDhtBootstrap, msb, lanDiscovery));
    }

    private SidechannelOptions sidechannel() {
        // Read in table order, so errors are listed in the order --help would list the flags.
        Set<String> extras = new LinkedHashSet<>(list(SIDECHANNELS));
        extras.remove(SidechannelOptions.ENTRY_CHANNEL);
        boolean debug = bool(SIDECHANNEL_DEBUG);
        boolean quiet = bool(SIDECHANNEL_QUIET);
        int maxBytes = read(SIDECHANNEL_MAX_BYTES, ValueKind.INT, Values::integer);
        boolean allowRemoteOpen = bool(SIDECHANNEL_ALLOW_REMOTE_OPEN);
        boolean autoJoin = bool(SIDECHANNEL_AUTO_JOIN);
        boolean pow = bool(SIDECHANNEL_POW);
        int powDifficulty = read(SIDECHANNEL_POW_DIFFICULTY, ValueKind.INT, Values::integer);
        boolean powEntryOnly = bool(SIDECHANNEL_POW_ENTRY);
        List<String> powChannels = list(SIDECHANNEL_POW_CHANNELS);
        int rateBytes = read(SIDECHANNEL_RATE_BYTES, ValueKind.INT, Values::integer);
        int rateBurst = read(SIDECHANNEL_RATE_BURST, ValueKind.INT, Values::integer);
        int maxStrikes = read(SIDECHANNEL_MAX_STRIKES, ValueKind.INT, Values::integer);
        boolean inviteRequired = bool(SIDECHANNEL_INVITE_REQUIRED);
        List<String> inviteChannels = list(SIDECHANNEL_INVITE_CHANNELS);
        List<String> invitePrefixes = list(SIDECHANNEL_INVITE_PREFIXES);
        List<String> inviterKeys = read(SIDECHANNEL_INVITER_KEYS, ValueKind.KEY_LIST, text -> {
            Set<String> keys = new LinkedHashSet<>();
            for (String key : Values.csv(text)) {
                keys.add(Values.publicKey(key));
            }
            return List.copyOf(keys);
        });
        // Upstream: a negative TTL means 0, i.e. "every invite must give its own TTL".
        int inviteTtlSeconds = Math.max(read(SIDECHANNEL_INVITE_TTL, ValueKind.INT, Values::integer), 0);
        Map<String, String> owners = read(SIDECHANNEL_OWNER, ValueKind.OWNER_LIST, text -> {
            Map<String, String> byChannel = new LinkedHashMap<>();
            for (Map.Entry<String, String> entry : Values.keyValues(text, "<channel>:<pubkey>")) {
                try {
                    byChannel.put(entry.getKey(), Values.publicKey(entry.getValue()));
                } catch (Values.BadValue e) {
                    throw new Values.BadValue("the owner of channel " + Values.quote(entry.getKey()) + ": "
                            + e.reason());
                }
            }
            return byChannel;
        });
        boolean ownerWriteOnly = bool(SIDECHANNEL_OWNER_WRITE_ONLY);
        List<String> ownerWriteChannels = list(SIDECHANNEL_OWNER_WRITE_CHANNELS);
        Map<String, String> welcomes = read(SIDECHANNEL_WELCOME, ValueKind.WELCOME_LIST, text -> {
            Map<String, String> byChannel = new LinkedHashMap<>();
            for (Map.Entry<String, String> entry : Values.keyValues(text, "<channel>:<welcome>")) {
                try {
                    byChannel.put(entry.getKey(), Values.welcomeJson(entry.getValue(), workingDirectory));
                } catch (Values.BadValue e) {
                    throw new Values.BadValue("the welcome for channel " + Values.quote(entry.getKey()) + ": "
                            + e.reason());
                }
            }
            return byChannel;
        });
        boolean welcomeRequired = bool(SIDECHANNEL_WELCOME_REQUIRED);
        return new SidechannelOptions(List.copyOf(extras), debug, quiet, maxBytes, allowRemoteOpen, autoJoin, pow,
                powDifficulty, powEntryOnly, powChannels, rateBytes, rateBurst, maxStrikes, inviteRequired,
                inviteChannels, invitePrefixes, inviterKeys, Duration.ofSeconds(inviteTtlSeconds), owners,
                ownerWriteOnly, ownerWriteChannels, welcomes, welcomeRequired);
    }

    private Optional<String> subnetBootstrap() {
        Optional<Raw> raw = supplied(SUBNET_BOOTSTRAP);
        // Upstream trims before testing for presence, so a blank value means "use the file".
        if (raw.isEmpty() || raw.get().text().isBlank()) {
            return Optional.empty();
        }
        Optional<String> key = SubnetBootstraps.normalize(raw.get().text());
        if (key.isEmpty()) {
            errors.add(SubnetBootstraps.INVALID_MESSAGE);
            return Optional.empty();
        }
        if (SubnetBootstraps.isMsbBootstrap(key.get())) {
            errors.add(SubnetBootstraps.EQUALS_MSB_MESSAGE);
            return Optional.empty();
        }
        return key;
    }

    /** The settlement flags; {@code --msb-bootstrap} with the original's message (spec §6.3). */
    private PeerOptions.MsbOptions msb() {
        Optional<String> bootstrap = supplied(MSB_BOOTSTRAP).map(raw -> raw.text().trim().toLowerCase(java.util.Locale.ROOT))
                .filter(text -> !text.isEmpty());
        if (bootstrap.isPresent() && !bootstrap.get().matches("^[0-9a-f]{64}$")) {
            fail(MSB_BOOTSTRAP, "Invalid --msb-bootstrap. Expected 32-byte hex (64 chars), got length "
                    + bootstrap.get().length() + ".");
            bootstrap = Optional.empty();
        }
        Optional<String> channel = Optional.of(read(MSB_CHANNEL, ValueKind.TEXT, String::trim)).filter(text -> !text.isEmpty());
        java.math.BigInteger genesis = read(MSB_GENESIS_BALANCE, ValueKind.TEXT, text -> {
            try {
                return net.intercomj.host.msb.Amounts.parse(text.trim());
            } catch (IllegalArgumentException e) {
                throw new Values.BadValue(e.getMessage().replaceFirst("\\.$", ""));
            }
        });
        List<HostPort> dht = read(MSB_DHT_BOOTSTRAP, ValueKind.HOST_PORT_LIST, Values::hostPorts);
        return new PeerOptions.MsbOptions(bootstrap, channel, genesis, dht);
    }

    private boolean bool(Flag flag) {
        return read(flag, ValueKind.BOOL, Values::bool);
    }

    private List<String> list(Flag flag) {
        return read(flag, ValueKind.LIST, Values::csv);
    }

    private <T> T read(Flag flag, ValueKind kind, Reader<T> reader) {
        return read(flag, kind, supplied(flag).orElseGet(() -> defaulted(flag)), null, reader);
    }

    private <T> Optional<T> optional(Flag flag, ValueKind kind, Reader<T> reader) {
        return supplied(flag).map(raw -> read(flag, kind, raw, null, reader));
    }

    /**
     * Reads {@code raw} as {@code flag}'s kind. On a bad value the error is recorded and the
     * result is {@code placeholder}, or the flag's default when that is null: the caller goes
     * on to find further errors, and never returns options built from a placeholder.
     */
    private <T> T read(Flag flag, ValueKind kind, Raw raw, T placeholder, Reader<T> reader) {
        if (flag.kind() != kind) {
            throw new IllegalStateException(flag.name() + " is " + flag.kind() + ", not " + kind);
        }
        try {
            return reader.read(raw.text());
        } catch (Values.BadValue e) {
            fail(flag, "Invalid " + raw.origin() + ": " + e.reason() + ".");
            if (placeholder != null) {
                return placeholder;
            }
            try {
                return reader.read(flag.defaultValue());
            } catch (Values.BadValue impossible) {
                throw new IllegalStateException("Default of " + flag.name() + " is invalid", impossible);
            }
        }
    }

    /**
     * Reads {@code flag} like {@link #read(Flag, ValueKind, Reader)}, but reports a bad value with
     * the original's fixed {@code message}. Unlike the original, the value is checked even when its
     * plane is off, as every other flag is.
     */
    private <T> T upstreamChecked(Flag flag, ValueKind kind, Reader<T> reader, String message) {
        if (flag.kind() != kind) {
            throw new IllegalStateException(flag.name() + " is " + flag.kind() + ", not " + kind);
        }
        Optional<Raw> raw = supplied(flag);
        if (raw.isPresent()) {
            try {
                return reader.read(raw.get().text());
            } catch (Values.BadValue e) {
                fail(flag, message);
            }
        }
        try {
            return reader.read(flag.defaultValue());
        } catch (Values.BadValue impossible) {
            throw new IllegalStateException("Default of " + flag.name() + " is invalid", impossible);
        }
    }

    /** The flag's value if the command line or the environment gives a non-empty one. */
    private Optional<Raw> supplied(Flag flag) {
        Optional<String> value = given.get(flag);
        if (value != null) {
            if (value.isEmpty()) {
                if (flag.kind().acceptsBareFlag()) {
                    return Optional.of(new Raw("true", flag.name()));
                }
                // Upstream read a bare flag as the text "true" (spec §6 item 16): a bare
                // --sc-bridge-token set the token to "true", a bare --sidechannels joined "true".
                fail(flag, "Option " + flag.name() + " needs a value.");
                return Optional.empty();
            }
            if (!value.get().isEmpty()) {
                return Optional.of(new Raw(value.get(), flag.name()));
            }
        }
        for (String name : flag.envVars()) {
            String text = env.get(name);
            if (text != null && !text.isEmpty()) {
                return Optional.of(new Raw(text, flag.name() + " (env " + name + ")"));
            }
        }
        return Optional.empty();
    }

    private Raw defaulted(Flag flag) {
        return new Raw(flag.defaultValue(), flag.name() + " (default)");
    }

    private void fail(Flag flag, String message) {
        if (failed.add(flag)) {
            errors.add(message);
        }
    }
}
