package net.intercomj.host.subnet.op;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.intercomj.host.net.Bytes32;
import net.intercomj.host.subnet.log.LogEntry;
import net.intercomj.host.subnet.view.ViewReader;

/**
 * Applies ops in confirmed (or unconfirmed) order: finds each op's handler, checks what every
 * op must satisfy (JSON object, known type, size, appended by a current writer), runs the
 * handler on a private overlay and keeps its writes only when it succeeds. Nothing an op does
 * can stop the ops after it.
 */
public final class OpApplier {

    /** Longest op type name (the original's limit). */
    public static final int MAX_TYPE_LENGTH = 256;

    private final Bytes32 subnet;
    private final Map<String, OpHandler> handlers = new LinkedHashMap<>();
    private final VerifiedSignatures verified = new VerifiedSignatures();

    public OpApplier(Bytes32 subnet, List<OpHandler> handlers) {
        this.subnet = subnet;
        for (OpHandler handler : handlers) {
            if (this.handlers.putIfAbsent(handler.type(), handler) != null) {
                throw new IllegalArgumentException("Two handlers for op type " + handler.type());
            }
        }
    }

    public Bytes32 subnet() {
        return subnet;
    }

    /** The op types handled. */
    public List<String> types() {
        return List.copyOf(handlers.keySet());
    }

    /** Writes the subnet's first state into {@code view} if it is empty (before the first op). */
    public void genesisIfEmpty(ViewReader state, ViewOverlay view) {
        if (state.get(Membership.INDEXERS).isEmpty()) {
            OpContext.writeGenesis(subnet, view);
        }
    }

    /**
     * Applies {@code entry}'s op on top of {@code view}; its writes land there only if it is applied.
     *
     * @throws ApplyPaused if the op needs what this peer lacks yet: the pinned contract, or an MSB record
     */
    public OpResult apply(LogEntry entry, ViewOverlay view) {
        JsonNode op;
        try {
            op = CanonicalJson.parse(entry.op());
        } catch (JsonProcessingException e) {
            return OpResult.rejected("the op is not valid JSON");
        }
        if (op == null || !op.isObject()) {
            return OpResult.rejected("the op is not a JSON object");
        }
        JsonNode type = op.get("type");
        if (type == null || !type.isTextual() || type.textValue().isEmpty()
                || type.textValue().length() > MAX_TYPE_LENGTH) {
            return OpResult.rejected("the op's type must be a string of 1 to " + MAX_TYPE_LENGTH + " characters");
        }
        OpHandler handler = handlers.get(type.textValue());
        if (handler == null) {
            return OpResult.rejected("unknown op type: " + type.textValue());
        }
        int size = entry.op().getBytes(StandardCharsets.UTF_8).length;
        if (size > handler.maxBytes()) {
            return OpResult.rejected(type.textValue() + " op of " + size + " bytes is over its limit of "
                    + handler.maxBytes());
        }
        if (!Membership.isWriter(view, entry.writer().toHex())) {
            return OpResult.rejected("appended by " + entry.writer().toHex() + ", which is not a writer of this subnet");
        }
        ViewOverlay own = new ViewOverlay(view);
        OpResult result;
        try {
            result = handler.apply(op, new OpContext(subnet, entry, own, verified));
        } catch (ApplyPaused e) {
            // Not this op's fault: apply stops before it, on this peer only.
            throw e;
        } catch (RuntimeException e) {
            return OpResult.rejected(type.textValue() + " failed: " + e);
        }
        if (result instanceof OpResult.Applied) {
            own.commitInto(view);
        }
        return result;
    }
}
