package net.intercomj.host.cli;

import static net.intercomj.host.cli.Plane.HOST;
import static net.intercomj.host.cli.Plane.NETWORK;
import static net.intercomj.host.cli.Plane.SC_BRIDGE;
import static net.intercomj.host.cli.Plane.SIDECHANNEL;
import static net.intercomj.host.cli.Plane.SUBNET;
import static net.intercomj.host.cli.Plane.TIMER;
import static net.intercomj.host.cli.ValueKind.BOOL;
import static net.intercomj.host.cli.ValueKind.HEX32;
import static net.intercomj.host.cli.ValueKind.HOST_PORT_LIST;
import static net.intercomj.host.cli.ValueKind.INT;
import static net.intercomj.host.cli.ValueKind.KEY_LIST;
import static net.intercomj.host.cli.ValueKind.LIST;
import static net.intercomj.host.cli.ValueKind.NAME;
import static net.intercomj.host.cli.ValueKind.OWNER_LIST;
import static net.intercomj.host.cli.ValueKind.PATH;
import static net.intercomj.host.cli.ValueKind.PORT;
import static net.intercomj.host.cli.ValueKind.TEXT;
import static net.intercomj.host.cli.ValueKind.WELCOME_LIST;

import java.util.List;
import java.util.Optional;

/**
 * The flag table: every flag the peer accepts. Names, aliases, env vars and defaults are
 * those of the original peer (spec upstream-sidechannel-bridge §1.3), except the flags of
 * ours ({@code --wallet-password-file}, {@code --log-level}, {@code --lan-discovery}, {@code --app},
 * {@code --rpc-token}) and the DHT bootstrap defaults, which are left to our own networking layer; the RPC
 * flags are those of spec upstream-contract-subnet-msb §6.3, except the default of
 * {@code --rpc-allow-origin} (none instead of {@code *}).
 */
public final class Flags {

    private Flags() {}

    // Host plane.
    public static final Flag PEER_STORE_NAME = flag("--peer-store-name", "PEER_STORE_NAME", NAME, "peer", HOST,
            "Folder name of this peer's store inside the peer stores directory. A first argument that does"
                    + " not start with \"--\" (the store label) sets it too; this flag and its env var win over"
                    + " the label.");
    public static final Flag PEER_STORES_DIRECTORY = flag("--peer-stores-directory", "PEER_STORES_DIRECTORY", PATH,
            "stores/", HOST, "Folder holding the peer stores; a relative path starts at the working directory.");
    public static final Flag MSB_STORE_NAME = flag("--msb-store-name", "MSB_STORE_NAME", NAME, "", HOST,
            "Folder name of the settlement (MSB) store; without it, the peer store name followed by \"-msb\".");
    public static final Flag MSB_STORES_DIRECTORY = flag("--msb-stores-directory", "MSB_STORES_DIRECTORY", PATH,
            "stores/", HOST, "Folder holding the MSB stores; a relative path starts at the working directory.");
    public static final Flag WALLET_PASSWORD_FILE = flag("--wallet-password-file", "WALLET_PASSWORD_FILE", PATH, "",
            HOST, "File holding the password of the keypair files. Without it the password is empty, as in the"
                    + " original peer.");
    public static final Flag LOG_LEVEL = flag("--log-level", "INTERCOM_LOG_LEVEL", ValueKind.LOG_LEVEL, "info", HOST,
            "How much to log: error, warn, info, debug or trace.");

    // Subnet plane.
    public static final Flag SUBNET_CHANNEL = flag("--subnet-channel", "SUBNET_CHANNEL", TEXT, "trac-peer-subnet",
            SUBNET, "Name of the subnet (the app) to take part in.");
    public static final Flag SUBNET_BOOTSTRAP = flag("--subnet-bootstrap", "SUBNET_BOOTSTRAP", HEX32, "", SUBNET,
            "Admin writer key (64 hex) of the subnet to join; without it, the key saved in the store's"
                    + " subnet-bootstrap.hex, else a new subnet is created.");
    public static final Flag APP = flag("--app", "INTERCOM_APP", TEXT, "", SUBNET,
            "Contract app (a loaded plugin's id) that a subnet this peer creates pins; joiners run whatever"
                    + " app the subnet pins.");

