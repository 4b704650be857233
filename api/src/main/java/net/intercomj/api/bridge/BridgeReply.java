package net.intercomj.api.bridge;

import java.util.Objects;

/** What a plugin answers a {@link BridgeCall} with: a typed reply or an error. */
public sealed interface BridgeReply {

    /**
     * A reply, sent as {@code {"id":…,"type":<type>, …fields}}.
     *
     * @param type       the reply's {@code type}, e.g. {@code expense_added}
     * @param fieldsJson a JSON object whose fields follow {@code type}; {@code id} and
     *                   {@code type} in it are ignored
     */
    record Success(String type, String fieldsJson) implements BridgeReply {
        public Success {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(fieldsJson, "fieldsJson");
        }
    }

    /**
     * An error, sent as {@code {"id":…,"type":"error","error":<message>}}.
     *
     * @param message what went wrong, for the client to show, e.g. {@code Missing channel.}
     */
    record Failure(String message) implements BridgeReply {
        public Failure {
            Objects.requireNonNull(message, "message");
        }
    }

    /** A reply of {@code type} with the fields of the JSON object {@code fieldsJson}. */
    static BridgeReply success(String type, String fieldsJson) {
        return new Success(type, fieldsJson);
    }

    /** An error reply. */
    static BridgeReply failure(String message) {
        return new Failure(message);
    }
}
