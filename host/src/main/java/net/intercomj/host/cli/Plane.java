package net.intercomj.host.cli;

/** The part of the peer a flag configures. {@code --help} groups flags by plane, one heading each. */
public enum Plane {
    /** Peer and MSB store locations, the wallet password and logging. */
    HOST("Host: stores, wallet and logging"),
    /** The replicated subnet (app) the peer takes part in. */
    SUBNET("Subnet"),
    /** Ephemeral peer-to-peer messaging channels. */
    SIDECHANNEL("Sidechannels"),
    /** The local WebSocket bridge for agents and web UIs. */
    SC_BRIDGE("SC-Bridge"),
    /** The HTTP RPC for wallets and dApps. */
    RPC("HTTP RPC"),
    /** Peer discovery and connections. */
    NETWORK("Network"),
    /** The settlement network (MSB). */
    MSB("Settlement (MSB)"),
    /** The sample timer feature. */
    TIMER("Timer feature");

    private final String title;

    Plane(String title) {
        this.title = title;
    }

    /** Heading of this plane in {@code --help}. */
    public String title() {
        return title;
    }
}
