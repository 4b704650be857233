package net.intercomj.host.subnet.op.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import net.intercomj.host.subnet.op.OpContext;
import net.intercomj.host.subnet.op.OpRejection;
import net.intercomj.host.subnet.op.OpSignature;
import net.intercomj.host.subnet.op.ViewKeys;

/**
 * The checks shared by the chat and moderation ops, the original's "dispatch-signed" family
 * (spec §2.4 B): {@code {type, value: {dispatch: {type, ...}}, hash, nonce}}. Every field is
 * checked explicitly: the envelope and the dispatch take exactly the fields their op defines,
 * and {@code value.dispatch.type} must name the op type (fix of spec §9 item 2, together with
 * the type-bound signature of {@link OpSignature}).
 *
 * <p>A failed check throws {@link OpRejection}, which {@link #run} turns into the op's rejection,
 * so nothing escapes into apply.
 */
final class DispatchOps {

    /** Largest id accepted (the original's {@code Number.MAX_SAFE_INTEGER}). */
    static final long MAX_ID = 9_007_199_254_740_991L;

    private static final Pattern SIGNATURE_HEX = Pattern.compile("^[0-9a-f]{128}$");
    private static final Set<String> ENVELOPE = Set.of("type", "value", "hash", "nonce");

    private DispatchOps() {}

    // ---- the envelope

    /**
     * Checks the envelope of an op of {@code type} and returns its dispatch, which must hold
     * {@code type} and exactly {@code fields} besides.
     */
    static ObjectNode dispatch(JsonNode op, String type, List<String> fields) throws OpRejection {
        onlyFields(op, ENVELOPE, "the op");
        JsonNode opType = op.get("type");
        if (opType == null || !opType.isTextual() || !type.equals(opType.textValue())) {
            throw new OpRejection("type must be " + type);
        }
        JsonNode hash = op.get("hash");
        if (hash == null || !hash.isTextual() || !SIGNATURE_HEX.matcher(hash.textValue()).matches()) {
            throw new OpRejection("hash must be a signature of 128 lowercase hex characters");
        }
        JsonNode nonce = op.get("nonce");
        if (nonce == null || !nonce.isTextual() || nonce.textValue().isEmpty()
                || nonce.textValue().length() > OpSignature.MAX_NONCE_LENGTH) {
            throw new OpRejection("nonce must be a string of 1 to " + OpSignature.MAX_NONCE_LENGTH + " characters");
        }
        JsonNode value = op.get("value");
        if (value == null || !value.isObject()) {
            throw new OpRejection("value must be an object");
        }
        onlyFields(value, Set.of("dispatch"), "value");
        JsonNode dispatch = value.get("dispatch");
        if (dispatch == null || !dispatch.isObject()) {
            throw new OpRejection("value.dispatch must be an object");
        }
        JsonNode dispatchType = dispatch.get("type");
        if (dispatchType == null || !dispatchType.isTextual() || !type.equals(dispatchType.textValue())) {
            throw new OpRejection("value.dispatch.type must be " + type + ", not "
                    + (dispatchType == null ? "missing" : dispatchType.toString()));
        }
        for (String field : fields) {
            if (!dispatch.has(field)) {
                throw new OpRejection("value.dispatch." + field + " is missing");
            }
        }
        Set<String> allowed = new HashSet<>(fields);
        allowed.add("type");
        onlyFields(dispatch, allowed, "value.dispatch");
        return (ObjectNode) dispatch;
    }

