package net.intercomj.host.msb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import net.intercomj.host.msb.ops.Deployment;
import net.intercomj.host.msb.ops.SettlementOp;
import net.intercomj.host.msb.ops.SettlementOpCodec;
import net.intercomj.host.msb.ops.Transfer;
import net.intercomj.host.msb.ops.TxSettlement;
import net.intercomj.host.msb.ops.ValidatorSeal;
import net.intercomj.host.msb.state.SettleOp;
import net.intercomj.host.subnet.op.CanonicalJson;
import net.intercomj.host.subnet.op.OpResult;
import org.junit.jupiter.api.Test;

/**
 * {@link SettlementOpCodec} on random input: every valid op survives write → parse (also through
 * canonical JSON text), and every mutation of a valid op's JSON (a field dropped or added, hex of
 * another length, non-hex, all zero, another JSON type, a huge string, another type number) is
 * refused with an {@link IllegalArgumentException} whose message starts with the original's
 * "Payload is invalid." or "Unknown operation type", never with another exception; through the
 * MSB's applier, such a settle op is rejected with that message and changes nothing.
 */
class SettlementOpCodecFuzzTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Set<String> SEAL = Set.of("va", "vn", "vs");

    private final Random random = new Random(20261122);

    // ---- valid ops

    private String hex(int bytes) {
        byte[] value = new byte[bytes];
        random.nextBytes(value);
        value[random.nextInt(bytes)] |= 1; // never all zero
        return HEX.formatHex(value);
    }

    /** An address as the schema sees it: 1 to 90 lowercase letters and digits, usually a real one. */
    private String address() {
        if (random.nextInt(4) > 0) {
            byte[] key = new byte[32];
            random.nextBytes(key);
            return net.intercomj.host.wallet.TracAddress.encode("trac", key);
        }
        String chars = "abcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder out = new StringBuilder();
        int length = 1 + random.nextInt(90);
        for (int i = 0; i < length; i++) {
            out.append(chars.charAt(random.nextInt(chars.length())));
        }
        return out.toString();
    }

    private Optional<ValidatorSeal> seal() {
        return random.nextBoolean() ? Optional.empty() : Optional.of(new ValidatorSeal(address(), hex(32), hex(64)));
    }

    private SettlementOp validOp() {
        return switch (random.nextInt(3)) {
            case 0 -> new TxSettlement(address(), hex(32), hex(32), hex(32), hex(32), hex(32), hex(32), hex(32), hex(64),
                    seal());
            case 1 -> new Deployment(address(), hex(32), hex(32), hex(32), hex(32), hex(32), hex(64), seal());
            default -> new Transfer(address(), hex(32), hex(32), address(), hex(16), hex(32), hex(64), seal());
        };
    }

    @Test
    void validOpsRoundTrip() throws Exception {
        for (int i = 0; i < 3000; i++) {
            SettlementOp op = validOp();
            ObjectNode json = SettlementOpCodec.write(op);
            assertThat(SettlementOpCodec.parse(json)).isEqualTo(op);
            JsonNode reread = CanonicalJson.parse(CanonicalJson.write(json));
            assertThat(SettlementOpCodec.parse(reread)).isEqualTo(op);
            assertThat(SettlementOpCodec.write(SettlementOpCodec.parse(reread))).isEqualTo(json);
        }
    }

    // ---- mutations

    /** The name of the op's body object, or null when an earlier mutation left none. */
    private static String bodyName(JsonNode json) {
        for (String name : List.of("txo", "bdo", "tro")) {
            if (json.path(name).isObject()) {
                return name;
            }
        }
        return null;
    }

    private static boolean isAddress(String field) {
        return field.equals("address") || field.equals("to") || field.equals("va");
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private JsonNode wrongType(JsonNode current) {
        return switch (random.nextInt(8)) {
            case 0 -> JSON.nullNode();
            case 1 -> JSON.booleanNode(random.nextBoolean());
            case 2 -> JSON.numberNode(random.nextLong());
            case 3 -> JSON.numberNode(random.nextDouble());
            case 4 -> JSON.arrayNode().add(current);
            case 5 -> JSON.objectNode().set("v", current);
            case 6 -> JSON.numberNode(new java.math.BigInteger(200, random));
            default -> current.isTextual() ? JSON.numberNode(12) : JSON.textNode(current.asText());
        };
    }

    private String nonHex(String value) {
        char[] chars = value.toCharArray();
        String bad = "ABCDEFGghijxyz -_.:\u00e9\u0663\u00a0\"\\/";
        chars[random.nextInt(Math.max(1, chars.length))] = bad.charAt(random.nextInt(bad.length()));
        return new String(chars);
    }

    private String otherLength(String value) {
        int delta = 1 + random.nextInt(Math.max(2, value.length()));
        if (random.nextBoolean() || value.length() <= delta) {
            return value + hex(64).substring(0, Math.min(128, delta)) + (delta > 128 ? "a".repeat(delta - 128) : "");
        }
        return value.substring(delta);
    }

    private String huge() {
        int length = 100 + random.nextInt(random.nextInt(50) == 0 ? 200_000 : 5_000);
        return switch (random.nextInt(3)) {
            case 0 -> "a".repeat(length);
            case 1 -> "0".repeat(length);
            default -> "trac1" + "q".repeat(length);
        };
    }

    /** A copy of {@code valid} with one change the schema must refuse; returns a description. */
    private String mutate(ObjectNode json) {
        String bodyName = bodyName(json);
        if (bodyName == null) {
            json.set("type", wrongType(json.path("type")));
            return "type retyped";
        }
        ObjectNode body = (ObjectNode) json.get(bodyName);
        List<String> bodyFields = names(body);
        boolean top = random.nextInt(4) == 0;
        ObjectNode target = top ? json : body;
        List<String> fields = top ? names(json) : bodyFields;
        String field = fields.get(random.nextInt(fields.size()));
        JsonNode current = target.get(field);
        switch (random.nextInt(10)) {
            case 0 -> {
                target.remove(field);
                return "dropped " + field;
            }
            case 1 -> {
                String name = random.nextBoolean() ? List.of("va", "vn", "vs", "tx", "type", "txo", "bdo", "tro", "is")
                        .get(random.nextInt(9)) : "x" + random.nextInt(1000);
                if (target.has(name)) {
                    name = name + "_";
                }
                target.put(name, hex(32));
                return "added " + name;
            }
            case 2 -> {
                if (!current.isTextual()) {
                    target.set(field, wrongType(current));
                    return "retyped " + field;
                }
                if (isAddress(field)) {
                    // the schema takes 1 to 90 lowercase letters and digits as an address, whatever its length
                    target.put(field, random.nextBoolean() ? "" : current.textValue() + "q".repeat(91));
                    return "address resized " + field;
                }
                target.put(field, otherLength(current.textValue()));
                return "resized " + field;
            }
            case 3 -> {
                if (!current.isTextual() || isAddress(field)) {
                    target.put(field, current.isTextual() ? current.textValue().toUpperCase() + "A" : "0x12");
                    return "uppercased " + field;
                }
                target.put(field, nonHex(current.textValue()));
                return "non-hex " + field;
            }
            case 4 -> {
                if (!current.isTextual() || isAddress(field)) {
                    target.put(field, "");
                    return "emptied " + field;
                }
                target.put(field, "0".repeat(current.textValue().length()));
                return "zeroed " + field;
            }
            case 5 -> {
                target.set(field, wrongType(current));
                return "retyped " + field;
            }
            case 6 -> {
                target.put(field, huge());
                return "huge " + field;
            }
            case 7 -> {
                int type = switch (random.nextInt(4)) {
                    case 0 -> random.nextInt();
                    case 1 -> random.nextInt(20);
                    default -> List.of(11, 12, 13).get(random.nextInt(3));
                };
                if (type == json.get("type").intValue()) {
                    type = type == 13 ? 11 : type + 1;
                }
                json.put("type", type);
                return "type " + type;
            }
            case 8 -> {
                // a body from another op type, or the body under another name
                json.remove(bodyName);
                String other = List.of("txo", "bdo", "tro").stream().filter(n -> !n.equals(bodyName)).toList()
                        .get(random.nextInt(2));
                json.set(other, body);
                return "body renamed to " + other;
            }
            default -> {
                List<String> present = bodyFields.stream().filter(SEAL::contains).toList();
                if (present.isEmpty()) {
                    body.put("vs", hex(64));
                    return "a lone vs";
                }
                body.remove(present.get(random.nextInt(present.size())));
                return "seal cut";
            }
        }
    }

    private static void assertRefused(JsonNode json, String what) {
        try {
            SettlementOp op = SettlementOpCodec.parse(json);
            fail("parsed after %s: %s from %s", what, op, json);
        } catch (IllegalArgumentException e) {
            assertThat(e.getMessage()).as("%s: %s", what, json).matches(m -> m.startsWith(SettlementOpCodec.INVALID)
                    || m.startsWith("Unknown operation type"), "starts with the original's message");
        } catch (RuntimeException e) {
            throw new AssertionError("not an IllegalArgumentException after " + what + ": " + json, e);
        }
    }

    private static JsonNode reparsed(JsonNode json) {
        try {
            return CanonicalJson.parse(CanonicalJson.write(json));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void mutationsAreRefusedWithTheSchemaMessage() {
        for (int i = 0; i < 10_000; i++) {
            ObjectNode json = SettlementOpCodec.write(validOp());
            String what = mutate(json);
            assertRefused(json, what);
            assertRefused(reparsed(json), what + ", as canonical text");
        }
    }

    @Test
    void notAnOpAtAll() throws Exception {
        List<JsonNode> nodes = new ArrayList<>(List.of(JSON.nullNode(), JSON.textNode("op"), JSON.numberNode(12),
                JSON.arrayNode(), JSON.objectNode(), JSON.missingNode(), JSON.booleanNode(true),
                CanonicalJson.parse("{\"type\":12}"), CanonicalJson.parse("{\"type\":12,\"address\":\"trac1\"}"),
                CanonicalJson.parse("{\"type\":12,\"address\":\"trac1\",\"txo\":[]}"),
                CanonicalJson.parse("{\"type\":12,\"address\":\"trac1\",\"txo\":{}}"),
                CanonicalJson.parse("{\"type\":99,\"address\":\"trac1\"}"),
                CanonicalJson.parse("{\"type\":-1,\"address\":\"trac1\",\"txo\":{}}"),
                CanonicalJson.parse("{\"type\":12.0,\"address\":\"trac1\",\"txo\":{}}"),
                CanonicalJson.parse("{\"type\":12e0,\"address\":\"trac1\",\"txo\":{}}"),
                CanonicalJson.parse("{\"type\":4294967308,\"address\":\"trac1\",\"txo\":{}}")));
        nodes.add(null);
        for (JsonNode node : nodes) {
            assertRefused(node, String.valueOf(node));
        }
        // random JSON trees
        for (int i = 0; i < 5_000; i++) {
            assertRefused(randomTree(3), "a random tree");
        }
    }

    private JsonNode randomTree(int depth) {
        int kind = random.nextInt(depth <= 0 ? 4 : 7);
        return switch (kind) {
            case 0 -> JSON.textNode(random.nextBoolean() ? hex(1 + random.nextInt(64)) : address());
            case 1 -> JSON.numberNode(List.of(11, 12, 13, random.nextInt()).get(random.nextInt(4)));
            case 2 -> JSON.nullNode();
            case 3 -> JSON.booleanNode(random.nextBoolean());
            case 4 -> {
                ArrayNode array = JSON.arrayNode();
                for (int i = random.nextInt(3); i > 0; i--) {
                    array.add(randomTree(depth - 1));
                }
                yield array;
            }
            default -> {
                ObjectNode object = JSON.objectNode();
                List<String> names = List.of("type", "address", "txo", "bdo", "tro", "tx", "txv", "iw", "in", "ch", "is",
                        "bs", "mbs", "ic", "to", "am", "va", "vn", "vs");
                for (int i = random.nextInt(6); i > 0; i--) {
                    object.set(names.get(random.nextInt(names.size())), randomTree(depth - 1));
                }
                yield object;
            }
        };
    }

    @Test
    void theApplierRejectsMutatedSettleOpsWithTheSameMessage() {
        MsbFixture msb = new MsbFixture();
        for (int i = 0; i < 300; i++) {
            ObjectNode json = SettlementOpCodec.write(msb.complete(msb.transfer(msb.holder, msb.wallet().address(),
                    MsbFixture.tnk("1"))));
            String what = mutate(json);
            String expected;
            try {
                SettlementOpCodec.parse(json);
                throw new AssertionError("parsed after " + what);
            } catch (IllegalArgumentException e) {
                expected = e.getMessage();
            }
            ObjectNode settle = JSON.objectNode().put("type", SettleOp.TYPE);
            settle.set("op", json);
            var before = msb.state();
            OpResult result = msb.append(msb.validator, settle);
            String reason = MsbFixture.reason(result);
            if (CanonicalJson.write(settle).length() > new SettleOp(msb.network).maxBytes()) {
                assertThat(reason).as(what).contains("over its limit");
            } else {
                assertThat(reason).as(what).isEqualTo(expected);
            }
            assertThat(msb.state()).isEqualTo(before);
        }
        assertThat(msb.length()).isZero();
    }
}
