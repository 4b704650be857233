package net.intercomj.host.wallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class Slip10Test {

    private static final HexFormat HEX = HexFormat.of();

    static Stream<Arguments> officialEd25519Chains() {
        JsonNode vectors = Vectors.json("slip10-ed25519-vectors.json").get("vectors");
        List<Arguments> out = new ArrayList<>();
        int number = 1;
        for (JsonNode vector : vectors) {
            for (JsonNode chain : vector.get("chains")) {
                out.add(Arguments.of("vector " + number + " " + chain.get("path").asText(),
                        vector.get("seed").asText(), chain));
            }
            number++;
        }
        return out.stream();
    }

    private static List<Integer> indexes(String path) {
        List<Integer> out = new ArrayList<>();
        String[] parts = path.split("/");
        for (int i = 1; i < parts.length; i++) {
            out.add(Integer.parseInt(parts[i].replace("H", "")));
        }
        return out;
    }

    @Test
    void bothOfficialVectorsArePresent() {
        assertThat(officialEd25519Chains()).hasSize(12);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("officialEd25519Chains")
    void derivesTheOfficialEd25519Vectors(String name, String seed, JsonNode chain) {
        Slip10.Node node = Slip10.derive(HEX.parseHex(seed), indexes(chain.get("path").asText()));
        assertThat(HEX.formatHex(node.privateKey())).isEqualTo(chain.get("private").asText());
        assertThat(HEX.formatHex(node.chainCode())).isEqualTo(chain.get("chainCode").asText());
        assertThat("00" + HEX.formatHex(node.publicKey())).isEqualTo(chain.get("public").asText());
    }

    @Test
    void stepwiseDerivationEqualsPathDerivation() {
        byte[] seed = HEX.parseHex("000102030405060708090a0b0c0d0e0f");
        Slip10.Node stepwise = Slip10.master(seed).deriveHardened(0).deriveHardened(1);
        assertThat(stepwise).isEqualTo(Slip10.derive(seed, List.of(0, 1)));
        assertThat(stepwise).isNotEqualTo(Slip10.derive(seed, List.of(1, 0)));
    }

    @Test
    void rejectsNegativeIndexesAndHidesKeysInToString() {
        Slip10.Node master = Slip10.master(new byte[64]);
        assertThatThrownBy(() -> master.deriveHardened(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(master.toString()).isEqualTo("Slip10.Node[redacted]")
                .doesNotContain(HEX.formatHex(master.privateKey()));
    }

    @Test
    void nodeAccessorsReturnCopies() {
        Slip10.Node master = Slip10.master(new byte[64]);
        byte[] key = master.privateKey();
        key[0] ^= 1;
        assertThat(master.privateKey()).isNotEqualTo(key);
    }
}