    private static void onlyFields(JsonNode object, Set<String> allowed, String what) throws OpRejection {
        Iterator<String> names = object.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw new OpRejection(what + " has an unexpected field " + name);
            }
        }
    }

    // ---- dispatch fields

    /** A public key: 64 lowercase hex characters. */
    static String key(JsonNode dispatch, String field) throws OpRejection {
        JsonNode node = dispatch.get(field);
        if (node == null || !node.isTextual() || !OpContext.KEY_HEX.matcher(node.textValue()).matches()) {
            throw new OpRejection("value.dispatch." + field + " must be a public key of 64 lowercase hex characters");
        }
        return node.textValue();
    }

    /** A JSON boolean (not a string or number). */
    static boolean bool(JsonNode dispatch, String field) throws OpRejection {
        JsonNode node = dispatch.get(field);
        if (node == null || !node.isBoolean()) {
            throw new OpRejection("value.dispatch." + field + " must be true or false");
        }
        return node.booleanValue();
    }

    /** An id: a JSON integer from 0 to {@link #MAX_ID}. */
    static long id(JsonNode dispatch, String field) throws OpRejection {
        JsonNode node = dispatch.get(field);
        if (!isId(node)) {
            throw new OpRejection("value.dispatch." + field + " must be an integer from 0 to " + MAX_ID);
        }
        return node.longValue();
    }

    /** An id or null. */
    static void nullableId(JsonNode dispatch, String field) throws OpRejection {
        JsonNode node = dispatch.get(field);
        if (node == null || !node.isNull() && !isId(node)) {
            throw new OpRejection("value.dispatch." + field + " must be null or an integer from 0 to " + MAX_ID);
        }
    }

    /** Whether {@code node} is a JSON integer from 0 to {@link #MAX_ID}. */
    static boolean isId(JsonNode node) {
        return node != null && node.isIntegralNumber() && node.canConvertToLong() && node.longValue() >= 0
                && node.longValue() <= MAX_ID;
    }

    /** A non-empty string of at most {@code maxBytes} bytes in UTF-8. */
    static String text(JsonNode dispatch, String field, int maxBytes) throws OpRejection {
        JsonNode node = dispatch.get(field);
        if (node == null || !node.isTextual() || node.textValue().isEmpty()
                || utf8Length(node.textValue()) > maxBytes) {
            throw new OpRejection("value.dispatch." + field + " must be a non-empty string of at most " + maxBytes
                    + " bytes in UTF-8");
        }
        return node.textValue();
    }

    static int utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    // ---- authorisation

    /** Requires the current admin's signature; returns the admin's key. */
    static String adminSigned(JsonNode op, OpContext context) throws OpRejection {
        Optional<String> admin = context.admin();
        if (admin.isEmpty()) {
            throw new OpRejection("the subnet has no admin");
        }
        if (!context.signedBy(op, admin.get())) {
            throw new OpRejection("not signed by the admin");
        }
        return admin.get();
    }

    /** Whether the op is signed by the current admin; false while there is none. */
    static boolean signedByAdmin(JsonNode op, OpContext context) {
        return context.admin().map(admin -> context.signedBy(op, admin)).orElse(false);
    }

    /**
     * Requires the admin's signature, or {@code address}'s when it is a moderator (spec §2.5.17,
     * §2.5.18); returns the signer.
     */
    static String adminOrModSigned(JsonNode op, OpContext context, String address) throws OpRejection {
        if (signedByAdmin(op, context)) {
            return context.admin().orElseThrow();
        }
        if (!context.isMod(address)) {
            throw new OpRejection(noAdminSignature(context) + ", and address " + address + " is not a moderator");
        }
        if (!context.signedBy(op, address)) {
            throw new OpRejection(noAdminSignature(context) + ", nor by the moderator " + address);
        }
        return address;
    }

    /** Why the admin path did not authorise the op. */
    static String noAdminSignature(OpContext context) {
        return context.admin().isEmpty() ? "the subnet has no admin" : "not signed by the admin";
    }

    /** Rejects an op whose signature or whose nonce for {@code signer} was used before. */
    static void fresh(JsonNode op, OpContext context, String signer) throws OpRejection {
        if (context.replayed(op, signer)) {
            throw new OpRejection("signature or nonce already used");
        }
    }

    /** Requires {@code chat_status} to be {@code "on"} (missing means off). */
    static void chatOn(OpContext context) throws OpRejection {
        if (!"on".equals(context.text(ViewKeys.CHAT_STATUS).orElse(null))) {
            throw new OpRejection("chat is off");
        }
    }

    // ---- stored state

    /** Whether {@code key} holds anything other than exactly {@code false} (missing: false). */
    static boolean setAndNotFalse(OpContext context, String key) {
        return context.get(key).map(value -> !(value.isBoolean() && !value.booleanValue())).orElse(false);
    }

    /** The message {@code msg/<id>}, a copy to modify. */
    static ObjectNode message(OpContext context, long id) throws OpRejection {
        JsonNode message = context.get(ViewKeys.message(id)).orElse(null);
        if (message == null || message.isNull()) {
            throw new OpRejection("message " + id + " does not exist");
        }
        if (!message.isObject()) {
            throw new OpRejection("message " + id + " is not a message object");
        }
        return ((ObjectNode) message).deepCopy();
    }
}
