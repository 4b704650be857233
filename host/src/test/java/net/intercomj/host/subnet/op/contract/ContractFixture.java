package net.intercomj.host.subnet.op.contract;

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
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import net.intercomj.host.net.Bytes32;
import net.intercomj.host.subnet.log.LogEntry;
import net.intercomj.host.subnet.op.CanonicalJson;
import net.intercomj.host.subnet.op.ContractCalls;
import net.intercomj.host.subnet.op.OpApplier;
import net.intercomj.host.subnet.op.OpContext;
import net.intercomj.host.subnet.op.OpHandler;
import net.intercomj.host.subnet.op.OpResult;
import net.intercomj.host.subnet.op.ViewKeys;
import net.intercomj.host.subnet.op.ViewOverlay;
import net.intercomj.host.wallet.PeerWallet;

/**
 * An in-memory subnet view for the contract op tests: a HashMap below a {@link ViewOverlay} that
 * holds the state, and one more overlay per op, committed only when the op is applied (as the
 * applier does), so each outcome shows exactly the writes of its op. {@link #WRITER} appends
 * every op and is a writer, so ops can go through an {@link OpApplier} too.
 */
final class ContractFixture {

    static final PeerWallet ADMIN = PeerWallet.generate();
    static final PeerWallet STRANGER = PeerWallet.generate();
    static final PeerWallet WRITER = PeerWallet.generate();
    /** Transaction requesters ({@code ipk}) and an MSB validator ({@code wp}). */
    static final PeerWallet ALICE = PeerWallet.generate();
    static final PeerWallet BOB = PeerWallet.generate();
    static final PeerWallet VALIDATOR = PeerWallet.generate();

    static final Bytes32 SUBNET = Bytes32.fromHex("a1".repeat(32));
    static final Bytes32 OTHER_SUBNET = Bytes32.fromHex("b2".repeat(32));

    private final Map<String, String> stored = new HashMap<>();
    final ViewOverlay view = new ViewOverlay(key -> Optional.ofNullable(stored.get(key)));

    ContractFixture() {
        seed(ViewKeys.writer(hex(WRITER)), "{\"indexer\":false}");
    }

    /** A subnet with {@link #ADMIN} as its admin. */
    static ContractFixture withAdmin() {
        return new ContractFixture().seed(ViewKeys.ADMIN, "\"" + hex(ADMIN) + "\"");
    }

    static String hex(PeerWallet wallet) {
        return wallet.publicKeyHex();
    }

    /** Sets {@code key} to the JSON text {@code json}. */
    ContractFixture seed(String key, String json) {
        view.put(key, json);
        return this;
    }

    static JsonNode parse(String json) {
        try {
            return CanonicalJson.parse(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(json, e);
        }
    }

    /** A copy of {@code op} with the field at {@code path} (dot-separated) set to {@code json}, or removed when null. */
    static ObjectNode with(JsonNode op, String path, String json) {
        ObjectNode copy = op.deepCopy();
        String[] parts = path.split("\\.");
        ObjectNode parent = copy;
        for (int i = 0; i < parts.length - 1; i++) {
            parent = (ObjectNode) parent.get(parts[i]);
        }
        String last = parts[parts.length - 1];
        if (json == null) {
            parent.remove(last);
        } else {
            parent.set(last, parse(json));
        }
        return copy;
    }

    static String quoted(String text) {
        return JsonNodeFactory.instance.textNode(text).toString();
    }

    // ---- applying

    /** Applies {@code op} as the applier would: on its own overlay, kept only when applied. */
    Outcome apply(OpHandler handler, JsonNode op) {
        Map<String, Optional<String>> before = view.writes();
        ViewOverlay own = new ViewOverlay(view);
        OpResult result = handler.apply(op, new OpContext(SUBNET, entry(CanonicalJson.write(op)), own));
        Map<String, Optional<String>> writes = own.writes();
        if (result instanceof OpResult.Applied) {
            own.commitInto(view);
        }
        return new Outcome(result, writes, before, view.writes());
    }

    /** Applies the op text through {@code applier}, appended by {@link #WRITER}. */
    OpResult apply(OpApplier applier, String opText) {
        return applier.apply(entry(opText), view);
    }

    static LogEntry entry(String opText) {
        return LogEntry.append(SUBNET, Bytes32.of(WRITER.publicKey()), null, List.of(), 0, opText, WRITER::sign);
    }

    // ---- reading

    Optional<String> get(String key) {
        return view.get(key);
    }

    /** What applying one op did, with the writes it made and the state before and after. */
    record Outcome(OpResult result, Map<String, Optional<String>> writes, Map<String, Optional<String>> before,
            Map<String, Optional<String>> after) {

        Outcome assertApplied() {
            assertThat(result).isEqualTo(OpResult.applied(null));
            return this;
        }

        /** Rejected with exactly {@code reason}, and the state unchanged. */
        Outcome assertRejected(String reason) {
            assertThat(result).isEqualTo(OpResult.rejected(reason));
            assertThat(after).isEqualTo(before);
            return this;
        }

        Outcome assertWroteExactly(List<String> keys) {
            assertThat(writes.keySet()).containsExactlyInAnyOrderElementsOf(keys);
            return this;
        }
    }

    /** A contract that records its calls and does what the test tells it. */
    static final class FakeContract implements ContractCalls {

        final List<JsonNode> featureOps = new ArrayList<>();
        final List<JsonNode> txOps = new ArrayList<>();
        final List<OpContext> contexts = new ArrayList<>();
        BiConsumer<JsonNode, OpContext> onFeature = (op, context) -> {};
        BiFunction<JsonNode, OpContext, TxOutcome> onTx = (op, context) -> TxOutcome.ok();
        /** What {@link #feature} reports after {@link #onFeature} ran: empty for success. */
        Optional<String> featureFailure = Optional.empty();
        final List<JsonNode> messageOps = new ArrayList<>();
        BiFunction<JsonNode, OpContext, Optional<String>> onMessage = (op, context) -> Optional.empty();

        @Override
        public Optional<String> feature(JsonNode op, OpContext context) {
            featureOps.add(op);
            contexts.add(context);
            onFeature.accept(op, context);
            return featureFailure;
        }

        @Override
        public Optional<String> message(JsonNode op, OpContext context) {
            messageOps.add(op);
            contexts.add(context);
            return onMessage.apply(op, context);
        }

        @Override
        public TxOutcome tx(JsonNode op, OpContext context) {
            txOps.add(op);
            contexts.add(context);
            return onTx.apply(op, context);
        }
    }
}
