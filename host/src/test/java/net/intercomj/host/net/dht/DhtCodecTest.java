package net.intercomj.host.net.dht;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import net.intercomj.host.net.Bytes32;
import net.intercomj.host.net.Fuzz;
import net.intercomj.host.net.wire.WireException;
import org.junit.jupiter.api.Test;

class DhtCodecTest {

    static DhtMessage randomMessage(SplittableRandom random) {
        Optional<Bytes32> id = random.nextBoolean() ? Optional.of(key(random)) : Optional.empty();
        byte[] value = random.nextInt(3) == 0 ? new byte[0] : Fuzz.randomBytes(random, 1 + random.nextInt(300));
        if (random.nextBoolean()) {
            DhtMessage.Command command = DhtMessage.Command.values()[random.nextInt(DhtMessage.Command.values().length)];
            return new DhtMessage.Request(random.nextInt(), id, command,
                    random.nextBoolean() ? Optional.of(key(random)) : Optional.empty(),
                    random.nextBoolean() ? Optional.of(key(random)) : Optional.empty(), value);
        }
        List<InetSocketAddress> closer = new ArrayList<>();
        for (int i = random.nextInt(DhtCodec.MAX_CLOSER_NODES + 1); i > 0; i--) {
            closer.add(address(random));
        }
        return new DhtMessage.Response(random.nextInt(), id, address(random),
                random.nextBoolean() ? Optional.of(key(random)) : Optional.empty(), closer, random.nextInt(4), value);
    }

    private static Bytes32 key(SplittableRandom random) {
        return Bytes32.of(Fuzz.randomBytes(random, 32));
    }

    private static InetSocketAddress address(SplittableRandom random) {
        try {
            byte[] ip = Fuzz.randomBytes(random, random.nextBoolean() ? 4 : 16);
            return new InetSocketAddress(InetAddress.getByAddress(ip), 1 + random.nextInt(65535));
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void everyMessageRoundTripsToTheSameBytes() throws Exception {
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < 5000; i++) {
            byte[] encoded = DhtCodec.encode(randomMessage(random));
            DhtMessage decoded = DhtCodec.decode(encoded, encoded.length);
            assertThat(DhtCodec.encode(decoded)).isEqualTo(encoded);
        }
    }

    @Test
    void mutatedDatagramsOnlyEverFailAsWireExceptions() {
        Fuzz.run(9, 30_000, random -> DhtCodec.encode(randomMessage(random)), input -> {
            try {
                DhtMessage decoded = DhtCodec.decode(input, input.length);
                assertThat(DhtCodec.encode(decoded)).isEqualTo(input);
            } catch (WireException expected) {
                // refused with a reason
            }
        });
    }

    @Test
    void mutatedRecordListsOnlyEverFailAsWireExceptions() {
        Fuzz.run(10, 10_000, random -> {
            List<RecordCodec.Signed> records = new ArrayList<>();
            for (int i = random.nextInt(4); i > 0; i--) {
                List<InetSocketAddress> addresses = new ArrayList<>();
                for (int j = random.nextInt(PeerRecord.MAX_ADDRESSES + 1); j > 0; j--) {
                    addresses.add(address(random));
                }
                records.add(new RecordCodec.Signed(new PeerRecord(key(random), addresses, random.nextLong(1 << 40)),
                        Fuzz.randomBytes(random, 64)));
            }
            return RecordCodec.encodeList(records);
        }, input -> {
            try {
                RecordCodec.decodeList(input);
            } catch (WireException expected) {
                // refused
            }
        });
    }

    @Test
    void oversizedAndUnknownAreRefusedWithTheirReason() {
        assertThatThrownBy(() -> DhtCodec.decode(new byte[3000], 3000))
                .isInstanceOf(WireException.class).hasMessage("datagram of 3000 bytes is above 2048");
        assertThatThrownBy(() -> DhtCodec.decode(new byte[] {2, 1, 0, 0, 0, 0, 0}, 7))
                .isInstanceOf(WireException.class).hasMessage("version 2 is not 1");
        assertThatThrownBy(() -> DhtCodec.decode(new byte[] {1, 1, 0, 0, 0, 0, 1, 99}, 8))
                .isInstanceOf(WireException.class).hasMessage("command: unknown 99");
    }
}
