package net.intercomj.host.net.noise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import net.intercomj.host.net.Bytes32;
import net.intercomj.host.net.Fuzz;
import net.intercomj.host.wallet.PeerWallet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SecureConnectionTest {

    private static final byte[] PROLOGUE = "intercom-test".getBytes(StandardCharsets.UTF_8);
    private static final SecureConnection.Timing TIMING = new SecureConnection.Timing(Duration.ofSeconds(5),
            Duration.ofSeconds(5), Duration.ofSeconds(20));
    private static final PeerWallet ALICE = PeerWallet.generate();
    private static final PeerWallet BOB = PeerWallet.generate();

    /** Blocking socket work must not run on the common pool, which may have a single thread. */
    private static final java.util.concurrent.Executor THREADS = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor();

    private ServerSocket listener;
    private Socket client;
    private Socket server;

    @BeforeEach
    void connect() throws Exception {
        listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        client = new Socket(InetAddress.getLoopbackAddress(), listener.getLocalPort());
        server = listener.accept();
    }

    @AfterEach
    void close() throws Exception {
        client.close();
        server.close();
        listener.close();
    }

    private SecureConnection[] handshake(SecureConnection.Timing timing) throws Exception {
        CompletableFuture<SecureConnection> responder = CompletableFuture.supplyAsync(() -> {
            try {
                return SecureConnection.respond(server, NoiseIdentity.of(BOB), PROLOGUE, timing);
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        }, THREADS);
        SecureConnection initiator = SecureConnection.initiate(client, NoiseIdentity.of(ALICE), PROLOGUE, timing);
        return new SecureConnection[] {initiator, responder.get(10, TimeUnit.SECONDS)};
    }

    @Test
    void bothSidesLearnTheOtherWalletAndTheSameHash() throws Exception {
        SecureConnection[] pair = handshake(TIMING);
        assertThat(pair[0].remotePublicKey()).isEqualTo(Bytes32.of(BOB.publicKey()));
        assertThat(pair[1].remotePublicKey()).isEqualTo(Bytes32.of(ALICE.publicKey()));
        assertThat(pair[0].handshakeHash()).isEqualTo(pair[1].handshakeHash()).hasSize(64);
        assertThat(pair[0].isInitiator()).isTrue();
        assertThat(pair[1].isInitiator()).isFalse();
    }

    @Test
    void largeWritesArriveIntactAndInOrderBothWays() throws Exception {
        SecureConnection[] pair = handshake(TIMING);
        byte[] data = new byte[5 << 20];
        new SecureRandom().nextBytes(data);
        for (int direction = 0; direction < 2; direction++) {
            SecureConnection from = pair[direction];
            SecureConnection to = pair[1 - direction];
            Thread writer = Thread.ofVirtual().start(() -> {
                try {
                    OutputStream out = from.output();
                    for (int offset = 0; offset < data.length; offset += 7777) {
                        out.write(data, offset, Math.min(7777, data.length - offset));
                    }
                    out.flush();
                } catch (IOException e) {
                    throw new RuntimeException(e);
                }
            });
            byte[] received = to.input().readNBytes(data.length);
            writer.join();
            assertThat(Arrays.equals(received, data)).isTrue();
        }
        pair[0].shutdownOutput();
        assertThat(pair[1].input().read()).isEqualTo(-1);
    }

    @Test
    void aPeerWhoseProofCoversAnotherHashIsRefused() throws Exception {
        CompletableFuture<Void> liar = CompletableFuture.runAsync(() -> runResponder(server, (index, hash) -> {
            byte[] wrongHash = hash.clone();
            wrongHash[0] ^= 1;
            return NoiseIdentity.of(BOB).prove(false, wrongHash);
        }), THREADS);
        assertThatThrownBy(() -> SecureConnection.initiate(client, NoiseIdentity.of(ALICE), PROLOGUE, TIMING))
                .isInstanceOf(NoiseException.class)
                .hasMessage("identity proof does not verify: the peer does not hold the key it claims");
        liar.handle((ok, error) -> null).get(10, TimeUnit.SECONDS);
    }

    @Test
    void aPeerClaimingSomeoneElsesKeyIsRefused() throws Exception {
        CompletableFuture.runAsync(() -> runResponder(server, (index, hash) -> {
            byte[] proof = NoiseIdentity.of(BOB).prove(false, hash);
            System.arraycopy(ALICE.publicKey(), 0, proof, 0, 32);
            return proof;
        }), THREADS);
        assertThatThrownBy(() -> SecureConnection.initiate(client, NoiseIdentity.of(ALICE), PROLOGUE, TIMING))
                .isInstanceOf(NoiseException.class).hasMessageContaining("does not verify");
    }

    @Test
    void aProofForTheOtherRoleIsRefused() throws Exception {
        // A responder replaying an initiator-role proof: the role byte differs, so it fails.
        CompletableFuture.runAsync(() -> runResponder(server, (index, hash) -> NoiseIdentity.of(BOB).prove(true, hash)), THREADS);
        assertThatThrownBy(() -> SecureConnection.initiate(client, NoiseIdentity.of(ALICE), PROLOGUE, TIMING))
                .isInstanceOf(NoiseException.class).hasMessageContaining("does not verify");
    }

    @Test
    void randomBytesInsteadOfAHandshakeAreRefusedWithoutHanging() throws Exception {
        byte[] junk = new byte[300];
        new SecureRandom().nextBytes(junk);
        junk[0] = 0;
        junk[1] = 64;
        client.getOutputStream().write(junk);
        client.getOutputStream().flush();
        assertThatThrownBy(() -> SecureConnection.respond(server, NoiseIdentity.of(BOB), PROLOGUE, TIMING))
                .isInstanceOf(NoiseException.class);
    }

    @Test
    void aSilentPeerTimesTheHandshakeOut() {
        SecureConnection.Timing quick = new SecureConnection.Timing(Duration.ofMillis(300), Duration.ofMillis(100),
                Duration.ofSeconds(1));
        assertThatThrownBy(() -> SecureConnection.respond(server, NoiseIdentity.of(BOB), PROLOGUE, quick))
                .isInstanceOf(NoiseException.class).hasMessage("handshake timed out");
    }

    @Test
    void aTamperedRecordFailsAuthentication() throws Exception {
        // Alice's side is driven by hand so a record can be changed on the wire.
        CompletableFuture<SecureConnection> bob = CompletableFuture.supplyAsync(() -> {
            try {
                return SecureConnection.respond(server, NoiseIdentity.of(BOB), PROLOGUE, TIMING);
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        }, THREADS);
        HandshakeState.Result keys = runInitiator(client);
        byte[] record = seal(keys.send(), "pay 10".getBytes(StandardCharsets.UTF_8));
        record[5] ^= 0x01;
        client.getOutputStream().write(record);
        client.getOutputStream().flush();
        SecureConnection atBob = bob.get(10, TimeUnit.SECONDS);
        assertThatThrownBy(() -> atBob.input().read()).isInstanceOf(NoiseException.class)
                .hasMessage("authentication failed (tampered or out-of-order data)");
    }

    @Test
    void aRecordCutShortIsAnEndOfStreamError() throws Exception {
        CompletableFuture<SecureConnection> bob = CompletableFuture.supplyAsync(() -> {
            try {
                return SecureConnection.respond(server, NoiseIdentity.of(BOB), PROLOGUE, TIMING);
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        }, THREADS);
        runInitiator(client);
        client.getOutputStream().write(new byte[] {(byte) 0xff, (byte) 0xff, 1, 2, 3});
        client.shutdownOutput();
        SecureConnection atBob = bob.get(10, TimeUnit.SECONDS);
        assertThatThrownBy(() -> atBob.input().read()).isInstanceOf(java.io.EOFException.class)
                .hasMessage("stream ended inside a record");
    }

    @Test
    void keepAlivesHoldAnIdleConnectionOpen() throws Exception {
        SecureConnection.Timing fast = new SecureConnection.Timing(Duration.ofSeconds(5), Duration.ofMillis(40),
                Duration.ofMillis(400));
        SecureConnection[] pair = handshake(fast);
        // Reading on both sides is what notices a missing keep-alive; run the readers.
        CompletableFuture<Integer> atAlice = CompletableFuture.supplyAsync(() -> readOne(pair[0].input()), THREADS);
        CompletableFuture<Integer> atBob = CompletableFuture.supplyAsync(() -> readOne(pair[1].input()), THREADS);
        // Many idle timeouts' worth of keep-alives: had any side stopped, its peer would have failed.
        await().atMost(Duration.ofSeconds(30)).until(() -> pair[1].recordsReceived() >= 40);
        assertThat(atAlice).isNotDone();
        assertThat(atBob).isNotDone();
        pair[0].output().write(42);
        pair[0].output().flush();
        assertThat(atBob.get(10, TimeUnit.SECONDS)).isEqualTo(42);
    }

    @Test
    void aPeerThatGoesSilentAfterTheHandshakeTimesOut() throws Exception {
        SecureConnection.Timing fast = new SecureConnection.Timing(Duration.ofSeconds(5), Duration.ofMillis(50),
                Duration.ofMillis(300));
        CompletableFuture<SecureConnection> bob = CompletableFuture.supplyAsync(() -> {
            try {
                return SecureConnection.respond(server, NoiseIdentity.of(BOB), PROLOGUE, fast);
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        }, THREADS);
        runInitiator(client);
        SecureConnection atBob = bob.get(10, TimeUnit.SECONDS);
        assertThatThrownBy(() -> atBob.input().read()).isInstanceOf(IOException.class)
                .hasMessage("idle timeout: nothing received, not even a keep-alive");
    }

    @Test
    void handshakeMessagesFromAHostileInitiatorOnlyEverFailCleanly() throws Exception {
        // Valid first messages, mutated: the responder state machine must refuse or accept, never crash.
        Fuzz.run(11, 3000, random -> {
            try {
                return firstTwoMessagesFrom(random);
            } catch (NoiseException e) {
                throw new RuntimeException(e);
            }
        }, input -> {
            HandshakeState responder = responderState();
            int split = Math.min(32, input.length);
            try {
                responder.readMessage(Arrays.copyOf(input, split));
                responder.writeMessage();
                responder.readMessage(Arrays.copyOfRange(input, split, input.length));
            } catch (NoiseException expected) {
                // refused
            }
        });
    }

    // ---- helpers: one side of the handshake driven by hand

    private interface Prover {
        byte[] proof(int index, byte[] hash);
    }

    private static void runResponder(Socket socket, Prover prover) {
        try {
            HandshakeState state = new HandshakeState(false, PROLOGUE, X25519KeyPair.generate(new SecureRandom()),
                    X25519KeyPair.generate(new SecureRandom()), new HandshakeState.PayloadHook() {
                        @Override
                        public byte[] write(int index, byte[] hash) {
                            return prover.proof(index, hash);
                        }

                        @Override
                        public void read(int index, byte[] payload, byte[] hash) {}
                    });
            drive(socket, state);
        } catch (IOException e) {
            // The honest side hung up: expected.
        }
    }

    private static HandshakeState.Result runInitiator(Socket socket) throws IOException {
        NoiseIdentity alice = NoiseIdentity.of(ALICE);
        HandshakeState state = new HandshakeState(true, PROLOGUE, alice.staticKey(),
                X25519KeyPair.generate(new SecureRandom()), new HandshakeState.PayloadHook() {
                    @Override
                    public byte[] write(int index, byte[] hash) {
                        return index == 1 ? new byte[0] : alice.prove(true, hash);
                    }

                    @Override
                    public void read(int index, byte[] payload, byte[] hash) {}
                });
        drive(socket, state);
        return state.result();
    }

    private static void drive(Socket socket, HandshakeState state) throws IOException {
        InputStream in = socket.getInputStream();
        OutputStream out = socket.getOutputStream();
        while (!state.isComplete()) {
            if (state.writesNext()) {
                byte[] message = state.writeMessage();
                out.write(new byte[] {(byte) (message.length >>> 8), (byte) message.length});
                out.write(message);
                out.flush();
            } else {
                byte[] header = in.readNBytes(2);
                if (header.length < 2) {
                    throw new IOException("closed");
                }
                state.readMessage(in.readNBytes(((header[0] & 0xff) << 8) | (header[1] & 0xff)));
            }
        }
    }

    private static byte[] seal(CipherState cipher, byte[] plaintext) throws NoiseException {
        byte[] out = new byte[2 + plaintext.length + CipherState.TAG_LENGTH];
        int length = cipher.encryptInto(plaintext, 0, plaintext.length, out, 2);
        out[0] = (byte) (length >>> 8);
        out[1] = (byte) length;
        return out;
    }

    private static int readOne(InputStream in) {
        try {
            return in.read();
        } catch (IOException e) {
            return -2;
        }
    }

    private static HandshakeState responderState() {
        return new HandshakeState(false, PROLOGUE, X25519KeyPair.generate(new SecureRandom()),
                X25519KeyPair.generate(new SecureRandom()), new HandshakeState.PayloadHook() {
                    @Override
                    public byte[] write(int index, byte[] hash) {
                        return NoiseIdentity.of(BOB).prove(false, hash);
                    }

                    @Override
                    public void read(int index, byte[] payload, byte[] hash) throws NoiseException {
                        if (index == 3) {
                            NoiseIdentity.verify(payload, true, hash);
                        }
                    }
                });
    }

    /** Message 1 and a message 3 of a real initiator, concatenated (message 3 will not match this responder). */
    private static byte[] firstTwoMessagesFrom(SplittableRandom random) throws NoiseException {
        byte[] seed = new byte[32];
        random.nextBytes(seed);
        HandshakeState initiator = new HandshakeState(true, PROLOGUE, X25519KeyPair.fromPrivate(seed),
                X25519KeyPair.fromPrivate(seed), new HandshakeState.PayloadHook() {
                    @Override
                    public byte[] write(int index, byte[] hash) {
                        return new byte[0];
                    }

                    @Override
                    public void read(int index, byte[] payload, byte[] hash) {}
                });
        byte[] first = initiator.writeMessage();
        byte[] tail = Fuzz.randomBytes(random, 48 + NoiseIdentity.PROOF_LENGTH + 16);
        byte[] out = Arrays.copyOf(first, first.length + tail.length);
        System.arraycopy(tail, 0, out, first.length, tail.length);
        return out;
    }
}
