package net.intercomj.host.contract.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code is_hex}, trac-peer's custom rule: a string that survives decoding from hex and encoding
 * back ({@code value === b4a.toString(b4a.from(value, "hex"), "hex")}), that is an even number of
 * lowercase hex digits. The empty string passes; uppercase, odd lengths and non-strings fail.
 * Error type {@code bufferedHex}, as in trac-peer.
 */
record HexRule() implements Rule {

    static final String ERROR = "bufferedHex";

    static HexRule compile(RuleSpec spec) {
        return new HexRule();
    }

    @Override
    public void check(JsonNode value, Site site, Findings findings) {
        if (!value.isTextual() || !isLowerHex(value.textValue())) {
            findings.add(site, ERROR, value);
        }
    }

    /** Whether {@code s} is an even number of lowercase hex digits (possibly none). */
    static boolean isLowerHex(String s) {
        if (s.length() % 2 != 0) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9') && !(c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    /** As the spec exports it: any case and length, though validation wants even-length lowercase. */
    @Override
    public ObjectNode jsonSchema() {
        return JsonNodeFactory.instance.objectNode().put("type", "string").put("pattern", "^[0-9a-fA-F]+$");
    }
}
