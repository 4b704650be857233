package net.intercomj.host.subnet.replication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.intercomj.host.net.Bytes32;
import net.intercomj.host.net.wire.WireException;
import net.intercomj.host.net.wire.WireWriter;
import net.intercomj.host.subnet.order.ConfirmedBatchCodec;
import net.intercomj.host.subnet.log.EntryId;
import net.intercomj.host.subnet.log.LogEntry;
import net.intercomj.host.subnet.order.Batch;
import net.intercomj.host.subnet.order.Checkpoint;
import net.intercomj.host.subnet.order.ConfirmedBatch;
import net.intercomj.host.wallet.Ed25519Keys;
import org.junit.jupiter.api.Test;

/**
 * The replication decoder on hostile bytes, seeded: random messages round-trip, and random or
 * mutated bytes either decode to a message that encodes back to the same bytes or fail with a
 * {@link WireException}.
 */
class ReplicationCodecFuzzTest {

    private static final Bytes32 SUBNET = Bytes32.fromHex("4d".repeat(32));

    private static Bytes32 randomKey(Random random) {
        byte[] key = new byte[32];
        random.nextBytes(key);
        return Bytes32.of(key);
    }

    /** Confirmed batch {@code number}: random entries, hashes and signatures (the codec checks none of them). */
    private static ConfirmedBatch randomBatch(Random random, long number) {
        List<EntryId> entries = new ArrayList<>();
        for (int i = 1 + random.nextInt(5); i > 0; i--) {
            entries.add(new EntryId(randomKey(random), random.nextBoolean() ? random.nextInt(100)
                    : random.nextLong(0, Long.MAX_VALUE)));
        }
        List<ConfirmedBatch.IndexerSignature> signatures = new ArrayList<>();
        for (int i = random.nextInt(3); i > 0; i--) {
            byte[] signature = new byte[64];
            random.nextBytes(signature);
            signatures.add(new ConfirmedBatch.IndexerSignature(randomKey(random), signature));
        }
        return new ConfirmedBatch(new Batch(number, 3, entries),
                new Checkpoint(number + 1, randomKey(random), randomKey(random)), signatures);
    }

    /** A request or reply body: JSON-like, with 1- to 4-byte UTF-8 characters, sometimes at the size limit. */
    private static String randomBody(Random random) {
        if (random.nextInt(20) == 0) {
            return "x".repeat(ReplicationMessage.MAX_REQUEST_BYTES - 4) + "\uD83D\uDE00";
        }
        StringBuilder body = new StringBuilder("{\"op\":\"");
        for (int i = random.nextInt(300); i > 0; i--) {
            body.appendCodePoint(switch (random.nextInt(3)) {
                case 0 -> random.nextInt(0x20, 0x7F);
                case 1 -> random.nextInt(0x80, 0xD7FF);
                default -> random.nextInt(0x10000, 0x10FFFF);
            });
        }
        return body.append("\"}").toString();
    }

    /** A request or reply id: small as a counter would make it, or anywhere up to the largest. */
    private static long randomId(Random random) {
        return random.nextBoolean() ? random.nextInt(1000) : random.nextLong(0, Long.MAX_VALUE) + 1;
    }

