package net.intercomj.host.wallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DerivationPathTest {

    @Test
    void parsesTheDefaultPath() {
        DerivationPath path = DerivationPath.parse("m/918'/0'/0'/0'");
        assertThat(path.path()).isEqualTo("m/918'/0'/0'/0'");
        assertThat(path.indexes()).containsExactly(918, 0, 0, 0);
        assertThat(DerivationPath.mainnet()).isEqualTo(path);
    }

    @Test
    void removesAllWhitespaceLikeTheOriginal() {
        DerivationPath path = DerivationPath.parse(" m / 919' /0'\t/ 0'/\u00a00' ");
        assertThat(path.path()).isEqualTo("m/919'/0'/0'/0'");
        assertThat(path.indexes()).containsExactly(919, 0, 0, 0);
    }

    @Test
    void acceptsTheLargestHardenedIndex() {
        assertThat(DerivationPath.parse("m/2147483647'").indexes()).containsExactly(Integer.MAX_VALUE);
        assertThat(DerivationPath.parse("m/000918'").indexes()).containsExactly(918);
    }

    static Stream<Arguments> badSegments() {
        return Stream.of(
                Arguments.of("m/918'/0'/0'/0", "0"),
                Arguments.of("m/44/0'", "44"),
                Arguments.of("m/0h", "0h"),
                Arguments.of("m/", ""),
                Arguments.of("m/0'/", ""),
                Arguments.of("m/-1'", "-1'"),
                Arguments.of("m/0''", "0''"),
                Arguments.of("m//0'", ""));
    }

    @ParameterizedTest
    @MethodSource("badSegments")
    void rejectsNonHardenedOrMalformedSegmentsWithTheOriginalText(String text, String segment) {
        assertThatThrownBy(() -> DerivationPath.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid segment: '" + segment + "'. Only hardened segments (e.g. 0') are supported.");
    }

    @Test
    void requiresTheLeadingM() {
        assertThatThrownBy(() -> DerivationPath.parse("918'/0'")).hasMessage("Derivation path must start with 'm/'");
        assertThatThrownBy(() -> DerivationPath.parse("m")).hasMessage("Derivation path must start with 'm/'");
        assertThatThrownBy(() -> DerivationPath.parse("M/0'")).hasMessage("Derivation path must start with 'm/'");
    }

    @Test
    void rejectsIndexesOutsideTheHardenedRange() {
        assertThatThrownBy(() -> DerivationPath.parse("m/2147483648'"))
                .hasMessage("Invalid segment: '2147483648''. The index must be a non-negative decimal integer less than 2147483648.");
        assertThatThrownBy(() -> DerivationPath.parse("m/99999999999999999999999'"))
                .hasMessageStartingWith("Invalid segment: '99999999999999999999999''.");
    }

    @Test
    void fullPathPutsOneSegmentPerPrefixByteFirst() {
        assertThat(Slip10.fullPath("trac", DerivationPath.parse(DerivationPath.MAINNET)))
                .containsExactly(116, 114, 97, 99, 918, 0, 0, 0);
        assertThat(Slip10.fullPath("testtrac", DerivationPath.parse(DerivationPath.TESTNET)))
                .isEqualTo(List.of(116, 101, 115, 116, 116, 114, 97, 99, 919, 0, 0, 0));
    }
}
