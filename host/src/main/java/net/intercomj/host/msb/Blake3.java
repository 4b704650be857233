package net.intercomj.host.msb;

import org.bouncycastle.crypto.digests.Blake3Digest;

/** BLAKE3 with its standard 32-byte output: the MSB's hash for transactions, contents and txv. */
public final class Blake3 {

    private Blake3() {}

    /** The hash of the parts, concatenated. */
    public static byte[] hash(byte[]... parts) {
        Blake3Digest digest = new Blake3Digest(256);
        for (byte[] part : parts) {
            digest.update(part, 0, part.length);
        }
        byte[] out = new byte[32];
        digest.doFinal(out, 0);
        return out;
    }
}
