package net.intercomj.host.subnet.raft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.intercomj.host.net.Bytes32;
import net.intercomj.host.net.wire.WireException;
import net.intercomj.host.net.wire.WireReader;
import net.intercomj.host.net.wire.WireWriter;
import net.intercomj.host.subnet.log.EntryId;
import net.intercomj.host.subnet.order.Batch;
import org.junit.jupiter.api.Test;

/**
 * The Raft codec: every message round-trips, and on hostile bytes, seeded, the decoder either
 * yields a message that encodes back to the same bytes or fails with a {@link WireException}.
 */
class RaftCodecTest {

    private static Bytes32 randomKey(Random random) {
        byte[] key = new byte[32];
        random.nextBytes(key);
        return Bytes32.of(key);
    }

    /** Small numbers mostly, sometimes anything a uvarint holds. */
    private static long randomLong(Random random) {
        return random.nextInt(4) == 0 ? random.nextLong(0, Long.MAX_VALUE) : random.nextInt(1000);
    }

    private static Batch randomBatch(Random random, long number, long maxTerm) {
        List<EntryId> entries = new ArrayList<>();
        for (int i = random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(6); i > 0; i--) {
            entries.add(new EntryId(randomKey(random), randomLong(random)));
        }
        return new Batch(number, random.nextLong(0, maxTerm + 1), entries);
    }

