package net.intercomj.host.subnet.op.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import net.intercomj.host.net.Bytes32;
import net.intercomj.host.subnet.log.LogEntry;
import net.intercomj.host.subnet.op.CanonicalJson;
import net.intercomj.host.subnet.op.Membership;
import net.intercomj.host.subnet.op.OpApplier;
import net.intercomj.host.subnet.op.OpContext;
import net.intercomj.host.subnet.op.OpHandler;
import net.intercomj.host.subnet.op.OpResult;
import net.intercomj.host.subnet.op.OpSignature;
import net.intercomj.host.subnet.op.ViewKeys;
import net.intercomj.host.subnet.op.ViewOverlay;
import net.intercomj.host.wallet.PeerWallet;

/**
 * An in-memory subnet for admin op tests: a HashMap below a {@link ViewOverlay} that holds the
 * state, starting from the subnet's genesis (the bootstrap writer is the only writer and
 * indexer), and one more overlay per op, committed only when the op is applied (as the applier
 * does), so each outcome shows exactly the writes of its op.
 */
final class AdminFixture {

    /** The subnet creator's writer key; the subnet is named by it. */
    static final PeerWallet BOOTSTRAP = PeerWallet.generate();
    static final PeerWallet ADMIN = PeerWallet.generate();
    static final PeerWallet ADMIN2 = PeerWallet.generate();
    static final PeerWallet STRANGER = PeerWallet.generate();
    /** Writer keys that join the subnet. */
    static final PeerWallet JOINER = PeerWallet.generate();
    static final PeerWallet JOINER2 = PeerWallet.generate();

    static final Bytes32 SUBNET = Bytes32.of(BOOTSTRAP.publicKey());
    static final Bytes32 OTHER_SUBNET = Bytes32.fromHex("b2".repeat(32));

    private static final HexFormat HEX = HexFormat.of();

    private final Map<String, String> stored = new HashMap<>();
    final ViewOverlay view = new ViewOverlay(key -> Optional.ofNullable(stored.get(key)));

    /** A subnet just after its genesis: no admin, the bootstrap the only writer and indexer. */
    AdminFixture() {
        new OpApplier(SUBNET, List.of()).genesisIfEmpty(view, view);
    }

    static String hex(PeerWallet wallet) {
        return wallet.publicKeyHex();
    }

    /** A subnet with {@link #ADMIN} as its admin. */
    static AdminFixture withAdmin() {
        return new AdminFixture().admin(ADMIN);
    }

    // ---- seeding

    /** Sets {@code key} to the JSON text {@code json}. */
    AdminFixture seed(String key, String json) {
        view.put(key, json);
        return this;
    }

    AdminFixture admin(PeerWallet admin) {
        return seed(ViewKeys.ADMIN, "\"" + hex(admin) + "\"");
    }

    /** The admin waived: a stored null. */
    AdminFixture waivedAdmin() {
        return seed(ViewKeys.ADMIN, "null");
    }

    AdminFixture autoAdd(String onOrOff) {
        return seed(ViewKeys.AUTO_ADD_WRITERS, "\"" + onOrOff + "\"");
    }

    /** Makes {@code wallet}'s key a writer (not an indexer), counting it in {@code wrl}. */
    AdminFixture writer(PeerWallet wallet) {
        seed(ViewKeys.writer(hex(wallet)), "{\"indexer\":false}");
        return seed(Membership.WRITER_COUNT, Long.toString(Membership.writerCount(view) + 1));
    }

    /** Makes {@code wallet}'s key an indexer, counting it in {@code wrl} and listing it in {@code indexers}. */
    AdminFixture indexer(PeerWallet wallet) {
        seed(ViewKeys.writer(hex(wallet)), "{\"indexer\":true}");
        seed(Membership.WRITER_COUNT, Long.toString(Membership.writerCount(view) + 1));
        return seed(Membership.INDEXERS, indexersJson(sorted(Membership.indexers(view), hex(wallet))));
    }

    static List<String> sorted(List<String> keys, String... more) {
        TreeSet<String> all = new TreeSet<>(keys);
        all.addAll(List.of(more));
        return List.copyOf(all);
    }

    static String indexersJson(List<String> keys) {
        return CanonicalJson.write(JsonNodeFactory.instance.arrayNode().addAll(
                keys.stream().map(JsonNodeFactory.instance::textNode).toList()));
    }

    // ---- ops

    static ObjectNode addAdmin(String key) {
        return JsonNodeFactory.instance.objectNode().put("type", "addAdmin").put("key", key);
    }

    /** The value of a msg-signed op: {@code {msg: {type, key}}}. */
    static ObjectNode msgValue(String type, String key) {
        ObjectNode value = JsonNodeFactory.instance.objectNode();
        value.putObject("msg").put("type", type).put("key", key);
        return value;
    }

    /** A msg-signed admin op {@code {type, key, value: {msg: {type, key}}, hash, nonce}} for {@link #SUBNET}. */
    static ObjectNode msgOp(PeerWallet signer, String type, String key) {
        return msgOp(SUBNET, signer, type, key);
    }

    static ObjectNode msgOp(Bytes32 subnet, PeerWallet signer, String type, String key) {
        return OpSignature.sign(subnet, type, key, msgValue(type, key), signer::sign);
    }

    /** A msg-signed op with a chosen nonce (to reuse one, or to make one too long). */
    static ObjectNode msgOpWithNonce(PeerWallet signer, String type, String key, String nonce) {
        ObjectNode value = msgValue(type, key);
        ObjectNode op = JsonNodeFactory.instance.objectNode().put("type", type).put("key", key);
        op.set("value", value);
        op.put("hash", HEX.formatHex(signer.sign(OpSignature.signedBytes(SUBNET, type, nonce, value))));
        op.put("nonce", nonce);
        return op;
    }