    // Sidechannel plane.
    public static final Flag SIDECHANNELS = new Flag("--sidechannels", List.of("--sidechannel"),
            List.of("SIDECHANNELS"), LIST, "", SIDECHANNEL,
            "Extra sidechannels to join at start, besides the entry channel "
                    + PeerOptions.SidechannelOptions.ENTRY_CHANNEL + ".");
    public static final Flag SIDECHANNEL_DEBUG = flag("--sidechannel-debug", "SIDECHANNEL_DEBUG", BOOL, "false",
            SIDECHANNEL, "Log sidechannel traffic in detail.");
    public static final Flag SIDECHANNEL_QUIET = flag("--sidechannel-quiet", "SIDECHANNEL_QUIET", BOOL, "false",
            SIDECHANNEL, "When the SC-Bridge is off, do not print received messages (they are still relayed).");
    public static final Flag SIDECHANNEL_MAX_BYTES = flag("--sidechannel-max-bytes", "SIDECHANNEL_MAX_BYTES", INT,
            "1000000", SIDECHANNEL, "Largest message envelope sent or accepted, in bytes.");
    public static final Flag SIDECHANNEL_ALLOW_REMOTE_OPEN = flag("--sidechannel-allow-remote-open",
            "SIDECHANNEL_ALLOW_REMOTE_OPEN", BOOL, "true", SIDECHANNEL,
            "Handle open-channel requests from other peers.");
    public static final Flag SIDECHANNEL_AUTO_JOIN = flag("--sidechannel-auto-join", "SIDECHANNEL_AUTO_JOIN", BOOL,
            "false", SIDECHANNEL, "Join the channel of an accepted open request automatically.");
    public static final Flag SIDECHANNEL_POW = flag("--sidechannel-pow", "SIDECHANNEL_POW", BOOL, "true",
            SIDECHANNEL, "Require proof of work on messages.");
    public static final Flag SIDECHANNEL_POW_DIFFICULTY = flag("--sidechannel-pow-difficulty",
            "SIDECHANNEL_POW_DIFFICULTY", INT, "12", SIDECHANNEL,
            "Leading zero bits the proof of work needs; 0 or less turns proof of work off.");
    public static final Flag SIDECHANNEL_POW_ENTRY = flag("--sidechannel-pow-entry", "SIDECHANNEL_POW_ENTRY", BOOL,
            "false", SIDECHANNEL, "Require proof of work only on the entry channel.");
    public static final Flag SIDECHANNEL_POW_CHANNELS = flag("--sidechannel-pow-channels",
            "SIDECHANNEL_POW_CHANNELS", LIST, "", SIDECHANNEL,
            "Require proof of work only on these channels (wins over the entry-only setting).");
    public static final Flag SIDECHANNEL_RATE_BYTES = flag("--sidechannel-rate-bytes", "SIDECHANNEL_RATE_BYTES", INT,
            "64000", SIDECHANNEL, "Inbound bytes per second allowed per peer; 0 or less turns the limiter off.");
    public static final Flag SIDECHANNEL_RATE_BURST = flag("--sidechannel-rate-burst", "SIDECHANNEL_RATE_BURST", INT,
            "256000", SIDECHANNEL, "Burst capacity of the inbound rate limiter, in bytes.");
    public static final Flag SIDECHANNEL_MAX_STRIKES = flag("--sidechannel-max-strikes", "SIDECHANNEL_MAX_STRIKES",
            INT, "3", SIDECHANNEL, "Over-limit strikes before a connection is blocked for a while.");
    public static final Flag SIDECHANNEL_INVITE_REQUIRED = flag("--sidechannel-invite-required",
            "SIDECHANNEL_INVITE_REQUIRED", BOOL, "false", SIDECHANNEL,
            "Require an invite to join channels (all, or those listed by the invite channel and prefix flags).");
    public static final Flag SIDECHANNEL_INVITE_CHANNELS = flag("--sidechannel-invite-channels",
            "SIDECHANNEL_INVITE_CHANNELS", LIST, "", SIDECHANNEL, "Require invites only on these channels.");
    public static final Flag SIDECHANNEL_INVITE_PREFIXES = flag("--sidechannel-invite-prefixes",
            "SIDECHANNEL_INVITE_PREFIXES", LIST, "", SIDECHANNEL,
            "Require invites only on channels whose names start with one of these prefixes.");
    public static final Flag SIDECHANNEL_INVITER_KEYS = flag("--sidechannel-inviter-keys",
            "SIDECHANNEL_INVITER_KEYS", KEY_LIST, "", SIDECHANNEL,
            "Public keys trusted to issue invites; without them, this peer's own key when invites are required.");
    public static final Flag SIDECHANNEL_INVITE_TTL = flag("--sidechannel-invite-ttl", "SIDECHANNEL_INVITE_TTL", INT,
            "604800", SIDECHANNEL,
            "Default lifetime of new invites, in seconds; 0 (or less) means each invite must give one.");
    public static final Flag SIDECHANNEL_OWNER = flag("--sidechannel-owner", "SIDECHANNEL_OWNER", OWNER_LIST, "",
            SIDECHANNEL, "Owner public key per channel.");
    public static final Flag SIDECHANNEL_OWNER_WRITE_ONLY = flag("--sidechannel-owner-write-only",
            "SIDECHANNEL_OWNER_WRITE_ONLY", BOOL, "false", SIDECHANNEL,
            "Only channel owners may send, on every channel but the entry channel.");
    public static final Flag SIDECHANNEL_OWNER_WRITE_CHANNELS = flag("--sidechannel-owner-write-channels",
            "SIDECHANNEL_OWNER_WRITE_CHANNELS", LIST, "", SIDECHANNEL, "Only channel owners may send on these channels.");
    public static final Flag SIDECHANNEL_WELCOME = flag("--sidechannel-welcome", "SIDECHANNEL_WELCOME", WELCOME_LIST,
            "", SIDECHANNEL,
            "Pre-signed welcome per channel: JSON, base64 (optionally prefixed b64:) or @file.");
    public static final Flag SIDECHANNEL_WELCOME_REQUIRED = flag("--sidechannel-welcome-required",
            "SIDECHANNEL_WELCOME_REQUIRED", BOOL, "true", SIDECHANNEL,
            "Accept messages on non-entry channels only after a verified welcome.");

