package net.intercomj.sidechannel.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokensTest {

    private static final String JSON = "{\"payload\":{\"channel\":\"c\",\"text\":\"é?>~~~???\"},\"sig\":\"00\"}";

    @TempDir
    Path dir;

    private static ObjectNode expected() throws Exception {
        return (ObjectNode) new ObjectMapper().readTree(JSON);
    }

    private static String b64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void inlineJson() throws Exception {
        assertThat(Tokens.decode("  " + JSON + "\n", dir)).contains(expected());
    }

    @Test
    void base64WithAndWithoutPrefix() throws Exception {
        assertThat(Tokens.decode(b64(JSON), dir)).contains(expected());
        assertThat(Tokens.decode("b64:" + b64(JSON), dir)).contains(expected());
        assertThat(Tokens.decode("b64:" + JSON, dir)).contains(expected());
    }

    @Test
    void urlSafeAndUnpaddedBase64() throws Exception {
        String urlSafe = Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.getBytes(StandardCharsets.UTF_8));
        assertThat(urlSafe).contains("-").contains("_");
        assertThat(Tokens.decode(urlSafe, dir)).contains(expected());
        String unpadded = Base64.getEncoder().withoutPadding().encodeToString(JSON.getBytes(StandardCharsets.UTF_8));
        assertThat(Tokens.decode(unpadded, dir)).contains(expected());
    }

    @Test
    void fileRelativeToWorkingDirectory() throws Exception {
        Files.writeString(dir.resolve("welcome.json"), "\n  " + JSON + "  \n");
        assertThat(Tokens.decode("@welcome.json", dir)).contains(expected());
        Files.writeString(dir.resolve("invite.b64"), "b64:" + b64(JSON) + "\n");
        assertThat(Tokens.decode(" @invite.b64 ", dir)).contains(expected());
        Path absolute = dir.resolve("abs.json").toAbsolutePath();
        Files.writeString(absolute, JSON);
        assertThat(Tokens.decode("@" + absolute, Path.of("/nonexistent"))).contains(expected());
    }

    @Test
    void missingFileIsEmpty() {
        assertThat(Tokens.decode("@nope.json", dir)).isEmpty();
        assertThat(Tokens.decode("@", dir)).isEmpty();
    }

    @Test
    void nonObjectsAndGarbageAreEmpty() {
        assertThat(Tokens.decode(null, dir)).isEmpty();
        assertThat(Tokens.decode("", dir)).isEmpty();
        assertThat(Tokens.decode("   ", dir)).isEmpty();
        assertThat(Tokens.decode("b64:", dir)).isEmpty();
        assertThat(Tokens.decode("{not json", dir)).isEmpty();
        assertThat(Tokens.decode("{} trailing", dir)).isEmpty();
        assertThat(Tokens.decode(b64("[1,2]"), dir)).isEmpty();
        assertThat(Tokens.decode(b64("\"text\""), dir)).isEmpty();
        assertThat(Tokens.decode("!!!not base64!!!", dir)).isEmpty();
        assertThat(Tokens.decode(Base64.getEncoder().encodeToString(new byte[] {(byte) 0xff, '{', '}'}), dir)).isEmpty();
    }
}
