package net.intercomj.host.subnet.op;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Applies one op type. Implementations are stateless: everything comes from the op and the
 * context, so every peer computes the same result from the same confirmed order. A handler
 * rejects by returning {@link OpResult.Rejected}; if it throws, the op is rejected too and its
 * writes are dropped (the original halted the subnet, spec §9 item 4).
 */
public interface OpHandler {

    /** The op's {@code type}, exactly as in the log. */
    String type();

    /** Largest op of this type, in bytes of its JSON text. */
    default int maxBytes() {
        return 16 * 1024;
    }

    /** Checks and applies {@code op} (already known to be a JSON object of this type). */
    OpResult apply(JsonNode op, OpContext context);
}
