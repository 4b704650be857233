package net.intercomj.host.wallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class SecretBoxTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] KEY = new byte[32];
    private static final byte[] NONCE = new byte[24];
    private static final byte[] MESSAGE = ("The quick brown fox jumps over the lazy dog, twice: "
            + "the quick brown fox jumps over the lazy dog.").getBytes(StandardCharsets.UTF_8);
    // libsodium crypto_secretbox_easy via sodium-universal 5.0.1 (see compat/README.md).
    private static final String SODIUM_BOX = "78a4f1bd761538b2133f77e988c3d8271e7f30594b24d249ad79131307fe34d1"
            + "a8583e74073632b897f54dbc9caba320bc51497d8fcdbf243d237b5511862d46e3d1194dd3e6d566f9a7d2d16c57fcc7"
            + "f0bbd6853da0849d3191fc75fe6e6a453730506a9779395afe1dc261b559b2e8";
    private static final String SODIUM_EMPTY_BOX = "25ad7f4489ddd636717f1a6bbc7daf99";

    static {
        for (int i = 0; i < 32; i++) {
            KEY[i] = (byte) i;
        }
        for (int i = 0; i < 24; i++) {
            NONCE[i] = (byte) (0x40 + i);
        }
    }

    @Test
    void sealMatchesLibsodium() {
        assertThat(MESSAGE).hasSize(96);
        assertThat(HEX.formatHex(SecretBox.seal(KEY, NONCE, MESSAGE))).isEqualTo(SODIUM_BOX);
        assertThat(HEX.formatHex(SecretBox.seal(KEY, NONCE, new byte[0]))).isEqualTo(SODIUM_EMPTY_BOX);
    }

    @Test
    void openDecryptsLibsodiumOutput() {
        assertThat(SecretBox.open(KEY, NONCE, HEX.parseHex(SODIUM_BOX))).hasValue(MESSAGE);
        assertThat(SecretBox.open(KEY, NONCE, HEX.parseHex(SODIUM_EMPTY_BOX))).hasValue(new byte[0]);
    }

    @Test
    void anyModificationOrWrongKeyFailsTheMac() {
        byte[] box = HEX.parseHex(SODIUM_BOX);
        for (int position : new int[] {0, 15, 16, box.length - 1}) {
            byte[] tampered = box.clone();
            tampered[position] ^= 0x01;
            assertThat(SecretBox.open(KEY, NONCE, tampered)).as("byte %d flipped", position).isEmpty();
        }
        byte[] otherKey = KEY.clone();
        otherKey[31] ^= 1;
        assertThat(SecretBox.open(otherKey, NONCE, box)).isEmpty();
        byte[] otherNonce = NONCE.clone();
        otherNonce[23] ^= 1;
        assertThat(SecretBox.open(KEY, otherNonce, box)).isEmpty();
        assertThat(SecretBox.open(KEY, NONCE, new byte[15])).isEmpty();
    }

    @Test
    void boxIsSixteenBytesLongerAndRejectsBadSizes() {
        assertThat(SecretBox.seal(KEY, NONCE, "hello".getBytes(StandardCharsets.UTF_8))).hasSize(21);
        assertThatThrownBy(() -> SecretBox.seal(new byte[31], NONCE, MESSAGE)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SecretBox.seal(KEY, new byte[12], MESSAGE)).isInstanceOf(IllegalArgumentException.class);
    }
}
