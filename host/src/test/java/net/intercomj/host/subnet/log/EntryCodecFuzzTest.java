package net.intercomj.host.subnet.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.intercomj.host.net.Bytes32;
import net.intercomj.host.net.wire.WireException;
import net.intercomj.host.wallet.Ed25519Keys;
import org.junit.jupiter.api.Test;

/**
 * The entry decoder on hostile bytes: random entries round-trip exactly, and random or mutated
 * bytes either decode to an entry that encodes back to the same bytes or fail with a
 * {@link WireException}, never another exception. Seeded, so a failure reproduces.
 */
class EntryCodecFuzzTest {

    private static final byte[] SEED = new byte[32];
    private static final Bytes32 SUBNET = Bytes32.fromHex("11".repeat(32));

    private static LogEntry randomEntry(Random random) {
        List<EntryId> heads = new ArrayList<>();
        for (int i = random.nextInt(5); i > 0; i--) {
            byte[] writer = new byte[32];
            random.nextBytes(writer);
            heads.add(new EntryId(Bytes32.of(writer), random.nextLong(0, Long.MAX_VALUE)));
        }
        StringBuilder op = new StringBuilder("{\"type\":\"msg\",\"text\":\"");
        for (int i = random.nextInt(200); i > 0; i--) {
            op.appendCodePoint(random.nextInt(0x20, 0x2FFF));
        }
        op.append("\"}");
        byte[] writer = new byte[32];
        random.nextBytes(writer);
        return LogEntry.append(SUBNET, Bytes32.of(writer), null, heads, random.nextLong(0, Long.MAX_VALUE),
                op.toString(), message -> Ed25519Keys.sign(SEED, message));
    }

    @Test
    void randomEntriesRoundTripExactly() throws Exception {
        Random random = new Random(20261123);
        for (int i = 0; i < 500; i++) {
            LogEntry entry = randomEntry(random);
            byte[] encoded = EntryCodec.encode(entry);
            assertThat(EntryCodec.decode(encoded)).isEqualTo(entry);
        }
    }

    @Test
    void mutatedAndRandomBytesFailOnlyAsWireErrors() {
        for (long seed : new long[] {1, 2, 3}) {
            Random random = new Random(seed);
            for (int i = 0; i < 2000; i++) {
                byte[] input;
                if (i % 3 == 0) {
                    input = new byte[random.nextInt(300)];
                    random.nextBytes(input);
                } else {
                    input = EntryCodec.encode(randomEntry(random));
                    int flips = 1 + random.nextInt(4);
                    for (int f = 0; f < flips; f++) {
                        switch (random.nextInt(3)) {
                            case 0 -> input[random.nextInt(input.length)] ^= (byte) (1 << random.nextInt(8));
                            case 1 -> input = Arrays.copyOf(input, random.nextInt(input.length));
                            default -> input = Arrays.copyOf(input, input.length + 1 + random.nextInt(8));
                        }
                        if (input.length == 0) {
                            break;
                        }
                    }
                }
                try {
                    LogEntry decoded = EntryCodec.decode(input);
                    // Whatever decodes has exactly one encoding: the bytes it came from.
                    assertThat(EntryCodec.encode(decoded)).as("seed %d input %d", seed, i).isEqualTo(input);
                } catch (WireException expected) {
                    assertThat(expected.getMessage()).isNotBlank();
                } catch (RuntimeException e) {
                    throw new AssertionError("seed " + seed + " input " + i + " threw " + e, e);
                }
            }
        }
    }

    @Test
    void anUnknownVersionIsNamed() {
        byte[] encoded = EntryCodec.encode(randomEntry(new Random(9)));
        encoded[0] = 2;
        assertThatThrownBy(() -> EntryCodec.decode(encoded)).isInstanceOf(WireException.class)
                .hasMessageContaining("Unknown entry version 2");
    }
}
