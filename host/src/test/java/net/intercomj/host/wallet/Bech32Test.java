package net.intercomj.host.wallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import net.intercomj.host.wallet.Bech32.Variant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class Bech32Test {

    private static final JsonNode VECTORS = Vectors.json("bech32-vectors.json");

    private static Stream<JsonNode> list(String name) {
        return StreamSupport.stream(VECTORS.get(name).spliterator(), false);
    }

    static Stream<Arguments> validStrings() {
        return Stream.concat(
                list("bech32_valid").map(n -> Arguments.of(n.asText(), Variant.BECH32)),
                list("bech32m_valid").map(n -> Arguments.of(n.asText(), Variant.BECH32M)));
    }

    static Stream<Arguments> invalidStrings() {
        return Stream.concat(
                list("bech32_invalid").map(n -> Arguments.of(n.get("string").asText(), n.get("reason").asText(),
                        Variant.BECH32)),
                list("bech32m_invalid").map(n -> Arguments.of(n.get("string").asText(), n.get("reason").asText(),
                        Variant.BECH32M)));
    }

    static Stream<JsonNode> segwitValid() {
        return list("segwit_valid_bip350");
    }

    @ParameterizedTest
    @MethodSource("validStrings")
    void officialValidStringsDecodeWithTheirVariantAndReencode(String s, Variant variant) {
        Bech32.Decoded decoded = Bech32.decode(s);
        assertThat(decoded.variant()).isEqualTo(variant);
        assertThat(Bech32.decode(s, variant)).isEqualTo(decoded);
        assertThat(Bech32.encode(decoded.hrp(), decoded.data(), variant)).isEqualTo(s.toLowerCase(Locale.ROOT));
    }

    @ParameterizedTest
    @MethodSource("validStrings")
    void officialValidStringsAreInvalidForTheOtherVariant(String s, Variant variant) {
        Variant other = variant == Variant.BECH32 ? Variant.BECH32M : Variant.BECH32;
        assertThatThrownBy(() -> Bech32.decode(s, other))
                .isInstanceOf(Bech32Exception.class)
                .hasMessageStartingWith("Wrong checksum variant");
    }

    @ParameterizedTest
    @MethodSource("invalidStrings")
    void officialInvalidStringsAreRejected(String s, String reason, Variant variant) {
        assertThatThrownBy(() -> Bech32.decode(s, variant))
                .as(reason)
                .isInstanceOf(Bech32Exception.class);
    }

    @ParameterizedTest
    @MethodSource("segwitValid")
    void officialSegwitAddressesDecodeToTheirScriptPubKey(JsonNode vector) {
        Bech32.Decoded decoded = Bech32.decode(vector.get("address").asText());
        byte[] data = decoded.data();
        int version = data[0];
        assertThat(decoded.variant()).isEqualTo(version == 0 ? Variant.BECH32 : Variant.BECH32M);
        byte[] program = Bech32.convertBits(Arrays.copyOfRange(data, 1, data.length), 5, 8, false);
        byte[] script = new byte[program.length + 2];
        script[0] = (byte) (version == 0 ? 0 : 0x50 + version);
        script[1] = (byte) program.length;
        System.arraycopy(program, 0, script, 2, program.length);
        assertThat(HexFormat.of().formatHex(script)).isEqualTo(vector.get("scriptPubKey").asText());
    }

    @Test
    void officialSegwitStringLevelFailuresAreDetected() {
        list("segwit_string_level_invalid_bip350").forEach(v -> {
            String s = v.get("string").asText();
            String expect = v.get("expect").asText();
            switch (expect) {
                case "BECH32", "BECH32M" -> assertThat(Bech32.decode(s).variant()).as(s).isEqualTo(Variant.valueOf(expect));
                case "ERROR" -> assertThatThrownBy(() -> Bech32.decode(s)).as(s).isInstanceOf(Bech32Exception.class);
                case "PADDING_ERROR" -> {
                    byte[] data = Bech32.decode(s).data();
                    assertThatThrownBy(() -> Bech32.convertBits(Arrays.copyOfRange(data, 1, data.length), 5, 8, false))
                            .as(s).isInstanceOf(Bech32Exception.class).hasMessageContaining("padding");
                }
                default -> throw new IllegalStateException(expect);
            }
        });
    }

    @Test
    void messagesSayWhatIsWrong() {
        String good = "a1lqfn3a";
        assertThatThrownBy(() -> Bech32.decode("A1lqfn3a")).hasMessage("Mixed upper and lower case");
        assertThatThrownBy(() -> Bech32.decode("a1lqfn3q")).hasMessage("Invalid checksum");
        assertThatThrownBy(() -> Bech32.decode("a1lqfn3o")).hasMessage("Invalid data character 'o' at position 7");
        assertThatThrownBy(() -> Bech32.decode("a" + "q".repeat(90))).hasMessage("Too long: 91 characters, the maximum is 90");
        assertThatThrownBy(() -> Bech32.decode("qyrz8wqd2c9m")).hasMessage("No separator character '1'");
        assertThatThrownBy(() -> Bech32.decode("1qyrz8wqd2c9m")).hasMessage("Empty human-readable part");
        assertThatThrownBy(() -> Bech32.decode("in1muywd")).hasMessageStartingWith("Checksum too short");
        assertThatThrownBy(() -> Bech32.decode(" 1xj0phk")).hasMessageStartingWith("Invalid character U+0020 at position 0");
        assertThatThrownBy(() -> Bech32.decode(good, Variant.BECH32))
                .hasMessage("Wrong checksum variant: the string is bech32m, expected bech32");
    }

    @Test
    void encodingRejectsBadInput() {
        assertThatThrownBy(() -> Bech32.encode("", new byte[0], Variant.BECH32M)).isInstanceOf(Bech32Exception.class);
        assertThatThrownBy(() -> Bech32.encode("Trac", new byte[0], Variant.BECH32M))
                .hasMessage("Human-readable part must be lowercase");
        assertThatThrownBy(() -> Bech32.encode("a", new byte[] {32}, Variant.BECH32M))
                .hasMessage("Data value at index 0 is 32, not a 5-bit value");
        assertThatThrownBy(() -> Bech32.encode("a", new byte[83], Variant.BECH32M))
                .hasMessageStartingWith("Result would be 91 characters");
        assertThat(Bech32.encode("a", new byte[82], Variant.BECH32M)).hasSize(90);
    }

    @Test
    void convertBitsRoundTripsAndChecksPadding() {
        byte[] bytes = HexFormat.of().parseHex("17cea8fa0c8d6993e05bd5f4ad8cff9f413b40d8685bc5e633cbba6f78f5dfc5");
        byte[] words = Bech32.convertBits(bytes, 8, 5, true);
        assertThat(words).hasSize(52);
        assertThat(Bech32.convertBits(words, 5, 8, false)).isEqualTo(bytes);
        byte[] nonZeroPadding = words.clone();
        nonZeroPadding[51] |= 1;
        assertThatThrownBy(() -> Bech32.convertBits(nonZeroPadding, 5, 8, false)).hasMessage("Non-zero padding");
        assertThatThrownBy(() -> Bech32.convertBits(new byte[] {32}, 5, 8, true))
                .hasMessage("Value 32 does not fit in 5 bits");
    }

    @Test
    void decodedIsAnImmutableValue() {
        Bech32.Decoded d = Bech32.decode("a1lqfn3a");
        byte[] data = Bech32.decode("abcdef1l7aum6echk45nj3s0wdvt2fg8x9yrzpqzd3ryx").data();
        data[0] = 9;
        assertThat(Bech32.decode("abcdef1l7aum6echk45nj3s0wdvt2fg8x9yrzpqzd3ryx").data()[0]).isEqualTo((byte) 31);
        assertThat(d).isEqualTo(new Bech32.Decoded("a", new byte[0], Variant.BECH32M)).hasSameHashCodeAs(
                new Bech32.Decoded("a", new byte[0], Variant.BECH32M));
    }
}
