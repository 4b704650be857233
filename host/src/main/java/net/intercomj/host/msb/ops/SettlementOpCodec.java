package net.intercomj.host.msb.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The JSON form of settlement ops (spec §3.5): {@code {type: 12, address, txo: {tx, txv, iw, in,
 * ch, is, bs, mbs[, va, vn, vs]}}}, {@code {type: 11, address, bdo: {tx, txv, bs, ic, in, is, …}}}
 * and {@code {type: 13, address, tro: {tx, txv, to, am, in, is, …}}}, byte fields as lowercase
 * hex. Parsing is strict: exactly the fields of the type, each of its size, no all-zero value,
 * the seal all present or all absent. A failure's message starts with the original's
 * {@code Payload is invalid.} and says which field.
 */
public final class SettlementOpCodec {

    /** The original's message for a payload its schema refuses. */
    public static final String INVALID = "Payload is invalid.";

    private static final Pattern ADDRESS = Pattern.compile("^[a-z0-9]{1,90}$");
    private static final List<String> SEAL = List.of("va", "vn", "vs");

    private SettlementOpCodec() {}

    /**
     * The op in {@code json}.
     *
     * @throws IllegalArgumentException if it is not a well-formed settlement op, naming the field
     */
    public static SettlementOp parse(JsonNode json) {
        if (json == null || !json.isObject()) {
            throw invalid("the payload is not an object");
        }
        JsonNode type = json.get("type");
        if (type == null || !type.isInt()) {
            throw invalid("type must be 11, 12 or 13");
        }
        String address = address(json.get("address"), "address");
        return switch (type.intValue()) {
            case TxSettlement.TYPE -> {
                only(json, Set.of("type", "address", "txo"), "");
                JsonNode o = body(json, "txo", List.of("tx", "txv", "iw", "in", "ch", "is", "bs", "mbs"));
                yield new TxSettlement(address, b32(o, "txo.tx"), b32(o, "txo.txv"), b32(o, "txo.iw"),
                        b32(o, "txo.ch"), b32(o, "txo.bs"), b32(o, "txo.mbs"), b32(o, "txo.in"), sig(o, "txo.is"),
                        seal(o, "txo"));
            }
            case Deployment.TYPE -> {
                only(json, Set.of("type", "address", "bdo"), "");
                JsonNode o = body(json, "bdo", List.of("tx", "txv", "bs", "ic", "in", "is"));
                yield new Deployment(address, b32(o, "bdo.tx"), b32(o, "bdo.txv"), b32(o, "bdo.bs"),
                        b32(o, "bdo.ic"), b32(o, "bdo.in"), sig(o, "bdo.is"), seal(o, "bdo"));
            }
            case Transfer.TYPE -> {
                only(json, Set.of("type", "address", "tro"), "");
                JsonNode o = body(json, "tro", List.of("tx", "txv", "to", "am", "in", "is"));
                yield new Transfer(address, b32(o, "tro.tx"), b32(o, "tro.txv"), address(o.get("to"), "tro.to"),
                        hex(o, "tro.am", 16, false), b32(o, "tro.in"), sig(o, "tro.is"), seal(o, "tro"));
            }
            default -> throw new IllegalArgumentException("Unknown operation type: " + type.intValue());
        };
    }

    /** The JSON form of {@code op}. */
    public static ObjectNode write(SettlementOp op) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("type", op.type());
        json.put("address", op.address());
        ObjectNode body = switch (op) {
            case TxSettlement tx -> json.putObject("txo").put("tx", tx.tx()).put("txv", tx.txv()).put("iw", tx.iw())
                    .put("in", tx.nonce()).put("ch", tx.ch()).put("is", tx.signature()).put("bs", tx.bs())
                    .put("mbs", tx.mbs());
            case Deployment d -> json.putObject("bdo").put("tx", d.tx()).put("txv", d.txv()).put("bs", d.bs())
                    .put("ic", d.ic()).put("in", d.nonce()).put("is", d.signature());
            case Transfer t -> json.putObject("tro").put("tx", t.tx()).put("txv", t.txv()).put("to", t.to())
                    .put("am", t.am()).put("in", t.nonce()).put("is", t.signature());
        };
        op.seal().ifPresent(seal -> body.put("va", seal.address()).put("vn", seal.nonce()).put("vs", seal.signature()));
        return json;
    }

    private static JsonNode body(JsonNode json, String name, List<String> fields) {
        JsonNode body = json.get(name);
        if (body == null || !body.isObject()) {
            throw invalid(name + " must be an object");
        }
        java.util.Set<String> allowed = new java.util.HashSet<>(fields);
        allowed.addAll(SEAL);
        only(body, allowed, name + ".");
        for (String field : fields) {
            if (!body.has(field)) {
                throw invalid(name + "." + field + " is missing");
            }
        }
        return body;
    }

    private static void only(JsonNode node, Set<String> allowed, String prefix) {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw invalid("unexpected field " + prefix + name);
            }
        }
    }

    private static Optional<ValidatorSeal> seal(JsonNode body, String name) {
        long present = SEAL.stream().filter(body::has).count();
        if (present == 0) {
            return Optional.empty();
        }
        if (present != SEAL.size()) {
            throw invalid(name + ".va, vn and vs must be all present or all absent");
        }
        return Optional.of(new ValidatorSeal(address(body.get("va"), name + ".va"), b32(body, name + ".vn"),
                sig(body, name + ".vs")));
    }

    private static String address(JsonNode node, String what) {
        if (node == null || !node.isTextual() || !ADDRESS.matcher(node.textValue()).matches()) {
            throw invalid(what + " must be an account address");
        }
        return node.textValue();
    }

    private static String b32(JsonNode body, String path) {
        return hex(body, path, 32, false);
    }

    private static String sig(JsonNode body, String path) {
        return hex(body, path, 64, false);
    }

    private static String hex(JsonNode body, String path, int bytes, boolean zeroAllowed) {
        JsonNode node = body.get(path.substring(path.indexOf('.') + 1));
        if (node == null || !node.isTextual() || node.textValue().length() != bytes * 2
                || !node.textValue().chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
            throw invalid(path + " must be " + bytes + " bytes of lowercase hex");
        }
        if (!zeroAllowed && node.textValue().chars().allMatch(c -> c == '0')) {
            throw invalid(path + " must not be all zero");
        }
        return node.textValue();
    }

    private static IllegalArgumentException invalid(String detail) {
        return new IllegalArgumentException(INVALID + " (" + detail + ")");
    }
}