    // SC-Bridge plane.
    public static final Flag SC_BRIDGE = flag("--sc-bridge", "SC_BRIDGE", BOOL, "false", Plane.SC_BRIDGE,
            "Serve the WebSocket bridge for local agents and web UIs.");
    public static final Flag SC_BRIDGE_HOST = flag("--sc-bridge-host", "SC_BRIDGE_HOST", TEXT, "127.0.0.1",
            Plane.SC_BRIDGE, "Address the bridge listens on.");
    public static final Flag SC_BRIDGE_PORT = flag("--sc-bridge-port", "SC_BRIDGE_PORT", PORT, "49222",
            Plane.SC_BRIDGE, "Port the bridge listens on.");
    public static final Flag SC_BRIDGE_FILTER = flag("--sc-bridge-filter", "SC_BRIDGE_FILTER", TEXT, "",
            Plane.SC_BRIDGE, "Default message filter of every client.");
    public static final Flag SC_BRIDGE_FILTER_CHANNEL = flag("--sc-bridge-filter-channel", "SC_BRIDGE_FILTER_CHANNEL",
            LIST, "", Plane.SC_BRIDGE, "Channels the filter applies to (default: all).");
    public static final Flag SC_BRIDGE_TOKEN = flag("--sc-bridge-token", "SC_BRIDGE_TOKEN", TEXT, "",
            Plane.SC_BRIDGE, "Token clients must present; required when the bridge is on.");
    public static final Flag SC_BRIDGE_CLI = flag("--sc-bridge-cli", "SC_BRIDGE_CLI", BOOL, "false", Plane.SC_BRIDGE,
            "Let clients run terminal commands.");
    public static final Flag SC_BRIDGE_CLI_UNSAFE = flag("--sc-bridge-cli-unsafe", "SC_BRIDGE_CLI_UNSAFE", BOOL,
            "false", Plane.SC_BRIDGE,
            "Also let clients run commands that reveal secrets or stop the peer (/get_keys, /exit).");
    public static final Flag SC_BRIDGE_ORIGINS = flag("--sc-bridge-origins", "SC_BRIDGE_ORIGINS", LIST, "",
            Plane.SC_BRIDGE, "Web origins, besides the bridge's own pages, whose pages may connect (e.g."
                    + " http://localhost:5070).");
    public static final Flag SC_BRIDGE_DEBUG = flag("--sc-bridge-debug", "SC_BRIDGE_DEBUG", BOOL, "false",
            Plane.SC_BRIDGE, "Log bridge traffic in detail.");

