package net.intercomj.host.cli;

/**
 * The part of the peer a flag configures. {@code --help} groups flags by plane, and shows
 * only the flags of planes that are {@linkplain #built() built}: the others are still
 * parsed and validated (so existing launch scripts keep working) but would do nothing yet.
 */
public enum Plane {
    /** Peer and MSB store locations, the wallet password and logging. */
    HOST("Host: stores, wallet and logging", true),
    /** The replicated subnet (app) the peer takes part in. */
    SUBNET("Subnet", true),
    /** Ephemeral peer-to-peer messaging channels. */
    SIDECHANNEL("Sidechannels", true),
    /** The local WebSocket bridge for agents and web UIs. */
    SC_BRIDGE("SC-Bridge", true),
    /** The HTTP RPC for wallets and dApps. */
    RPC("HTTP RPC", true),
    /** Peer discovery and connections. */
    NETWORK("Network", true),
    /** The settlement network (MSB). */
    MSB("Settlement (MSB)", true),
    /** The sample timer feature. */
    TIMER("Timer feature", true);

    private final String title;
    private final boolean built;

    Plane(String title, boolean built) {
        this.title = title;
        this.built = built;
    }

    /** Heading of this plane in {@code --help}. */
    public String title() {
        return title;
    }

    /**
     * Whether this plane exists yet. Flip it here when a plane ships: its flags then appear
     * in {@code --help} and drop out of the "not active yet" note.
     */
    public boolean built() {
        return built;
    }
}
