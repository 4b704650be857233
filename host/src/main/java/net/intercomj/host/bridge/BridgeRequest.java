package net.intercomj.host.bridge;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * One client message: its {@code type} and the whole JSON value it came in.
 *
 * @param id   the message's {@code id} when it is an integer: every direct reply carries it back
 * @param type the {@code type} field as text; {@code "undefined"} when absent, as the original renders it
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
        String type = typeNode.isMissingNode() ? "undefined" : typeNode.isTextual() ? typeNode.asText() : typeNode.toString();
        return new BridgeRequest(id, type, body);
    }
}
