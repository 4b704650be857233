package net.intercomj.host.subnet.op.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Pattern;
import net.intercomj.host.subnet.op.OpContext;
import net.intercomj.host.subnet.op.OpResult;

/**
 * The shape checks of the {@code feature} and {@code tx} ops. A failed check throws
 * {@link Rejection}, whose message names the field; {@link #run} turns it into the op's
 * rejection.
 */
final class Checks {

    /** Longest string the original's schemas accept for keys, types and nonces. */
    static final int MAX_TEXT = 256;

    private static final Pattern SIGNATURE_HEX = Pattern.compile("^[0-9a-f]{128}$");

    private Checks() {}

    /** A failed check; its message is the rejection reason. */
    static final class Rejection extends Exception {
        private static final long serialVersionUID = 1L;

        Rejection(String reason) {
            super(reason, null, false, false);
        }
    }

    /** An op's checks and effects. */
    @FunctionalInterface
    interface Body {
        OpResult apply() throws Rejection;
    }

    static OpResult run(Body body) {
        try {
            return body.apply();
        } catch (Rejection rejection) {
            return OpResult.rejected(rejection.getMessage());
        }
    }

    /**
     * Requires the node at {@code path} (empty for the op itself) to be an object holding exactly
     * {@code fields}; returns it.
     */
    static JsonNode object(JsonNode node, String path, List<String> fields) throws Rejection {
        String what = path.isEmpty() ? "the op" : path;
        if (node == null || !node.isObject()) {
            throw new Rejection(what + " must be an object");
        }
        for (String field : fields) {
            if (!node.has(field)) {
                throw new Rejection((path.isEmpty() ? "" : path + ".") + field + " is missing");
            }
        }
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!fields.contains(name)) {
                throw new Rejection(what + " has an unexpected field " + name);
            }
        }
        return node;
    }

    /** Requires the op's {@code type} to be {@code type} (the applier routes by it; direct callers may not). */
    static void type(JsonNode op, String type) throws Rejection {
        if (!op.path("type").isTextual() || !type.equals(op.get("type").textValue())) {
            throw new Rejection("type must be " + type);
        }
    }

    /** A string of 1 to {@value #MAX_TEXT} characters. */
    static String text(JsonNode node, String what) throws Rejection {
        if (node == null || !node.isTextual() || node.textValue().isEmpty() || node.textValue().length() > MAX_TEXT) {
            throw new Rejection(what + " must be a string of 1 to " + MAX_TEXT + " characters");
        }
        return node.textValue();
    }

    /** 64 lowercase hex characters: a public key or a 32-byte hash. */
    static String hex32(JsonNode node, String what, String kind) throws Rejection {
        if (node == null || !node.isTextual() || !OpContext.KEY_HEX.matcher(node.textValue()).matches()) {
            throw new Rejection(what + " must be " + kind + " of 64 lowercase hex characters");
        }
        return node.textValue();
    }

    /** An Ed25519 signature: 128 lowercase hex characters. */
    static String signature(JsonNode node, String what) throws Rejection {
        if (node == null || !node.isTextual() || !SIGNATURE_HEX.matcher(node.textValue()).matches()) {
            throw new Rejection(what + " must be a signature of 128 lowercase hex characters");
        }
        return node.textValue();
    }
}
