package net.intercomj.host.net.dht;

import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import net.intercomj.host.net.Bytes32;
import net.intercomj.host.net.wire.AddressCodec;
import net.intercomj.host.net.wire.WireWriter;
import org.bouncycastle.crypto.digests.Blake2bDigest;

/**
 * Round-trip tokens: a node hands {@code BLAKE2b(secret ‖ address)} to whoever queries it,
 * and stores a record only for a sender that echoes the token of its own address, proving
 * it receives at that address (no stores with forged source addresses). The secret rotates;
 * tokens of the previous secret stay valid for one more period.
 */
final class Tokens {

    private static final SecureRandom RANDOM = new SecureRandom();
    private final Clock clock;
    private final long periodMillis;
    private byte[] current = random();
    private byte[] previous = random();
    private long rotatedAt;

    Tokens(Clock clock, Duration period) {
        this.clock = clock;
        this.periodMillis = period.toMillis();
        this.rotatedAt = clock.millis();
    }

    synchronized Bytes32 issue(InetSocketAddress address) {
        rotateIfDue();
        return token(current, address);
    }

    synchronized boolean valid(Optional<Bytes32> token, InetSocketAddress address) {
        rotateIfDue();
        return token.isPresent()
                && (token.get().equals(token(current, address)) || token.get().equals(token(previous, address)));
    }

    private void rotateIfDue() {
        long now = clock.millis();
        if (now - rotatedAt >= periodMillis) {
            previous = now - rotatedAt >= 2 * periodMillis ? random() : current;
            current = random();
            rotatedAt = now;
        }
    }

    private static Bytes32 token(byte[] secret, InetSocketAddress address) {
        WireWriter out = new WireWriter(64);
        out.fixed(secret);
        AddressCodec.write(address, out);
        byte[] bytes = out.toByteArray();
        Blake2bDigest digest = new Blake2bDigest(256);
        digest.update(bytes, 0, bytes.length);
        byte[] token = new byte[32];
        digest.doFinal(token, 0);
        return Bytes32.of(token);
    }

    private static byte[] random() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return secret;
    }
}
