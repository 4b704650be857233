package net.intercomj.host.net.noise;

import java.util.Arrays;

/**
 * The Noise XX handshake, {@code Noise_XX_25519_ChaChaPoly_BLAKE2b} (Noise rev. 34):
 * <pre>
 *   -> e
 *   <- e, ee, s, es
 *   -> s, se
 * </pre>
 * A pure state machine: messages in and out as bytes, no I/O. Payloads are passed through
 * a {@link PayloadHook} that sees the handshake hash just before each payload is encrypted
 * or decrypted, which is where the identity proof binds to this handshake.
 */
final class HandshakeState {

    static final String PROTOCOL_NAME = "Noise_XX_25519_ChaChaPoly_BLAKE2b";

    /** Builds and checks payloads with the handshake hash of the moment. */
    interface PayloadHook {
        /** The payload to send in message {@code index} (1 to 3), given the hash before it. */
        byte[] write(int index, byte[] handshakeHash) throws NoiseException;

        /** Checks the payload received in message {@code index}, given the hash before it. */
        void read(int index, byte[] payload, byte[] handshakeHash) throws NoiseException;
    }

    /** The result: transport ciphers, the final hash, the peer's static key. */
    record Result(CipherState send, CipherState receive, byte[] handshakeHash, byte[] remoteStatic) {}

    private final boolean initiator;
    private final SymmetricState symmetric = new SymmetricState(PROTOCOL_NAME);
    private final X25519KeyPair localStatic;
    private final X25519KeyPair localEphemeral;
    private final PayloadHook payloads;
    private byte[] remoteEphemeral;
    private byte[] remoteStatic;
    private int nextMessage = 1;

    HandshakeState(boolean initiator, byte[] prologue, X25519KeyPair localStatic, X25519KeyPair localEphemeral,
            PayloadHook payloads) {
        this.initiator = initiator;
        this.localStatic = localStatic;
        this.localEphemeral = localEphemeral;
        this.payloads = payloads;
        symmetric.mixHash(prologue);
    }

    boolean isInitiator() {
        return initiator;
    }

    /** Whether the next message is ours to write. */
    boolean writesNext() {
        return (nextMessage % 2 == 1) == initiator;
    }

    boolean isComplete() {
        return nextMessage > 3;
    }

    byte[] writeMessage() throws NoiseException {
        if (isComplete() || !writesNext()) {
            throw new IllegalStateException("Not this side's turn to write");
        }
        Buffer out = new Buffer();
        switch (nextMessage) {
            case 1 -> {
                out.add(localEphemeral.publicKey());
                symmetric.mixHash(localEphemeral.publicKey());
            }
            case 2 -> {
                out.add(localEphemeral.publicKey());
                symmetric.mixHash(localEphemeral.publicKey());
                symmetric.mixKey(localEphemeral.dh(remoteEphemeral));
                out.add(symmetric.encryptAndHash(localStatic.publicKey()));
                symmetric.mixKey(localStatic.dh(remoteEphemeral));
            }
            default -> {
                out.add(symmetric.encryptAndHash(localStatic.publicKey()));
                symmetric.mixKey(localStatic.dh(remoteEphemeral));
            }
        }
        out.add(symmetric.encryptAndHash(payloads.write(nextMessage, symmetric.handshakeHash())));
        nextMessage++;
        return out.bytes();
    }

    void readMessage(byte[] message) throws NoiseException {
        if (isComplete() || writesNext()) {
            throw new IllegalStateException("Not this side's turn to read");
        }
        int position = 0;
        switch (nextMessage) {
            case 1 -> {
                remoteEphemeral = take(message, position, X25519KeyPair.KEY_LENGTH, "ephemeral key");
                position += X25519KeyPair.KEY_LENGTH;
                symmetric.mixHash(remoteEphemeral);
            }
            case 2 -> {
                remoteEphemeral = take(message, position, X25519KeyPair.KEY_LENGTH, "ephemeral key");
                position += X25519KeyPair.KEY_LENGTH;
                symmetric.mixHash(remoteEphemeral);
                symmetric.mixKey(localEphemeral.dh(remoteEphemeral));
                int length = X25519KeyPair.KEY_LENGTH + CipherState.TAG_LENGTH;
                remoteStatic = symmetric.decryptAndHash(take(message, position, length, "static key"));
                position += length;
                symmetric.mixKey(localEphemeral.dh(remoteStatic));
            }
            default -> {
                int length = X25519KeyPair.KEY_LENGTH + CipherState.TAG_LENGTH;
                remoteStatic = symmetric.decryptAndHash(take(message, position, length, "static key"));
                position += length;
                symmetric.mixKey(localEphemeral.dh(remoteStatic));
            }
        }
        byte[] hashBefore = symmetric.handshakeHash();
        byte[] payload = symmetric.decryptAndHash(Arrays.copyOfRange(message, position, message.length));
        payloads.read(nextMessage, payload, hashBefore);
        nextMessage++;
    }

    /** The transport ciphers; only once the three messages are done. */
    Result result() {
        if (!isComplete()) {
            throw new IllegalStateException("Handshake not complete");
        }
        CipherState[] pair = symmetric.split();
        return initiator
                ? new Result(pair[0], pair[1], symmetric.handshakeHash(), remoteStatic.clone())
                : new Result(pair[1], pair[0], symmetric.handshakeHash(), remoteStatic.clone());
    }

    private static byte[] take(byte[] message, int position, int length, String what) throws NoiseException {
        if (message.length - position < length) {
            throw new NoiseException("handshake message too short for its " + what);
        }
        return Arrays.copyOfRange(message, position, position + length);
    }

    /** A growable byte array. */
    private static final class Buffer {
        private byte[] bytes = new byte[0];

        void add(byte[] more) {
            int size = bytes.length;
            bytes = Arrays.copyOf(bytes, size + more.length);
            System.arraycopy(more, 0, bytes, size, more.length);
        }

        byte[] bytes() {
            return bytes;
        }
    }
}
