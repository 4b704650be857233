package net.intercomj.host.bridge;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/** Builds replies: {@code id} first when the request had one, then {@code type}. */
public final class Replies {

    private Replies() {}

    /** A reply of {@code type} to a request with {@code id}; add the other fields to it. */
    public static ObjectNode reply(Optional<Long> id, String type) {
        ObjectNode reply = JsonNodeFactory.instance.objectNode();
        id.ifPresent(value -> reply.put("id", value));
        reply.put("type", type);
        return reply;
    }

    /** {@code {"id":…,"type":"error","error":<text>}}. */
    public static ObjectNode error(Optional<Long> id, String text) {
        return reply(id, "error").put("error", text);
    }
}
