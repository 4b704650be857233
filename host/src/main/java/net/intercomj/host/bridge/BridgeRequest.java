package net.intercomj.host.bridge;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * One client message: its {@code type} and the whole JSON value it came in.
 *
 * @param id   the message's {@code id} when it is an integer: every direct reply carries it back
 * @param type the {@code type} field as JavaScript's {@code String()} renders it, as the original's
 *             error does: {@code "undefined"} when absent, {@code "[object Object]"} for an object
 * @param body the message as parsed (an object, or an array, which the original treated as one)
 */
public record BridgeRequest(Optional<Long> id, String type, JsonNode body) {

    /** Reads a parsed message; the original echoed only integral ids, never strings or fractions. */
    static BridgeRequest of(JsonNode body) {
        JsonNode idNode = body.path("id");
        Optional<Long> id = idNode.isIntegralNumber() && idNode.canConvertToLong()
                ? Optional.of(idNode.asLong())
                : idNode.isFloatingPointNumber() && idNode.asDouble() == Math.rint(idNode.asDouble())
                        && Math.abs(idNode.asDouble()) < 0x1p53 ? Optional.of((long) idNode.asDouble()) : Optional.empty();
        JsonNode typeNode = body.path("type");
        String type = JsValues.string(typeNode);
        return new BridgeRequest(id, type, body);
    }
}