    // HTTP RPC plane (spec upstream-contract-subnet-msb §6.3, §7); the token is ours.
    public static final Flag RPC = flag("--rpc", "PEER_RPC", BOOL, "false", Plane.RPC,
            "Serve the HTTP RPC for wallets and dApps (needs --rpc-token).");
    public static final Flag RPC_HOST = flag("--rpc-host", "PEER_RPC_HOST", TEXT, "127.0.0.1", Plane.RPC,
            "Address the RPC listens on.");
    public static final Flag RPC_PORT = flag("--rpc-port", "PEER_RPC_PORT", PORT, "5001", Plane.RPC,
            "Port the RPC listens on.");
    public static final Flag RPC_TOKEN = flag("--rpc-token", "PEER_RPC_TOKEN", TEXT, "", Plane.RPC,
            "Token clients send as \"Authorization: Bearer <token>\"; required when the RPC is on.");
    public static final Flag RPC_ALLOW_ORIGIN = flag("--rpc-allow-origin", "PEER_RPC_ALLOW_ORIGIN", TEXT, "",
            Plane.RPC, "Web origin whose pages may call the RPC (CORS), such as http://localhost:5173, or * for"
                    + " any. Without it no CORS headers are sent, and browsers keep other sites' pages out.");
    public static final Flag RPC_MAX_BODY_BYTES = flag("--rpc-max-body-bytes", "PEER_RPC_MAX_BODY_BYTES", INT,
            "1000000", Plane.RPC, "Largest request body accepted, in bytes; larger requests get 413.");

    // Timer feature.
    public static final Flag TIMER_FEATURE = flag("--timer", "INTERCOM_TIMER", BOOL, "false", TIMER,
            "Run the sample timer feature (only on the subnet admin).");

    // Network plane. No default list: our discovery protocol is not HyperDHT, so upstream's
    // internet bootstrap hosts would be wrong; the networking layer owns the zero-config default.
    public static final Flag PEER_DHT_BOOTSTRAP = new Flag("--peer-dht-bootstrap", List.of("--dht-bootstrap"),
            List.of("PEER_DHT_BOOTSTRAP", "DHT_BOOTSTRAP"), HOST_PORT_LIST, "", NETWORK,
            "Discovery bootstrap nodes for the peer (subnet and sidechannels); without them, the built-in"
                    + " zero-config bootstrap.");
    /** Needs the settlement plane: the RPC's transaction routes pay and prove through the MSB. */
    public static final Flag API_TX_EXPOSED = flag("--api-tx-exposed", "PEER_API_TX_EXPOSED", BOOL, "false",
            Plane.MSB, "Let RPC clients submit transactions (the RPC's transaction routes).");
    public static final Flag MSB_BOOTSTRAP = flag("--msb-bootstrap", "MSB_BOOTSTRAP", HEX32, "", Plane.MSB,
            "MSB network to settle on (its bootstrap, 64 hex). Without it: the one the subnet records, else on"
                    + " a subnet's creator an embedded MSB of its own, with this peer as sole validator.");
    public static final Flag MSB_CHANNEL = flag("--msb-channel", "MSB_CHANNEL", TEXT, "", Plane.MSB,
            "Discovery channel of the MSB network; without it, the channel named after its bootstrap.");
    public static final Flag MSB_GENESIS_BALANCE = flag("--msb-genesis-balance", "MSB_GENESIS_BALANCE", TEXT, "1000",
            Plane.MSB, "TNK an MSB this peer creates gives its wallet at genesis.");
    public static final Flag MSB_DHT_BOOTSTRAP = flag("--msb-dht-bootstrap", "MSB_DHT_BOOTSTRAP", HOST_PORT_LIST, "",
            Plane.MSB, "Discovery bootstrap nodes for a network of the MSB's own; without them, the MSB runs on"
                    + " the peer's network.");

