package net.intercomj.host.msb;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import net.intercomj.host.net.Bytes32;
import net.intercomj.host.wallet.TracAddress;

/**
 * Who an MSB network is: its id in signed bytes, its address prefix, its bootstrap (the writer
 * key of the node that created it, as a subnet's), and the channel its nodes find each other on.
 *
 * @param networkId the number every signed preimage starts with (918 on the development network)
 * @param hrp       the prefix of account addresses ({@code trac})
 * @param bootstrap the network's bootstrap key
 * @param channel   the discovery channel name
 */
public record MsbNetwork(int networkId, String hrp, Bytes32 bootstrap, String channel) {

    /** The network id of the development network (and of mainnet), spec §4.1. */
    public static final int DEVELOPMENT_ID = 918;

    public MsbNetwork {
        Objects.requireNonNull(bootstrap, "bootstrap");
        Objects.requireNonNull(channel, "channel");
        if (!TracAddress.isValidHrp(hrp)) {
            throw new IllegalArgumentException("Invalid address prefix " + hrp);
        }
        if (channel.isEmpty()) {
            throw new IllegalArgumentException("The MSB channel is empty");
        }
    }

    /** A development network created by {@code bootstrap}, whose channel is named after it. */
    public static MsbNetwork development(Bytes32 bootstrap) {
        return new MsbNetwork(DEVELOPMENT_ID, TracAddress.MAINNET_HRP, bootstrap, defaultChannel(bootstrap));
    }

    /** The channel of a network created without {@code --msb-channel}: unique to its bootstrap. */
    public static String defaultChannel(Bytes32 bootstrap) {
        return "intercom-msb-" + bootstrap.toHex();
    }

    /** The discovery topic: BLAKE3 of the channel name (not upstream's cyclic fill, which truncated long names, spec §9 item 26). */
    public byte[] topic() {
        return Blake3.hash(("intercom/msb/topic/" + channel).getBytes(StandardCharsets.UTF_8));
    }

    /** The address of a public key on this network. */
    public String address(byte[] publicKey) {
        return TracAddress.encode(hrp, publicKey);
    }
}
