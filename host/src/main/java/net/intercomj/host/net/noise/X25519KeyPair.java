package net.intercomj.host.net.noise;

import java.security.SecureRandom;
import org.bouncycastle.crypto.agreement.X25519Agreement;
import org.bouncycastle.crypto.params.X25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.X25519PublicKeyParameters;

/** A Curve25519 Diffie-Hellman key pair (RFC 7748). */
final class X25519KeyPair {

    static final int KEY_LENGTH = 32;

    private final X25519PrivateKeyParameters privateKey;
    private final byte[] publicKey;

    private X25519KeyPair(X25519PrivateKeyParameters privateKey) {
        this.privateKey = privateKey;
        this.publicKey = privateKey.generatePublicKey().getEncoded();
    }

    static X25519KeyPair generate(SecureRandom random) {
        return new X25519KeyPair(new X25519PrivateKeyParameters(random));
    }

    /** A key pair from a known private key (test vectors). */
    static X25519KeyPair fromPrivate(byte[] privateKey) {
        return new X25519KeyPair(new X25519PrivateKeyParameters(privateKey, 0));
    }

    byte[] publicKey() {
        return publicKey.clone();
    }

    /** The shared secret with {@code remotePublic}; a low-order point (all-zero result) is refused. */
    byte[] dh(byte[] remotePublic) throws NoiseException {
        X25519Agreement agreement = new X25519Agreement();
        agreement.init(privateKey);
        byte[] shared = new byte[KEY_LENGTH];
        try {
            agreement.calculateAgreement(new X25519PublicKeyParameters(remotePublic, 0), shared, 0);
        } catch (IllegalStateException e) {
            throw new NoiseException("the peer sent a weak Curve25519 key");
        }
        return shared;
    }
}
