package net.intercomj.host.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsJsonTest {

    @Test
    void quotesLikeJavaScript() {
        // Expected value printed by Node 20: JSON.stringify('a"b\\c\b\f\n\r\t\u0001\u001f\u007f\u2028é😀\ud800x\udc00')
        StringBuilder out = new StringBuilder();
        JsJson.quote("a\"b\\c\b\f\n\r\t\u0001\u001f\u007f\u2028é😀\ud800x\udc00", out);
        assertThat(out.toString())
                .isEqualTo("\"a\\\"b\\\\c\\b\\f\\n\\r\\t\\u0001\\u001f\u007f\u2028é😀\\ud800x\\udc00\"");
    }

    @Test
    void compactAndPrettyLayouts() {
        Map<String, String> object = new LinkedHashMap<>();
        object.put("publicKey", "ab");
        object.put("mnemonic", null);
        object.put("derivationPath", "m/918'/0'");
        assertThat(JsJson.compact(object)).isEqualTo("{\"publicKey\":\"ab\",\"mnemonic\":null,\"derivationPath\":\"m/918'/0'\"}");
        assertThat(JsJson.pretty(object)).isEqualTo(
                "{\n  \"publicKey\": \"ab\",\n  \"mnemonic\": null,\n  \"derivationPath\": \"m/918'/0'\"\n}");
        assertThat(JsJson.pretty(Map.of())).isEqualTo("{}");
    }
}
