package net.intercomj.host.wallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TracAddressTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] PUB = HEX.parseHex("17cea8fa0c8d6993e05bd5f4ad8cff9f413b40d8685bc5e633cbba6f78f5dfc5");
    private static final String ADDRESS = "trac1zl8237sv345e8czm6h62mr8lnaqnksxcdpdute3newax7784mlzspgq04v";

    @Test
    void encodesTheSpecVector() {
        assertThat(TracAddress.encode("trac", PUB)).isEqualTo(ADDRESS).hasSize(63);
    }

    @Test
    void encodesTheTesttracVectorOfSpecSection58() {
        byte[] pub = HEX.parseHex("fbc07e633c1833833c3f25703a6f34cb808a86fd1ae341956f0541b9c77c16aa");
        assertThat(TracAddress.encode("testtrac", pub))
                .isEqualTo("testtrac1l0q8uceurqecx0ply4cr5me5ewqg4phart35r9t0q4qmn3muz64q95da9v")
                .hasSize(67);
    }

    @Test
    void decodesBackToThePublicKey() {
        assertThat(TracAddress.decode("trac", ADDRESS)).isEqualTo(PUB);
        assertThat(TracAddress.decode("trac", ADDRESS.toUpperCase())).isEqualTo(PUB);
    }

    @Test
    void lengthDependsOnlyOnThePrefix() {
        assertThat(TracAddress.length("trac")).isEqualTo(63);
        assertThat(TracAddress.length("testtrac")).isEqualTo(67);
    }

    @Test
    void rejectsAnotherPrefix() {
        String test = TracAddress.encode("testtrac", PUB);
        assertThatThrownBy(() -> TracAddress.decode("trac", test))
                .isInstanceOf(Bech32Exception.class)
                .hasMessage("Address prefix is 'testtrac', expected 'trac'");
    }

    @Test
    void rejectsBech32ChecksumAndBadChecksum() {
        String bech32 = Bech32.encode("trac", Bech32.convertBits(PUB, 8, 5, true), Bech32.Variant.BECH32);
        assertThatThrownBy(() -> TracAddress.decode("trac", bech32)).hasMessageStartingWith("Wrong checksum variant");
        String flipped = ADDRESS.substring(0, 10) + (ADDRESS.charAt(10) == 'q' ? 'p' : 'q') + ADDRESS.substring(11);
        assertThatThrownBy(() -> TracAddress.decode("trac", flipped)).hasMessage("Invalid checksum");
    }

    @Test
    void rejectsPayloadsThatAreNot32Bytes() {
        String short31 = Bech32.encode("trac", Bech32.convertBits(new byte[31], 8, 5, true), Bech32.Variant.BECH32M);
        assertThatThrownBy(() -> TracAddress.decode("trac", short31))
                .hasMessage("Decoded buffer is invalid. Expected 32 bytes, got 31 bytes");
        assertThatThrownBy(() -> TracAddress.encode("trac", new byte[33]))
                .hasMessage("Invalid public key. Expected 32 bytes, got 33");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Trac", "tr4c", "trac-x", "abcdefghijklmnopqrstuvwxyzabcdef"})
    void rejectsPrefixesTheOriginalRejects(String hrp) {
        assertThat(TracAddress.isValidHrp(hrp)).isFalse();
        assertThatThrownBy(() -> TracAddress.encode(hrp, PUB))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Invalid HRP.");
    }
}