    public static final Flag LAN_DISCOVERY = flag("--lan-discovery", "INTERCOM_LAN_DISCOVERY", BOOL, "true", NETWORK,
            "Also find peers on the local network by UDP multicast, with no bootstrap node (1 or 0).");

    /** Every flag, in the order {@code --help} lists them within a plane. */
    public static final List<Flag> ALL = List.of(
            PEER_STORE_NAME, PEER_STORES_DIRECTORY, MSB_STORE_NAME, MSB_STORES_DIRECTORY, WALLET_PASSWORD_FILE,
            LOG_LEVEL,
            SUBNET_CHANNEL, SUBNET_BOOTSTRAP, APP,
            SIDECHANNELS, SIDECHANNEL_DEBUG, SIDECHANNEL_QUIET, SIDECHANNEL_MAX_BYTES, SIDECHANNEL_ALLOW_REMOTE_OPEN,
            SIDECHANNEL_AUTO_JOIN, SIDECHANNEL_POW, SIDECHANNEL_POW_DIFFICULTY, SIDECHANNEL_POW_ENTRY,
            SIDECHANNEL_POW_CHANNELS, SIDECHANNEL_RATE_BYTES, SIDECHANNEL_RATE_BURST, SIDECHANNEL_MAX_STRIKES,
            SIDECHANNEL_INVITE_REQUIRED, SIDECHANNEL_INVITE_CHANNELS, SIDECHANNEL_INVITE_PREFIXES,
            SIDECHANNEL_INVITER_KEYS, SIDECHANNEL_INVITE_TTL, SIDECHANNEL_OWNER, SIDECHANNEL_OWNER_WRITE_ONLY,
            SIDECHANNEL_OWNER_WRITE_CHANNELS, SIDECHANNEL_WELCOME, SIDECHANNEL_WELCOME_REQUIRED,
            SC_BRIDGE, SC_BRIDGE_HOST, SC_BRIDGE_PORT, SC_BRIDGE_FILTER, SC_BRIDGE_FILTER_CHANNEL, SC_BRIDGE_TOKEN,
            SC_BRIDGE_CLI, SC_BRIDGE_CLI_UNSAFE, SC_BRIDGE_ORIGINS, SC_BRIDGE_DEBUG,
            RPC, RPC_HOST, RPC_PORT, RPC_TOKEN, RPC_ALLOW_ORIGIN, RPC_MAX_BODY_BYTES,
            TIMER_FEATURE,
            PEER_DHT_BOOTSTRAP, LAN_DISCOVERY, MSB_BOOTSTRAP, MSB_CHANNEL, MSB_GENESIS_BALANCE, MSB_DHT_BOOTSTRAP,
            API_TX_EXPOSED);

    /** The flag one of whose names (long name or alias, with the dashes) is {@code name}. */
    public static Optional<Flag> byName(String name) {
        for (Flag flag : ALL) {
            if (flag.names().contains(name)) {
                return Optional.of(flag);
            }
        }
        return Optional.empty();
    }

    private static Flag flag(String name, String envVar, ValueKind kind, String defaultValue, Plane plane,
            String description) {
        return new Flag(name, List.of(), List.of(envVar), kind, defaultValue, plane, description);
    }
}
