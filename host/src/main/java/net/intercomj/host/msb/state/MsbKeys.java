package net.intercomj.host.msb.state;

/**
 * The keys of the MSB view. Values are JSON, as in every view of this engine; amounts are
 * decimal strings of base units, so no JSON number ever holds one.
 */
public final class MsbKeys {

    /** How many ops were settled: the MSB's length (its signed length in the confirmed view). */
    public static final String LENGTH = "msbl";
    /** Base units created at genesis. */
    public static final String SUPPLY = "supply";
    /** Base units burned by fees. */
    public static final String BURNED = "burned";
    /** Present once the genesis balance was given. */
    public static final String GENESIS = "genesis";

    private MsbKeys() {}

    /** An account's balance. */
    public static String balance(String address) {
        return "bal/" + address;
    }

    /** A deployed subnet: {@code {tx, deployer, channel}}. */
    public static String deployment(String bootstrapHex) {
        return "deployment/" + bootstrapHex;
    }

    /** A settled op: {@code {seq, op}}, {@code seq} its position among settled ops. */
    public static String record(String txHashHex) {
        return "txr/" + txHashHex;
    }
}
