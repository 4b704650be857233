package net.intercomj.host.wallet;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * SLIP-0010 key derivation for Ed25519 (hardened children only), and the Trac convention that
 * puts one hardened segment per UTF-8 byte of the address prefix in front of the configured path.
 *
 * <p>For hrp {@code trac} and {@code m/918'/0'/0'/0'} the full path is
 * {@code m/116'/114'/97'/99'/918'/0'/0'/0'}: the same mnemonic gives unrelated keys per network.
 */
public final class Slip10 {

    private static final byte[] ED25519_CURVE_KEY = "ed25519 seed".getBytes(StandardCharsets.US_ASCII);

    private Slip10() {
    }

    /**
     * One node of the tree.
     *
     * @param privateKey the 32-byte Ed25519 seed of this node
     * @param chainCode  the 32-byte chain code
     */
    public record Node(byte[] privateKey, byte[] chainCode) {
        /** Checks sizes and copies both arrays. */
        public Node {
            if (privateKey.length != 32 || chainCode.length != 32) {
                throw new IllegalArgumentException("SLIP-10 key and chain code must be 32 bytes each");
            }
            privateKey = privateKey.clone();
            chainCode = chainCode.clone();
        }

        /** A copy of the private key (the Ed25519 seed). */
        @Override
        public byte[] privateKey() {
            return privateKey.clone();
        }

        /** A copy of the chain code. */
        @Override
        public byte[] chainCode() {
            return chainCode.clone();
        }

        /** The 32-byte Ed25519 public key of this node. */
        public byte[] publicKey() {
            return Ed25519Keys.publicKey(privateKey);
        }

        /**
         * The hardened child {@code index'}.
         *
         * @param index 0..2^31-1, without the hardened offset
         */
        public Node deriveHardened(int index) {
            if (index < 0) {
                throw new IllegalArgumentException("Hardened index must be in 0..2147483647, got " + index);
            }
            long child = index + DerivationPath.HARDENED_OFFSET;
            byte[] data = new byte[1 + 32 + 4];
            // data = 0x00 ‖ ser256(k_par) ‖ ser32(i); the leading zero pads the key to 33 bytes.
            System.arraycopy(privateKey, 0, data, 1, 32);
            data[33] = (byte) (child >>> 24);
            data[34] = (byte) (child >>> 16);
            data[35] = (byte) (child >>> 8);
            data[36] = (byte) child;
            Node node = split(hmacSha512(chainCode, data));
            Arrays.fill(data, (byte) 0);
            return node;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Node n && Arrays.equals(privateKey, n.privateKey) && Arrays.equals(chainCode, n.chainCode);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(privateKey) + Arrays.hashCode(chainCode);
        }

        /** Never shows key material. */
        @Override
        public String toString() {
            return "Slip10.Node[redacted]";
        }
    }

    /** The master node: {@code HMAC-SHA512(key = "ed25519 seed", data = seed)}. */
    public static Node master(byte[] seed) {
        Objects.requireNonNull(seed, "seed");
        return split(hmacSha512(ED25519_CURVE_KEY, seed));
    }

    /** The node at {@code m/i0'/i1'/…} for the given unhardened indexes. */
    public static Node derive(byte[] seed, List<Integer> hardenedIndexes) {
        Node node = master(seed);
        for (int index : hardenedIndexes) {
            node = node.deriveHardened(index);
        }
        return node;
    }

    /** The index list actually derived for an address prefix: one per UTF-8 byte of the hrp, then the path. */
    public static List<Integer> fullPath(String hrp, DerivationPath path) {
        byte[] prefix = hrp.getBytes(StandardCharsets.UTF_8);
        List<Integer> full = new ArrayList<>(prefix.length + path.indexes().size());
        for (byte b : prefix) {
            full.add(b & 0xff);
        }
        full.addAll(path.indexes());
        return List.copyOf(full);
    }

    /** The node a Trac wallet uses for this BIP-39 seed, address prefix and path. */
    public static Node deriveForPrefix(byte[] seed, String hrp, DerivationPath path) {
        return derive(seed, fullPath(hrp, path));
    }

    private static Node split(byte[] i) {
        Node node = new Node(Arrays.copyOfRange(i, 0, 32), Arrays.copyOfRange(i, 32, 64));
        Arrays.fill(i, (byte) 0);
        return node;
    }

    private static byte[] hmacSha512(byte[] key, byte[] data) {
        HMac mac = new HMac(new SHA512Digest());
        mac.init(new KeyParameter(key));
        mac.update(data, 0, data.length);
        byte[] out = new byte[64];
        mac.doFinal(out, 0);
        return out;
    }
}
