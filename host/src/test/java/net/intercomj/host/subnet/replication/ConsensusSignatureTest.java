package net.intercomj.host.subnet.replication;

import static org.assertj.core.api.Assertions.assertThat;

import net.intercomj.host.net.Bytes32;
import net.intercomj.host.wallet.Ed25519Keys;
import org.junit.jupiter.api.Test;

/** A Raft message verifies only as sent: from its signer, to its recipient, in its subnet, unchanged. */
class ConsensusSignatureTest {

    private static final Bytes32 SUBNET = Bytes32.fromHex("5e".repeat(32));
    private static final byte[] SEED = seed(1);
    private static final Bytes32 FROM = Bytes32.of(Ed25519Keys.publicKey(SEED));
    private static final Bytes32 TO = Bytes32.of(Ed25519Keys.publicKey(seed(2)));
    private static final byte[] MESSAGE = {3, 1, 4, 1, 5};

    private static byte[] seed(int n) {
        byte[] seed = new byte[32];
        seed[0] = (byte) n;
        return seed;
    }

    private static ReplicationMessage.Consensus sealed() {
        return ConsensusSignature.seal(SUBNET, FROM, TO, MESSAGE, bytes -> Ed25519Keys.sign(SEED, bytes));
    }

    @Test
    void aSealedMessageVerifies() {
        assertThat(ConsensusSignature.verify(SUBNET, sealed())).isTrue();
    }

    @Test
    void anyChangeBreaksTheSignature() {
        ReplicationMessage.Consensus good = sealed();
        byte[] changed = MESSAGE.clone();
        changed[0] ^= 1;
        assertThat(ConsensusSignature.verify(SUBNET,
                new ReplicationMessage.Consensus(good.from(), good.to(), changed, good.signature())))
                .as("another message").isFalse();
        assertThat(ConsensusSignature.verify(SUBNET,
                new ReplicationMessage.Consensus(good.from(), FROM, good.message(), good.signature())))
                .as("replayed to another indexer").isFalse();
        assertThat(ConsensusSignature.verify(Bytes32.fromHex("5f".repeat(32)), good)).as("another subnet").isFalse();
        assertThat(ConsensusSignature.verify(SUBNET,
                new ReplicationMessage.Consensus(TO, good.to(), good.message(), good.signature())))
                .as("claimed by another sender").isFalse();
    }
}
