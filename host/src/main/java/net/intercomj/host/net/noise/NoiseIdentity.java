package net.intercomj.host.net.noise;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import net.intercomj.host.net.Bytes32;
import net.intercomj.host.wallet.Ed25519Keys;
import net.intercomj.host.wallet.PeerWallet;

/**
 * This peer's side of the handshake: its wallet, which proves who it is, and a Curve25519
 * static key for Noise, made fresh for each process. The static key is not the identity (the
 * wallet is), so rotating it per process costs nothing and leaves no long-lived DH key.
 *
 * <p>The proof, sent as the payload of XX message 2 (responder) and 3 (initiator), is
 * {@code ed25519PublicKey (32) ‖ signature (64)}, the signature covering
 * {@code "intercom/noise/identity/v1" ‖ 0x00 ‖ role ‖ h}, where role is 1 for the initiator
 * and 2 for the responder and {@code h} is the handshake hash just before the payload. That
 * hash already covers both ephemeral keys and the sender's encrypted static key, so the
 * proof cannot be replayed in another handshake or reflected back to its sender.
 */
public final class NoiseIdentity {

    static final int PROOF_LENGTH = Ed25519Keys.PUBLIC_KEY_SIZE + Ed25519Keys.SIGNATURE_SIZE;
    private static final byte[] CONTEXT = "intercom/noise/identity/v1\0".getBytes(StandardCharsets.US_ASCII);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final PeerWallet wallet;
    private final X25519KeyPair staticKey;

    private NoiseIdentity(PeerWallet wallet, X25519KeyPair staticKey) {
        this.wallet = wallet;
        this.staticKey = staticKey;
    }

    /** The identity of {@code wallet}, with a new Noise static key. */
    public static NoiseIdentity of(PeerWallet wallet) {
        return new NoiseIdentity(wallet, X25519KeyPair.generate(RANDOM));
    }

    public Bytes32 publicKey() {
        return Bytes32.of(wallet.publicKey());
    }

    X25519KeyPair staticKey() {
        return staticKey;
    }

    byte[] prove(boolean initiator, byte[] handshakeHash) {
        byte[] publicKey = wallet.publicKey();
        byte[] signature = wallet.sign(signed(initiator, handshakeHash));
        byte[] proof = Arrays.copyOf(publicKey, PROOF_LENGTH);
        System.arraycopy(signature, 0, proof, publicKey.length, signature.length);
        return proof;
    }

    /** The Ed25519 key {@code proof} proves for the other side's role, or an exception saying why not. */
    static Bytes32 verify(byte[] proof, boolean senderIsInitiator, byte[] handshakeHash) throws NoiseException {
        if (proof.length != PROOF_LENGTH) {
            throw new NoiseException("identity proof of " + proof.length + " bytes, expected " + PROOF_LENGTH);
        }
        byte[] publicKey = Arrays.copyOf(proof, Ed25519Keys.PUBLIC_KEY_SIZE);
        byte[] signature = Arrays.copyOfRange(proof, Ed25519Keys.PUBLIC_KEY_SIZE, PROOF_LENGTH);
        if (!PeerWallet.verify(signature, signed(senderIsInitiator, handshakeHash), publicKey)) {
            throw new NoiseException("identity proof does not verify: the peer does not hold the key it claims");
        }
        return Bytes32.of(publicKey);
    }

    private static byte[] signed(boolean initiator, byte[] handshakeHash) {
        byte[] message = Arrays.copyOf(CONTEXT, CONTEXT.length + 1 + handshakeHash.length);
        message[CONTEXT.length] = (byte) (initiator ? 1 : 2);
        System.arraycopy(handshakeHash, 0, message, CONTEXT.length + 1, handshakeHash.length);
        return message;
    }
}
