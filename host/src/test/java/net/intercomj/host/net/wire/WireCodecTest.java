package net.intercomj.host.net.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import net.intercomj.host.net.Bytes32;
import net.intercomj.host.net.Fuzz;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WireCodecTest {

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 127, 128, 300, 16383, 16384, Integer.MAX_VALUE, 1L << 56, Long.MAX_VALUE})
    void uvarintRoundTripsAndHasTheSizeItClaims(long value) throws Exception {
        byte[] encoded = new WireWriter().uvarint(value).toByteArray();
        assertThat(encoded).hasSize(WireWriter.uvarintSize(value));
        WireReader reader = new WireReader(encoded);
        assertThat(reader.uvarint("v")).isEqualTo(value);
        reader.expectEnd("v");
    }

    @Test
    void aVarintHasOneEncoding() {
        // 0x80 0x00 would also decode to 0; accepting it would give one message two encodings.
        assertThatThrownBy(() -> new WireReader(new byte[] {(byte) 0x80, 0x00}).uvarint("id"))
                .isInstanceOf(WireException.class).hasMessage("id: varint not in its shortest form");
    }

    @Test
    void aVarintCannotRunOn() {
        byte[] endless = new byte[12];
        java.util.Arrays.fill(endless, (byte) 0xff);
        assertThatThrownBy(() -> new WireReader(endless).uvarint("type"))
                .isInstanceOf(WireException.class).hasMessage("type: varint longer than 9 bytes");
    }

    @Test
    void lengthsAreCheckedAgainstTheLimitBeforeAnyAllocation() {
        byte[] huge = new WireWriter().uvarint(Integer.MAX_VALUE).toByteArray();
        assertThatThrownBy(() -> new WireReader(huge).bytes("value", 1024))
                .isInstanceOf(WireException.class)
                .hasMessage("value length: 2147483647 is above the limit of 1024");
    }

    @Test
    void truncatedInputNamesWhatWasBeingRead() {
        assertThatThrownBy(() -> new WireReader(new byte[31]).bytes32("node id"))
                .isInstanceOf(WireException.class).hasMessage("node id: truncated (needs 32 bytes, 31 left)");
    }

    @Test
    void stringsMustBeUtf8() {
        byte[] bad = new WireWriter().bytes(new byte[] {(byte) 0xc3, 0x28}).toByteArray();
        assertThatThrownBy(() -> new WireReader(bad).string("protocol", 100))
                .isInstanceOf(WireException.class).hasMessage("protocol: not valid UTF-8");
    }

    @Test
    void trailingBytesAreRefused() throws Exception {
        WireReader reader = new WireReader(new byte[] {1, 2});
        reader.u8("a");
        assertThatThrownBy(() -> reader.expectEnd("ping"))
                .isInstanceOf(WireException.class).hasMessage("ping: 1 unexpected trailing bytes");
    }

    @Test
    void mixedRecordsRoundTripAndEveryTruncationFails() throws Exception {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 500; i++) {
            Bytes32 key = Bytes32.of(Fuzz.randomBytes(random, 32));
            long number = random.nextLong(Long.MAX_VALUE);
            byte[] payload = Fuzz.randomBytes(random, random.nextInt(300));
            String text = "chan-" + random.nextInt() + "-é";
            byte[] encoded = new WireWriter(1).u8(i & 0xff).u16(i).u32(0xfffffffeL).uvarint(number).bytes32(key)
                    .bytes(payload).string(text).toByteArray();

            WireReader reader = new WireReader(encoded);
            assertThat(reader.u8("a")).isEqualTo(i & 0xff);
            assertThat(reader.u16("b")).isEqualTo(i);
            assertThat(reader.u32("c")).isEqualTo(0xfffffffeL);
            assertThat(reader.uvarint("d")).isEqualTo(number);
            assertThat(reader.bytes32("e")).isEqualTo(key);
            assertThat(reader.bytes("f", 300)).isEqualTo(payload);
            assertThat(reader.string("g", 100)).isEqualTo(text);
            reader.expectEnd("record");

            int cut = random.nextInt(encoded.length);
            WireReader truncated = new WireReader(encoded, 0, cut);
            assertThatThrownBy(() -> {
                truncated.u8("a");
                truncated.u16("b");
                truncated.u32("c");
                truncated.uvarint("d");
                truncated.bytes32("e");
                truncated.bytes("f", 300);
                truncated.string("g", 100);
            }).isInstanceOf(WireException.class);
        }
    }

    @Test
    void bytes32OrdersUnsignedAndCountsLeadingZeros() {
        Bytes32 low = Bytes32.fromHex("7f" + "00".repeat(31));
        Bytes32 high = Bytes32.fromHex("80" + "00".repeat(31));
        assertThat(low).isLessThan(high);
        assertThat(low.leadingZeroBits()).isEqualTo(1);
        assertThat(high.leadingZeroBits()).isZero();
        assertThat(low.xor(low).leadingZeroBits()).isEqualTo(256);
        assertThat(Bytes32.fromHex("00".repeat(31) + "01").leadingZeroBits()).isEqualTo(255);
    }
}