    private static ReplicationMessage randomMessage(Random random) {
        return switch (random.nextInt(11)) {
            case 0 -> {
                List<ReplicationMessage.LogLength> logs = new ArrayList<>();
                for (int i = random.nextInt(6); i > 0; i--) {
                    logs.add(new ReplicationMessage.LogLength(randomKey(random), random.nextLong(0, Long.MAX_VALUE)));
                }
                yield new ReplicationMessage.Have(logs);
            }
            case 1 -> new ReplicationMessage.Want(randomKey(random), random.nextLong(0, Long.MAX_VALUE),
                    1 + random.nextInt(ReplicationMessage.MAX_ITEMS));
            case 2 -> new ReplicationMessage.BatchesHave(random.nextLong(0, Long.MAX_VALUE));
            case 3 -> new ReplicationMessage.BatchesWant(random.nextLong(0, Long.MAX_VALUE),
                    1 + random.nextInt(ReplicationMessage.MAX_BATCHES));
            case 4 -> {
                List<ConfirmedBatch> batches = new ArrayList<>();
                long first = random.nextBoolean() ? random.nextInt(1000) : random.nextLong(0, Long.MAX_VALUE - 10);
                for (int i = random.nextInt(ReplicationMessage.MAX_BATCHES + 1); i > 0; i--) {
                    batches.add(randomBatch(random, first + batches.size()));
                }
                yield new ReplicationMessage.BatchesData(batches);
            }
            case 5 -> {
                StringBuilder op = new StringBuilder("{\"type\":\"autoAddWriter\",\"note\":\"");
                for (int i = random.nextInt(200); i > 0; i--) {
                    op.appendCodePoint(random.nextInt(0x20, 0x2FF));
                }
                yield new ReplicationMessage.WriterRequest(op.append("\"}").toString());
            }
            case 6 -> {
                byte[] message = new byte[random.nextInt(300)];
                random.nextBytes(message);
                byte[] signature = new byte[64];
                random.nextBytes(signature);
                yield new ReplicationMessage.Consensus(randomKey(random), randomKey(random), message, signature);
            }
            case 7 -> {
                byte[] signature = new byte[64];
                random.nextBytes(signature);
                yield new ReplicationMessage.CheckpointSignature(random.nextLong(0, Long.MAX_VALUE),
                        new ConfirmedBatch.IndexerSignature(randomKey(random), signature));
            }
            case 8 -> new ReplicationMessage.Request(randomId(random), randomBody(random));
            case 9 -> new ReplicationMessage.Reply(randomId(random), randomBody(random));
            default -> {
                byte[] seed = new byte[32];
                random.nextBytes(seed);
                Bytes32 writer = Bytes32.of(Ed25519Keys.publicKey(seed));
                List<LogEntry> entries = new ArrayList<>();
                for (int i = random.nextInt(4); i > 0; i--) {
                    entries.add(LogEntry.append(SUBNET, writer, entries.isEmpty() ? null : entries.getLast(), List.of(),
                            random.nextLong(0, Long.MAX_VALUE), "{\"n\":" + random.nextInt() + "}",
                            message -> Ed25519Keys.sign(seed, message)));
                }
                yield new ReplicationMessage.Data(writer, entries);
            }
        };
    }

    @Test
    void randomMessagesRoundTrip() throws Exception {
        Random random = new Random(7);
        for (int i = 0; i < 800; i++) {
            ReplicationMessage message = randomMessage(random);
            assertThat(ReplicationCodec.decode(ReplicationCodec.encode(message))).isEqualTo(message);
        }
    }

    @Test
    void mutatedAndRandomBytesFailOnlyAsWireErrors() {
        for (long seed : new long[] {11, 12, 13}) {
            Random random = new Random(seed);
            for (int i = 0; i < 2000; i++) {
                byte[] input;
                if (i % 4 == 0) {
                    input = new byte[random.nextInt(200)];
                    random.nextBytes(input);
                } else {
                    input = ReplicationCodec.encode(randomMessage(random));
                    switch (random.nextInt(3)) {
                        case 0 -> input[random.nextInt(input.length)] ^= (byte) (1 << random.nextInt(8));
                        case 1 -> input = Arrays.copyOf(input, random.nextInt(input.length));
                        default -> input = Arrays.copyOf(input, input.length + 1 + random.nextInt(8));
                    }
                }
                try {
                    ReplicationMessage decoded = ReplicationCodec.decode(input);
                    assertThat(ReplicationCodec.encode(decoded)).as("seed %d input %d", seed, i).isEqualTo(input);
                } catch (WireException expected) {
                    assertThat(expected.getMessage()).isNotBlank();
                } catch (RuntimeException e) {
                    throw new AssertionError("seed " + seed + " input " + i + " threw " + e, e);
                }
            }
        }
    }

