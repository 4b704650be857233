package net.intercomj.host;

/**
 * The lines of the start-up banner, in the original's order (spec upstream-sidechannel-bridge
 * §1.5 item 6). Each plane fills in its own lines; a line without a value is not printed, so a
 * plane that is not running never shows up.
 */
public enum BannerLine {
    MSB_NETWORK_BOOTSTRAP("MSB network bootstrap:"),
    MSB_CHANNEL("MSB channel:"),
    MSB_STORE("MSB store:"),
    PEER_STORE("Peer store:"),
    MSB_DHT_BOOTSTRAP("MSB DHT bootstrap nodes:"),
    PEER_DHT_BOOTSTRAP("Peer DHT bootstrap nodes:"),
    PEER_SUBNET_BOOTSTRAP("Peer subnet bootstrap:"),
    PEER_SUBNET_CHANNEL("Peer subnet channel:"),
    PEER_PUBKEY("Peer pubkey (hex):"),
    PEER_TRAC_ADDRESS("Peer trac address (bech32m):"),
    PEER_WRITER_KEY("Peer writer key (hex):"),
    SUBNET_WRITABLE("Subnet writable:"),
    SIDECHANNEL_ENTRY("Sidechannel entry:"),
    SIDECHANNEL_EXTRAS("Sidechannel extras:"),
    SC_BRIDGE("SC-Bridge:"),
    /** Ours: the original logged "trac-peer RPC listening at http://…" instead. */
    RPC("RPC:");

    private final String label;

    BannerLine(String label) {
        this.label = label;
    }

    /** The label as printed, colon included. */
    public String label() {
        return label;
    }
}
