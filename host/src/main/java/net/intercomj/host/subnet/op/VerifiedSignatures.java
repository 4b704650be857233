package net.intercomj.host.subnet.op;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The op signatures a peer has already verified, so that applying the same op again (in the
 * unconfirmed view, then confirmed; or in a rebuilt overlay) costs a hash instead of an Ed25519
 * verification (about 90 µs each). Only successes are kept, keyed by signer, signature and a
 * SHA-256 of the signed bytes, so a hit means exactly this signature over exactly these bytes
 * was valid. Bounded; the least recently used are forgotten.
 */
public final class VerifiedSignatures {

    private static final int CAPACITY = 16_384;
    private static final HexFormat HEX = HexFormat.of();

    private final Map<String, Boolean> verified = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > CAPACITY;
        }
    };

    /** Whether {@code signature} by {@code signer} over {@code signedBytes} is valid; {@code verify} does it once. */
    public boolean check(byte[] signer, byte[] signature, byte[] signedBytes, Verifier verify) {
        String key = HEX.formatHex(signer) + HEX.formatHex(signature) + HEX.formatHex(sha256(signedBytes));
        synchronized (verified) {
            if (verified.get(key) != null) {
                return true;
            }
        }
        boolean valid = verify.verify(signature, signedBytes, signer);
        if (valid) {
            synchronized (verified) {
                verified.put(key, Boolean.TRUE);
            }
        }
        return valid;
    }

    /** An Ed25519 verification. */
    @FunctionalInterface
    public interface Verifier {
        boolean verify(byte[] signature, byte[] message, byte[] publicKey);
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