    @Test
    void batchMessagesOutOfBoundsFailAsWireErrors() {
        Random random = new Random(21);
        // BatchesWant for no batch, or for more than one message carries.
        assertThatThrownBy(() -> ReplicationCodec.decode(new WireWriter().u8(5).uvarint(3).uvarint(0).toByteArray()))
                .isInstanceOf(WireException.class);
        assertThatThrownBy(() -> ReplicationCodec.decode(new WireWriter().u8(5).uvarint(3)
                .uvarint(ReplicationMessage.MAX_BATCHES + 1).toByteArray()))
                .isInstanceOf(WireException.class);
        // BatchesData with too many batches, with a gap, with a batch of no entries, with a last-possible number.
        assertThatThrownBy(() -> ReplicationCodec.decode(new WireWriter().u8(6)
                .uvarint(ReplicationMessage.MAX_BATCHES + 1).toByteArray()))
                .isInstanceOf(WireException.class);
        WireWriter gap = new WireWriter().u8(6).uvarint(2);
        ConfirmedBatchCodec.encode(randomBatch(random, 3), gap);
        ConfirmedBatchCodec.encode(randomBatch(random, 5), gap);
        assertThatThrownBy(() -> ReplicationCodec.decode(gap.toByteArray()))
                .isInstanceOf(WireException.class).hasMessageContaining("does not follow");
        assertThatThrownBy(() -> ReplicationCodec.decode(new WireWriter().u8(6).uvarint(1).uvarint(0).uvarint(0)
                .toByteArray()))
                .isInstanceOf(WireException.class);
        assertThatThrownBy(() -> ReplicationCodec.decode(new WireWriter().u8(6).uvarint(1).uvarint(Long.MAX_VALUE)
                .uvarint(1).bytes32(randomKey(random)).uvarint(0).bytes32(randomKey(random))
                .bytes32(randomKey(random)).uvarint(0).toByteArray()))
                .isInstanceOf(WireException.class);
    }

    @Test
    void requestsAndRepliesOutOfBoundsFailAsWireErrors() throws Exception {
        String longest = "x".repeat(ReplicationMessage.MAX_REQUEST_BYTES);
        byte[] atLimit = longest.getBytes(StandardCharsets.UTF_8);
        byte[] overLimit = (longest + "x").getBytes(StandardCharsets.UTF_8);
        assertThat(ReplicationCodec.decode(new WireWriter().u8(10).uvarint(3).bytes(atLimit).toByteArray()))
                .isEqualTo(new ReplicationMessage.Request(3, longest));
        assertThat(ReplicationCodec.decode(new WireWriter().u8(11).uvarint(3).bytes(atLimit).toByteArray()))
                .isEqualTo(new ReplicationMessage.Reply(3, longest));
        for (int type : new int[] {10, 11}) {
            // A body above the limit, not UTF-8, or cut short; an id above 2^63-1; bytes after the body.
            assertThatThrownBy(() -> ReplicationCodec.decode(new WireWriter().u8(type).uvarint(3).bytes(overLimit)
                    .toByteArray()))
                    .isInstanceOf(WireException.class).hasMessageContaining("above the limit");
            assertThatThrownBy(() -> ReplicationCodec.decode(new WireWriter().u8(type).uvarint(3)
                    .bytes(new byte[] {'{', (byte) 0xC3, '}'}).toByteArray()))
                    .isInstanceOf(WireException.class).hasMessageContaining("not valid UTF-8");
            assertThatThrownBy(() -> ReplicationCodec.decode(new WireWriter().u8(type).uvarint(3).uvarint(10)
                    .fixed(new byte[] {'{', '}'}).toByteArray()))
                    .isInstanceOf(WireException.class).hasMessageContaining("truncated");
            assertThatThrownBy(() -> ReplicationCodec.decode(new WireWriter().u8(type)
                    .fixed(new byte[] {-1, -1, -1, -1, -1, -1, -1, -1, -128, 1}).bytes(new byte[0]).toByteArray()))
                    .isInstanceOf(WireException.class);
            assertThatThrownBy(() -> ReplicationCodec.decode(new WireWriter().u8(type).uvarint(3).bytes(new byte[0])
                    .u8(0).toByteArray()))
                    .isInstanceOf(WireException.class).hasMessageContaining("trailing");
        }
    }

    @Test
    void requestsAndRepliesAreBuiltOnlyWithinBounds() {
        String overLimit = "\u00e9".repeat(ReplicationMessage.MAX_REQUEST_BYTES / 2) + "x";
        assertThatThrownBy(() -> new ReplicationMessage.Request(1, overLimit)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReplicationMessage.Reply(1, overLimit)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReplicationMessage.Request(-1, "{}")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReplicationMessage.Reply(-1, "{}")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReplicationMessage.Request(1, null)).isInstanceOf(NullPointerException.class);
        assertThat(new ReplicationMessage.Reply(Long.MAX_VALUE, overLimit.substring(1)).body())
                .hasSize(ReplicationMessage.MAX_REQUEST_BYTES / 2);
    }
}