    /** An {@code updateAdmin} to {@code next} (null waives), signed by {@code signer}. */
    static ObjectNode updateAdmin(PeerWallet signer, String next) {
        return updateAdmin(SUBNET, "updateAdmin", signer, next);
    }

    /** An {@code updateAdmin} value signed for {@code subnet} as an op of {@code signedType}, labelled updateAdmin. */
    static ObjectNode updateAdmin(Bytes32 subnet, String signedType, PeerWallet signer, String next) {
        ObjectNode dispatch = JsonNodeFactory.instance.objectNode().put("type", "updateAdmin")
                .put("admin", next).put("address", hex(signer));
        ObjectNode value = JsonNodeFactory.instance.objectNode();
        value.set("dispatch", dispatch);
        ObjectNode op = OpSignature.sign(subnet, signedType, null, value, signer::sign);
        op.put("type", "updateAdmin");
        return op;
    }

    /** A joiner's {@code autoAddWriter} request for {@code key}, signed by {@code signer}. */
    static ObjectNode autoAddWriter(PeerWallet signer, String key) {
        return autoAddWriter(SUBNET, signer, key);
    }

    static ObjectNode autoAddWriter(Bytes32 subnet, PeerWallet signer, String key) {
        ObjectNode value = JsonNodeFactory.instance.objectNode().put("key", key);
        return OpSignature.sign(subnet, "autoAddWriter", key, value, signer::sign);
    }

    /**
     * The op as another op type, same hash and nonce (what a replaying writer appends): the outer
     * type and, for msg-signed ops, {@code value.msg.type} too, so that only the signature can tell.
     */
    static ObjectNode relabelled(ObjectNode op, String type) {
        ObjectNode copy = op.deepCopy();
        copy.put("type", type);
        if (copy.path("value").path("msg").isObject()) {
            ((ObjectNode) copy.get("value").get("msg")).put("type", type);
        }
        return copy;
    }

    /** A copy of {@code op} with {@code value.msg.field} set to {@code text}. */
    static ObjectNode withMsgField(ObjectNode op, String field, String text) {
        ObjectNode copy = op.deepCopy();
        ((ObjectNode) copy.get("value").get("msg")).put(field, text);
        return copy;
    }

    /** The replay markers an op signed by {@code signer} leaves: {@code sh/<hash>} and {@code nc/<signer>/<nonce>}. */
    static List<String> markers(JsonNode op, PeerWallet signer) {
        return List.of(ViewKeys.signatureUsed(op.get("hash").textValue()),
                ViewKeys.nonceUsed(hex(signer), op.get("nonce").textValue()));
    }

    /** The spec's keys plus the replay markers. */
    static List<String> keys(JsonNode op, PeerWallet signer, String... specKeys) {
        List<String> keys = new ArrayList<>(List.of(specKeys));
        keys.addAll(markers(op, signer));
        return keys;
    }

    static JsonNode parse(String json) {
        try {
            return CanonicalJson.parse(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(json, e);
        }
    }

    // ---- applying

    /** Applies {@code op} appended by the bootstrap writer. */
    Outcome apply(OpHandler handler, JsonNode op) {
        return apply(handler, op, BOOTSTRAP);
    }

    /** Applies {@code op} appended by {@code appender}, as the applier would: on its own overlay, kept only when applied. */
    Outcome apply(OpHandler handler, JsonNode op, PeerWallet appender) {
        Map<String, Optional<String>> before = view.writes();
        ViewOverlay own = new ViewOverlay(view);
        LogEntry entry = LogEntry.append(SUBNET, Bytes32.of(appender.publicKey()), null, List.of(), 0,
                CanonicalJson.write(op), appender::sign);
        OpResult result = handler.apply(op, new OpContext(SUBNET, entry, own));
        Map<String, Optional<String>> writes = own.writes();
        if (result instanceof OpResult.Applied) {
            own.commitInto(view);
        }
        return new Outcome(result, writes, before, view.writes());
    }

    // ---- reading

    Optional<JsonNode> get(String key) {
        return view.get(key).map(AdminFixture::parse);
    }

    JsonNode json(String key) {
        return get(key).orElseThrow(() -> new AssertionError("unset: " + key));
    }

    /** What applying one op did, with the writes it made and the state before and after. */
    record Outcome(OpResult result, Map<String, Optional<String>> writes, Map<String, Optional<String>> before,
            Map<String, Optional<String>> after) {

        Outcome assertApplied(String logLine) {
            assertThat(result).isEqualTo(OpResult.applied(logLine));
            return this;
        }

        /** Rejected with exactly {@code reason}, and the state unchanged. */
        Outcome assertRejected(String reason) {
            assertThat(result).isInstanceOf(OpResult.Rejected.class);
            assertThat(((OpResult.Rejected) result).reason()).isEqualTo(reason);
            assertThat(after).isEqualTo(before);
            return this;
        }

        /** Rejected with a reason containing {@code reasonPart}, and the state unchanged. */
        Outcome assertRejectedContaining(String reasonPart) {
            assertThat(result).isInstanceOf(OpResult.Rejected.class);
            assertThat(((OpResult.Rejected) result).reason()).contains(reasonPart);
            assertThat(after).isEqualTo(before);
            return this;
        }

        Outcome assertWroteExactly(List<String> keys) {
            assertThat(writes.keySet()).containsExactlyInAnyOrderElementsOf(keys);
            return this;
        }
    }
}
