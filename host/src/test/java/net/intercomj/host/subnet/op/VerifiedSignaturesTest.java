package net.intercomj.host.subnet.op;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import net.intercomj.host.wallet.Ed25519Keys;
import org.junit.jupiter.api.Test;

class VerifiedSignaturesTest {

    private final byte[] seed = new byte[32];
    private final byte[] key = Ed25519Keys.publicKey(seed);
    private final byte[] message = "the op".getBytes(StandardCharsets.UTF_8);
    private final byte[] signature = Ed25519Keys.sign(seed, message);
    private final AtomicInteger verifications = new AtomicInteger();
    private final VerifiedSignatures.Verifier counting = (sig, msg, pub) -> {
        verifications.incrementAndGet();
        return Ed25519Keys.verify(sig, msg, pub);
    };

    @Test
    void aValidSignatureIsVerifiedOnceThenRemembered() {
        VerifiedSignatures cache = new VerifiedSignatures();
        assertThat(cache.check(key, signature, message, counting)).isTrue();
        assertThat(cache.check(key, signature, message, counting)).isTrue();
        assertThat(verifications).hasValue(1);
    }

    @Test
    void theSameSignatureOverOtherBytesOrByAnotherKeyIsVerifiedAndRefused() {
        VerifiedSignatures cache = new VerifiedSignatures();
        cache.check(key, signature, message, counting);
        assertThat(cache.check(key, signature, "another op".getBytes(StandardCharsets.UTF_8), counting)).isFalse();
        byte[] otherKey = Ed25519Keys.publicKey(new byte[] {1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0});
        assertThat(cache.check(otherKey, signature, message, counting)).isFalse();
        assertThat(verifications).hasValue(3);
    }

    @Test
    void failuresAreNotRemembered() {
        VerifiedSignatures cache = new VerifiedSignatures();
        byte[] forged = signature.clone();
        forged[0] ^= 1;
        assertThat(cache.check(key, forged, message, counting)).isFalse();
        assertThat(cache.check(key, forged, message, counting)).isFalse();
        assertThat(verifications).hasValue(2);
    }
}
