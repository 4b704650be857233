package net.intercomj.host.subnet.op.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.intercomj.host.subnet.op.ContractCalls;
import net.intercomj.host.net.Bytes32;
import net.intercomj.host.subnet.log.LogEntry;
import net.intercomj.host.subnet.op.CanonicalJson;
import net.intercomj.host.subnet.op.OpContext;
import net.intercomj.host.subnet.op.OpHandler;
import net.intercomj.host.subnet.op.OpResult;
import net.intercomj.host.subnet.op.OpSignature;
import net.intercomj.host.subnet.op.ViewKeys;
import net.intercomj.host.subnet.op.ViewOverlay;
import net.intercomj.host.wallet.PeerWallet;

/**
 * An in-memory subnet view for op tests: a HashMap below a {@link ViewOverlay} that holds the
 * state, and one more overlay per op, committed only when the op is applied (as the applier
 * does), so each outcome shows exactly the writes of its op.
 */
final class ChatFixture {

    static final PeerWallet ADMIN = PeerWallet.generate();
    static final PeerWallet MOD = PeerWallet.generate();
    static final PeerWallet MOD2 = PeerWallet.generate();
    static final PeerWallet ALICE = PeerWallet.generate();
    static final PeerWallet BOB = PeerWallet.generate();
    static final PeerWallet WRITER = PeerWallet.generate();

    static final Bytes32 SUBNET = Bytes32.fromHex("a1".repeat(32));
    static final Bytes32 OTHER_SUBNET = Bytes32.fromHex("b2".repeat(32));

    private final Map<String, String> stored = new HashMap<>();
    final ViewOverlay view = new ViewOverlay(key -> Optional.ofNullable(stored.get(key)));

    static String hex(PeerWallet wallet) {
        return wallet.publicKeyHex();
    }

    // ---- seeding

    /** Sets {@code key} to the JSON text {@code json}. */
    ChatFixture seed(String key, String json) {
        view.put(key, json);
        return this;
    }

    ChatFixture admin(PeerWallet admin) {
        return seed(ViewKeys.ADMIN, "\"" + hex(admin) + "\"");
    }

    /** The usual start: an admin, chat on, one moderator. */
    static ChatFixture standard() {
        return new ChatFixture().admin(ADMIN).chatOn().mod(MOD);
    }

    ChatFixture chatOn() {
        return seed(ViewKeys.CHAT_STATUS, "\"on\"");
    }

    ChatFixture mod(PeerWallet mod) {
        return seed(ViewKeys.mod(hex(mod)), "true");
    }

    // ---- ops

    static ObjectNode dispatch(String type) {
        return JsonNodeFactory.instance.objectNode().put("type", type);
    }

    /** A fresh new-message dispatch by {@code author}. */
    static ObjectNode msgDispatch(PeerWallet author, String text) {
        ObjectNode dispatch = dispatch("msg").put("msg", text).put("address", hex(author));
        dispatch.putArray("attachments");
        dispatch.putNull("deleted_by");
        dispatch.putNull("reply_to");
        dispatch.put("pinned", false);
        dispatch.putNull("pin_id");
        return dispatch;
    }

    /** An op of {@code type} carrying {@code dispatch}, signed by {@code signer} for {@link #SUBNET}. */
    static ObjectNode signed(String type, PeerWallet signer, ObjectNode dispatch) {
        return signed(SUBNET, type, signer, dispatch);
    }

    static ObjectNode signed(Bytes32 subnet, String type, PeerWallet signer, ObjectNode dispatch) {
        ObjectNode value = JsonNodeFactory.instance.objectNode();
        value.set("dispatch", dispatch);
        return OpSignature.sign(subnet, type, null, value, signer::sign);
    }

    /** The op as another op type, same value, hash and nonce (what a replaying writer appends). */
    static ObjectNode relabelled(ObjectNode op, String type) {
        ObjectNode copy = op.deepCopy();
        copy.put("type", type);
        return copy;
    }

    /** A copy of {@code op} with {@code value.dispatch.field} replaced by {@code json}. */
    static ObjectNode withField(ObjectNode op, String field, String json) {
        ObjectNode copy = op.deepCopy();
        try {
            ((ObjectNode) copy.get("value").get("dispatch")).set(field, CanonicalJson.parse(json));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(json, e);
        }
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

    // ---- applying

    /** Applies {@code op} as the applier would: on its own overlay, kept only when applied. */
    Outcome apply(OpHandler handler, JsonNode op) {
        ViewOverlay own = new ViewOverlay(view);
        LogEntry entry = LogEntry.append(SUBNET, Bytes32.of(WRITER.publicKey()), null, List.of(), 0,
                CanonicalJson.write(op), WRITER::sign);
        OpResult result = handler.apply(op, new OpContext(SUBNET, entry, own));
        Map<String, Optional<String>> writes = own.writes();
        if (result instanceof OpResult.Applied) {
            own.commitInto(view);
        }
        return new Outcome(result, writes);
    }

    /** Posts {@code text} as {@code author} and returns the message id. */
    long post(PeerWallet author, String text) {
        long id = counter(ViewKeys.MESSAGE_COUNT);
        apply(new MsgOp(ContractCalls.NONE), signed("msg", author, msgDispatch(author, text))).assertApplied();
        return id;
    }

    // ---- reading

    Optional<JsonNode> get(String key) {
        return view.get(key).map(text -> {
            try {
                return CanonicalJson.parse(text);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    JsonNode json(String key) {
        return get(key).orElseThrow(() -> new AssertionError("unset: " + key));
    }

    long counter(String key) {
        return get(key).map(JsonNode::longValue).orElse(0L);
    }

    /** What applying one op did, with the writes it made. */
    record Outcome(OpResult result, Map<String, Optional<String>> writes) {

        Outcome assertApplied() {
            assertThat(result).isInstanceOf(OpResult.Applied.class);
            return this;
        }

        Outcome assertApplied(String logLine) {
            assertThat(result).isEqualTo(OpResult.applied(logLine));
            return this;
        }

        /** Rejected, with a reason containing {@code reasonPart}, and nothing kept. */
        Outcome assertRejected(String reasonPart) {
            assertThat(result).isInstanceOf(OpResult.Rejected.class);
            assertThat(((OpResult.Rejected) result).reason()).contains(reasonPart);
            return this;
        }

        Outcome assertWroteExactly(List<String> keys) {
            assertThat(writes.keySet()).containsExactlyInAnyOrderElementsOf(keys);
            return this;
        }
    }
}
