package net.intercomj.testkit;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.HexFormat;
import net.intercomj.api.wallet.SignatureVerifier;
import net.intercomj.api.wallet.Wallet;

/** A real Ed25519 wallet from the JDK, and a verifier, for tests. */
public final class TestWallet implements Wallet {

    private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    /** Verifies Ed25519 signatures with the JDK, as the host's verifier does. */
    public static final SignatureVerifier VERIFIER = (signature, message, publicKey) -> {
        if (signature == null || message == null || publicKey == null || signature.length != 64 || publicKey.length != 32) {
            return false;
        }
        try {
            byte[] encoded = Arrays.copyOf(X509_PREFIX, X509_PREFIX.length + 32);
            System.arraycopy(publicKey, 0, encoded, X509_PREFIX.length, 32);
            PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(encoded));
            Signature verify = Signature.getInstance("Ed25519");
            verify.initVerify(key);
            verify.update(message);
            return verify.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    };

    private final KeyPair pair;

    /** A wallet with a new random key. */
    public TestWallet() {
        try {
            pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public byte[] publicKey() {
        byte[] encoded = pair.getPublic().getEncoded();
        return Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length);
    }

    @Override
    public String publicKeyHex() {
        return HexFormat.of().formatHex(publicKey());
    }

    @Override
    public String address() {
        return "trac1test" + publicKeyHex().substring(0, 8);
    }

    @Override
    public byte[] sign(byte[] message) {
        try {
            Signature sign = Signature.getInstance("Ed25519");
            sign.initSign(pair.getPrivate());
            sign.update(message);
            return sign.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
