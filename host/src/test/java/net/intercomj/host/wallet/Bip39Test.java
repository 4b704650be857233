package net.intercomj.host.wallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class Bip39Test {

    private static final HexFormat HEX = HexFormat.of();
    private static final String ABANDON_12 =
            "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about";

    static Stream<Arguments> trezorVectors() {
        JsonNode english = Vectors.json("bip39-trezor-vectors-english.json").get("english");
        return StreamSupport.stream(english.spliterator(), false)
                .map(v -> Arguments.of(v.get(0).asText(), v.get(1).asText(), v.get(2).asText()));
    }

    @Test
    void bundledWordListIsTheCanonicalEnglishList() throws IOException {
        byte[] resource;
        try (InputStream in = Bip39.class.getResourceAsStream("english.txt")) {
            assertThat(in).isNotNull();
            resource = in.readAllBytes();
        }
        assertThat(HEX.formatHex(Bip39.sha256(resource)))
                .isEqualTo("2f5eed53a4727b4bf8880d8f3f199efc90e58503646d9ff8eff3a2ed3b24dbda");
        List<String> words = Bip39.englishWords();
        assertThat(words).hasSize(2048).doesNotHaveDuplicates();
        assertThat(words.get(0)).isEqualTo("abandon");
        assertThat(words.get(3)).isEqualTo("about");
        assertThat(words.get(2047)).isEqualTo("zoo");
    }

    @Test
    void trezorFileHasTheTwelveAndTwentyFourWordVectors() {
        Set<Integer> counts = new HashSet<>();
        trezorVectors().forEach(a -> counts.add(((String) a.get()[1]).split(" ").length));
        assertThat(counts).contains(12, 24);
        assertThat(trezorVectors()).hasSize(24);
    }

    @ParameterizedTest
    @MethodSource("trezorVectors")
    void entropyToMnemonicMatchesTrezorVectors(String entropy, String mnemonic, String seed) {
        assertThat(Bip39.entropyToMnemonic(HEX.parseHex(entropy))).isEqualTo(mnemonic);
    }

    @ParameterizedTest
    @MethodSource("trezorVectors")
    void mnemonicToEntropyMatchesTrezorVectors(String entropy, String mnemonic, String seed) {
        assertThat(HEX.formatHex(Bip39.mnemonicToEntropy(mnemonic))).isEqualTo(entropy);
    }

    @ParameterizedTest
    @MethodSource("trezorVectors")
    void seedWithPassphraseTrezorMatchesVectors(String entropy, String mnemonic, String seed) {
        assertThat(HEX.formatHex(Bip39.seed(mnemonic, "TREZOR"))).isEqualTo(seed);
    }

    @Test
    void seedWithEmptyPassphraseIsTheWellKnownAbandonSeed() {
        // Widely published BIP-39 seed of "abandon ×11 about" with no passphrase.
        assertThat(HEX.formatHex(Bip39.seed(ABANDON_12, ""))).isEqualTo(
                "5eb00bbddcf069084889a8ab9155568165f5c453ccb85e70811aaed6f6da5fc1"
                        + "9a5ac40b389cd370d086206dec8aa6c43daea6690f20ad3d8d48b2d2ce9e38e4");
    }

    @Test
    void onlyTwelveAndTwentyFourWordsAreAcceptedAsWalletMnemonics() {
        String eighteen = trezorVectors().map(a -> (String) a.get()[1])
                .filter(m -> m.split(" ").length == 18).findFirst().orElseThrow();
        String twentyFour = trezorVectors().map(a -> (String) a.get()[1])
                .filter(m -> m.split(" ").length == 24).findFirst().orElseThrow();
        assertThat(Bip39.isValid(ABANDON_12)).isTrue();
        assertThat(Bip39.isValid(twentyFour)).isTrue();
        // A correct BIP-39 phrase, but trac-crypto-api accepts only 12 or 24 words.
        assertThat(Bip39.mnemonicToEntropy(eighteen)).hasSize(24);
        assertThat(Bip39.isValid(eighteen)).isFalse();
        assertThatThrownBy(() -> Bip39.requireValid(eighteen))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid mnemonic: expected 12 or 24 words, got 18.");
    }

    @Test
    void badChecksumIsRejectedWithoutQuotingWords() {
        String wrongLast = ABANDON_12.replace("about", "abandon");
        assertThat(Bip39.isValid(wrongLast)).isFalse();
        assertThatThrownBy(() -> Bip39.requireValid(wrongLast))
                .hasMessageContaining("checksum")
                .hasMessageNotContaining("abandon");
    }

    @Test
    void unknownWordIsReportedByPositionOnly() {
        String typo = ABANDON_12.replace("about", "abuot");
        assertThatThrownBy(() -> Bip39.requireValid(typo))
                .hasMessage("Invalid mnemonic: word 12 is not in the BIP-39 English word list.")
                .hasMessageNotContaining("abuot");
    }

    @Test
    void normalisationFollowsBip39MnemonicPackage() {
        String messy = "\u00a0 ABANDON\tabandon\u3000abandon  abandon\nabandon abandon abandon abandon abandon"
                + "\u2003abandon abandon About \ufeff";
        assertThat(Bip39.normalize(messy)).isEqualTo(ABANDON_12);
        assertThat(Bip39.sanitize(messy)).contains(ABANDON_12);
        assertThat(Bip39.normalize("   ")).isEmpty();
        assertThat(Bip39.sanitize(null)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abandon", "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about"})
    void wrongWordCountsAreInvalid(String phrase) {
        assertThat(Bip39.isValid(phrase)).isFalse();
    }

    @Test
    void generatedMnemonicsAreFreshValidTwentyFourWordPhrases() {
        String a = Bip39.generate();
        String b = Bip39.generate();
        assertThat(a.split(" ")).hasSize(24);
        assertThat(Bip39.isValid(a)).isTrue();
        assertThat(Bip39.mnemonicToEntropy(a)).hasSize(32);
        assertThat(a).isNotEqualTo(b);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 15, 17, 33, 64})
    void entropyOfUnsupportedLengthIsRejected(int length) {
        assertThatThrownBy(() -> Bip39.entropyToMnemonic(new byte[length]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("got " + length);
    }
}
