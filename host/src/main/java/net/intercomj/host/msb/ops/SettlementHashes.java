package net.intercomj.host.msb.ops;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import net.intercomj.host.msb.Blake3;

/**
 * The hashes requesters and validators sign (spec upstream-contract-subnet-msb §3.1, §3.5, §4.6),
 * checked against the test vectors of §3.10.
 */
public final class SettlementHashes {

    private static final HexFormat HEX = HexFormat.of();

    private SettlementHashes() {}

    /** {@code ch}: BLAKE3 of a command's JSON text, {@code {"type":…,"value":…}}. */
    public static byte[] contentHash(String commandJson) {
        return Blake3.hash(commandJson.getBytes(StandardCharsets.UTF_8));
    }

    /** A transaction's hash: BLAKE3(u32be(networkId) ‖ txv ‖ iw ‖ ch ‖ bs ‖ mbs ‖ in ‖ u32be(12)). */
    public static byte[] tx(int networkId, byte[] txv, byte[] iw, byte[] ch, byte[] bs, byte[] mbs, byte[] nonce) {
        return Blake3.hash(u32(networkId), txv, iw, ch, bs, mbs, nonce, u32(TxSettlement.TYPE));
    }

    /** A deployment's hash: BLAKE3(u32be(networkId) ‖ txv ‖ bs ‖ ic ‖ in ‖ u32be(11)). */
    public static byte[] deployment(int networkId, byte[] txv, byte[] bs, byte[] channel32, byte[] nonce) {
        return Blake3.hash(u32(networkId), txv, bs, channel32, nonce, u32(Deployment.TYPE));
    }

    /**
     * A transfer's hash: BLAKE3(u32be(networkId) ‖ txv ‖ ASCII(to) ‖ am ‖ in ‖ u32be(13)). The
     * fields in the order of the other two preimages; not byte-compatible with trac-crypto-api's
     * transfer preimage, which the spec does not give.
     */
    public static byte[] transfer(int networkId, byte[] txv, String to, byte[] amount16, byte[] nonce) {
        return Blake3.hash(u32(networkId), txv, to.getBytes(StandardCharsets.US_ASCII), amount16, nonce,
                u32(Transfer.TYPE));
    }

    /** What a validator signs: BLAKE3(u32be(networkId) ‖ tx ‖ vn ‖ u32be(type)). */
    public static byte[] validatorMessage(int networkId, byte[] tx, byte[] validatorNonce, int type) {
        return Blake3.hash(u32(networkId), tx, validatorNonce, u32(type));
    }

    /** The hash {@code op} must carry as {@code tx}, recomputed from its fields. */
    public static byte[] recompute(int networkId, SettlementOp op) {
        return switch (op) {
            case TxSettlement tx -> tx(networkId, hex(tx.txv()), hex(tx.iw()), hex(tx.ch()), hex(tx.bs()),
                    hex(tx.mbs()), hex(tx.nonce()));
            case Deployment deployment -> deployment(networkId, hex(deployment.txv()), hex(deployment.bs()),
                    hex(deployment.ic()), hex(deployment.nonce()));
            case Transfer transfer -> transfer(networkId, hex(transfer.txv()), transfer.to(), hex(transfer.am()),
                    hex(transfer.nonce()));
        };
    }

    /** The validity token: BLAKE3 of the indexers' writer keys, in the order the MSB state lists them (§4.3). */
    public static byte[] txv(List<byte[]> indexerKeys) {
        return Blake3.hash(indexerKeys.toArray(byte[][]::new));
    }

    /** A channel name as 32 bytes: its UTF-8 bytes repeated or cut to fill 32 (the original's {@code ic}). */
    public static byte[] channel32(String channel) {
        byte[] name = channel.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[32];
        if (name.length == 0) {
            return out;
        }
        for (int i = 0; i < out.length; i++) {
            out[i] = name[i % name.length];
        }
        return out;
    }

    private static byte[] u32(int value) {
        return ByteBuffer.allocate(4).putInt(value).array();
    }

    private static byte[] hex(String text) {
        return HEX.parseHex(text);
    }
}
