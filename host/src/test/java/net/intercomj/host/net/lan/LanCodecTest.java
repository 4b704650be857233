package net.intercomj.host.net.lan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import net.intercomj.host.net.Bytes32;
import net.intercomj.host.net.Fuzz;
import net.intercomj.host.net.swarm.PeerAddress;
import net.intercomj.host.net.wire.WireException;
import org.junit.jupiter.api.Test;

class LanCodecTest {

    static Bytes32 randomBytes32(SplittableRandom random) {
        return Bytes32.of(Fuzz.randomBytes(random, 32));
    }

    static LanMessage randomMessage(SplittableRandom random) {
        Bytes32 topic = randomBytes32(random);
        return switch (random.nextInt(3)) {
            case 0 -> {
                List<InetSocketAddress> addresses = new ArrayList<>();
                int count = random.nextInt(PeerAddress.MAX_ADDRESSES + 1);
                for (int i = 0; i < count; i++) {
                    addresses.add(new InetSocketAddress(randomIp(random), 1 + random.nextInt(65535)));
                }
                yield new LanMessage.Announce(topic, new PeerAddress(randomBytes32(random), addresses));
            }
            case 1 -> new LanMessage.Query(topic);
            default -> new LanMessage.Unannounce(topic, randomBytes32(random));
        };
    }

    private static InetAddress randomIp(SplittableRandom random) {
        try {
            byte[] ip = Fuzz.randomBytes(random, random.nextBoolean() ? 4 : 16);
            if (ip.length == 16) {
                ip[0] = (byte) 0xfd; // never IPv4-mapped, which the codec refuses as family 6
            }
            return InetAddress.getByAddress(ip);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    private static LanMessage decode(byte[] datagram) throws WireException {
        return LanCodec.decode(datagram, 0, datagram.length);
    }

    @Test
    void randomMessagesSurviveARoundTrip() throws Exception {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 5_000; i++) {
            LanMessage message = randomMessage(random);
            byte[] datagram = LanCodec.encode(message);
            assertThat(datagram.length).isLessThanOrEqualTo(LanCodec.MAX_DATAGRAM);
            assertThat(decode(datagram)).isEqualTo(message);
        }
    }

    @Test
    void theFormatIsAsDocumented() throws Exception {
        Bytes32 topic = Bytes32.fromHex("11".repeat(32));
        Bytes32 key = Bytes32.fromHex("22".repeat(32));
        PeerAddress peer = new PeerAddress(key,
                List.of(new InetSocketAddress(InetAddress.getByName("10.1.2.3"), 0x1234)));
        byte[] datagram = LanCodec.encode(new LanMessage.Announce(topic, peer));
        assertThat(HexFormat.of().formatHex(datagram))
                .isEqualTo("494c" + "01" + "01" + "11".repeat(32) + "22".repeat(32)
                        + "01" + "04" + "0a010203" + "1234");
        assertThat(HexFormat.of().formatHex(LanCodec.encode(new LanMessage.Query(topic))))
                .isEqualTo("494c0102" + "11".repeat(32));
    }

    @Test
    void theDecoderRefusesWhatItCannotTrust() {
        byte[] query = LanCodec.encode(new LanMessage.Query(Bytes32.fromHex("00".repeat(32))));
        byte[] wrongVersion = query.clone();
        wrongVersion[2] = 2;
        byte[] trailing = java.util.Arrays.copyOf(query, query.length + 1);
        byte[] oversized = new byte[LanCodec.MAX_DATAGRAM + 1];
        System.arraycopy(query, 0, oversized, 0, query.length);
        byte[] mapped = HexFormat.of().parseHex("494c0101" + "00".repeat(64) + "01" + "06"
                + "00000000000000000000ffff0a000001" + "0050");
        byte[] tooMany = HexFormat.of().parseHex("494c0101" + "00".repeat(64) + "05");
        byte[] portZero = HexFormat.of().parseHex("494c0101" + "00".repeat(64) + "01" + "04" + "0a000001" + "0000");
        for (byte[] bad : List.of(wrongVersion, trailing, oversized, mapped, tooMany, portZero, new byte[0])) {
            assertThatThrownBy(() -> decode(bad)).isInstanceOf(WireException.class);
        }
    }

    @Test
    void fuzzedDatagramsOnlyEverFailWithAWireException() {
        Fuzz.run(20260522L, 20_000, random -> LanCodec.encode(randomMessage(random)), input -> {
            try {
                LanMessage message = decode(input);
                // Whatever decodes must be canonical: it encodes back to the same bytes.
                assertThat(LanCodec.encode(message)).isEqualTo(input);
            } catch (WireException expected) {
                // Refused cleanly.
            }
        });
    }
}
