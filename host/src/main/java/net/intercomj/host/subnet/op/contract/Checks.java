package net.intercomj.host.subnet.op.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Pattern;
import net.intercomj.host.subnet.op.OpContext;
import net.intercomj.host.subnet.op.OpRejection;

/**
 * The shape checks of the {@code feature} and {@code tx} ops. A failed check throws
 * {@link OpRejection}, whose message names the field; {@link #run} turns it into the op's
 * rejection.
 */
final class Checks {

    /** Longest string the original's schemas accept for keys, types and nonces. */
    static final int MAX_TEXT = 256;

    private static final Pattern SIGNATURE_HEX = Pattern.compile("^[0-9a-f]{128}$");

    private Checks() {}

    /**
     * Requires the node at {@code path} (empty for the op itself) to be an object holding exactly
     * {@code fields}; returns it.
     */
    static JsonNode object(JsonNode node, String path, List<String> fields) throws OpRejection {
        String what = path.isEmpty() ? "the op" : path;
        if (node == null || !node.isObject()) {
            throw new OpRejection(what + " must be an object");
        }
        for (String field : fields) {
            if (!node.has(field)) {
                throw new OpRejection((path.isEmpty() ? "" : path + ".") + field + " is missing");
            }
        }
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!fields.contains(name)) {
                throw new OpRejection(what + " has an unexpected field " + name);
            }
        }
        return node;
    }

    /** Requires the op's {@code type} to be {@code type} (the applier routes by it; direct callers may not). */
    static void type(JsonNode op, String type) throws OpRejection {
        if (!op.path("type").isTextual() || !type.equals(op.get("type").textValue())) {
            throw new OpRejection("type must be " + type);
        }
    }

    /** A string of 1 to {@value #MAX_TEXT} characters. */
    static String text(JsonNode node, String what) throws OpRejection {
        if (node == null || !node.isTextual() || node.textValue().isEmpty() || node.textValue().length() > MAX_TEXT) {
            throw new OpRejection(what + " must be a string of 1 to " + MAX_TEXT + " characters");
        }
        return node.textValue();
    }

    /** 64 lowercase hex characters: a public key or a 32-byte hash. */
    static String hex32(JsonNode node, String what, String kind) throws OpRejection {
        if (node == null || !node.isTextual() || !OpContext.KEY_HEX.matcher(node.textValue()).matches()) {
            throw new OpRejection(what + " must be " + kind + " of 64 lowercase hex characters");
        }
        return node.textValue();
    }

    /** An Ed25519 signature: 128 lowercase hex characters. */
    static String signature(JsonNode node, String what) throws OpRejection {
        if (node == null || !node.isTextual() || !SIGNATURE_HEX.matcher(node.textValue()).matches()) {
            throw new OpRejection(what + " must be a signature of 128 lowercase hex characters");
        }
        return node.textValue();
    }
}