    private static RaftMessage randomMessage(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> new RaftMessage.VoteRequest(randomLong(random), randomLong(random), randomLong(random));
            case 1 -> new RaftMessage.VoteReply(randomLong(random), random.nextBoolean());
            case 2 -> {
                long term = randomLong(random);
                long prevLength = random.nextBoolean() ? random.nextInt(1000) : random.nextLong(0, Long.MAX_VALUE - 10);
                List<Batch> batches = new ArrayList<>();
                for (int i = random.nextInt(RaftMessage.MAX_BATCHES + 1); i > 0; i--) {
                    batches.add(randomBatch(random, prevLength + batches.size(), term));
                }
                yield new RaftMessage.Append(term, prevLength, randomLong(random), batches, randomLong(random));
            }
            default -> new RaftMessage.AppendReply(randomLong(random), random.nextBoolean(), randomLong(random));
        };
    }

    @Test
    void everyMessageTypeRoundTrips() throws Exception {
        Bytes32 writer = Bytes32.fromHex("ab".repeat(32));
        List<RaftMessage> messages = List.of(
                new RaftMessage.VoteRequest(0, 0, 0),
                new RaftMessage.VoteRequest(7, 12, 6),
                new RaftMessage.VoteRequest(Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE),
                new RaftMessage.VoteReply(3, true),
                new RaftMessage.VoteReply(3, false),
                new RaftMessage.Append(4, 10, 3, List.of(), 9),
                new RaftMessage.Append(4, 10, 3, List.of(new Batch(10, 4, List.of()),
                        new Batch(11, 4, List.of(new EntryId(writer, 0), new EntryId(writer, Long.MAX_VALUE)))), 10),
                new RaftMessage.AppendReply(4, true, 12),
                new RaftMessage.AppendReply(4, false, 0));
        for (RaftMessage message : messages) {
            byte[] bytes = RaftCodec.encode(message);
            assertThat(RaftCodec.decode(bytes)).as("%s", message).isEqualTo(message);
        }
        // The four types are told apart by their first byte.
        assertThat(messages.stream().map(message -> RaftCodec.encode(message)[0]).distinct()).hasSize(4);
        // A batch alone round-trips, and is what an Append carries.
        Batch batch = messages.get(6) instanceof RaftMessage.Append append ? append.batches().get(1) : null;
        WireWriter out = new WireWriter();
        RaftCodec.encodeBatch(batch, out);
        WireReader in = new WireReader(out.toByteArray());
        assertThat(RaftCodec.decodeBatch(in)).isEqualTo(batch);
        in.expectEnd("batch");
    }

    @Test
    void randomMessagesRoundTrip() throws Exception {
        Random random = new Random(5);
        for (int i = 0; i < 2000; i++) {
            RaftMessage message = randomMessage(random);
            assertThat(RaftCodec.decode(RaftCodec.encode(message))).as("message %d", i).isEqualTo(message);
        }
    }

    @Test
    void mutatedAndRandomBytesFailOnlyAsWireErrors() {
        int decoded = 0;
        int refused = 0;
        for (long seed : new long[] {31, 32, 33}) {
            Random random = new Random(seed);
            for (int i = 0; i < 4000; i++) {
                byte[] input;
                if (i % 4 == 0) {
                    input = new byte[random.nextInt(120)];
                    random.nextBytes(input);
                    if (input.length > 0 && random.nextBoolean()) {
                        input[0] = (byte) (1 + random.nextInt(4));
                    }
                } else {
                    input = RaftCodec.encode(randomMessage(random));
                    switch (random.nextInt(4)) {
                        case 0 -> input[random.nextInt(input.length)] ^= (byte) (1 << random.nextInt(8));
                        case 1 -> input[random.nextInt(input.length)] = (byte) random.nextInt(256);
                        case 2 -> input = Arrays.copyOf(input, random.nextInt(input.length));
                        default -> input = Arrays.copyOf(input, input.length + 1 + random.nextInt(8));
                    }
                }
                try {
                    RaftMessage message = RaftCodec.decode(input);
                    assertThat(RaftCodec.encode(message)).as("seed %d input %d", seed, i).isEqualTo(input);
                    decoded++;
                } catch (WireException expected) {
                    assertThat(expected.getMessage()).isNotBlank();
                    refused++;
                } catch (RuntimeException e) {
                    throw new AssertionError("seed " + seed + " input " + i + " threw " + e, e);
                }
            }
        }
        // Both outcomes happen: the fuzzing reaches past the first checks.
        assertThat(decoded).isPositive();
        assertThat(refused).isPositive();
    }

    @Test
    void outOfBoundsMessagesFailAsWireErrors() {
        Bytes32 writer = Bytes32.fromHex("cd".repeat(32));
        // No message, an unknown type, trailing bytes, a flag that is neither 0 nor 1.
        assertThatThrownBy(() -> RaftCodec.decode(new byte[0])).isInstanceOf(WireException.class);
        assertThatThrownBy(() -> RaftCodec.decode(new byte[] {9})).isInstanceOf(WireException.class)
                .hasMessageContaining("Unknown Raft message type");
        assertThatThrownBy(() -> RaftCodec.decode(new WireWriter().u8(2).uvarint(1).u8(1).u8(0).toByteArray()))
                .isInstanceOf(WireException.class);
        assertThatThrownBy(() -> RaftCodec.decode(new WireWriter().u8(2).uvarint(1).u8(2).toByteArray()))
                .isInstanceOf(WireException.class).hasMessageContaining("neither 0 nor 1");
        // An Append with more batches than one carries.
        assertThatThrownBy(() -> RaftCodec.decode(new WireWriter().u8(3).uvarint(1).uvarint(0).uvarint(0).uvarint(0)
                .uvarint(RaftMessage.MAX_BATCHES + 1).toByteArray()))
                .isInstanceOf(WireException.class);
        // An Append whose batch is not numbered after prevLength, or is of a later term than the Append.
        WireWriter misnumbered = new WireWriter().u8(3).uvarint(2).uvarint(5).uvarint(1).uvarint(0).uvarint(1);
        RaftCodec.encodeBatch(new Batch(6, 2, List.of(new EntryId(writer, 0))), misnumbered);
        assertThatThrownBy(() -> RaftCodec.decode(misnumbered.toByteArray())).isInstanceOf(WireException.class)
                .hasMessageContaining("number");
        WireWriter later = new WireWriter().u8(3).uvarint(2).uvarint(5).uvarint(1).uvarint(0).uvarint(1);
        RaftCodec.encodeBatch(new Batch(5, 3, List.of()), later);
        assertThatThrownBy(() -> RaftCodec.decode(later.toByteArray())).isInstanceOf(WireException.class)
                .hasMessageContaining("term");
        // A batch with more entries than a batch holds.
        WireWriter crowded = new WireWriter().u8(3).uvarint(2).uvarint(5).uvarint(1).uvarint(0).uvarint(1)
                .uvarint(5).uvarint(2).uvarint(Batch.MAX_ENTRIES + 1);
        assertThatThrownBy(() -> RaftCodec.decode(crowded.toByteArray())).isInstanceOf(WireException.class);
        // Negative numbers do not exist on the wire: a uvarint above Long.MAX_VALUE is refused.
        byte[] huge = {1, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff,
                (byte) 0xff, (byte) 0xff, 0x01, 0, 0};
        assertThatThrownBy(() -> RaftCodec.decode(huge)).isInstanceOf(WireException.class);
    }
}
