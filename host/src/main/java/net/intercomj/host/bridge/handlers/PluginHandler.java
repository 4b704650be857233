package net.intercomj.host.bridge.handlers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.intercomj.api.bridge.BridgeCall;
import net.intercomj.api.bridge.BridgeMessageHandler;
import net.intercomj.api.bridge.BridgeReply;
import net.intercomj.host.bridge.BridgeClient;
import net.intercomj.host.bridge.BridgeHandler;
import net.intercomj.host.bridge.BridgeRequest;
import net.intercomj.host.bridge.Replies;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A type a plugin added: its handler's reply goes back with the request's id. */
public final class PluginHandler implements BridgeHandler {

    private static final Logger LOG = LoggerFactory.getLogger(PluginHandler.class);
    // Fields followed by more text are not a JSON object; Jackson would ignore the rest unless told.
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final String type;
    private final BridgeMessageHandler handler;

    public PluginHandler(String type, BridgeMessageHandler handler) {
        this.type = type;
        this.handler = handler;
    }

    @Override
    public String type() {
        return type;
    }

    @Override
    public boolean blocking() {
        return true;
    }

    @Override
    public void handle(BridgeClient client, BridgeRequest request) {
        BridgeReply reply;
        try {
            reply = handler.handle(new BridgeCall(type, request.body().toString()));
        } catch (RuntimeException e) {
            LOG.warn("The handler of bridge type {} failed", type, e);
            client.send(Replies.error(request.id(), e.getMessage() == null || e.getMessage().isBlank()
                    ? type + " failed." : e.getMessage()));
            return;
        }
        switch (reply) {
            case BridgeReply.Failure failure -> client.send(Replies.error(request.id(), failure.message()));
            case BridgeReply.Success success -> client.send(success(request, success));
            case null -> client.send(Replies.error(request.id(), type + " gave no reply."));
        }
    }

    private ObjectNode success(BridgeRequest request, BridgeReply.Success success) {
        ObjectNode reply = Replies.reply(request.id(), success.type());
        JsonNode fields;
        try {
            fields = JSON.readTree(success.fieldsJson());
        } catch (JsonProcessingException e) {
            LOG.warn("The handler of bridge type {} replied with fields that are not JSON: {}", type, e.getOriginalMessage());
            return Replies.error(request.id(), type + " gave an invalid reply.");
        }
        if (fields == null || !fields.isObject()) {
            LOG.warn("The handler of bridge type {} replied with fields that are not a JSON object", type);
            return Replies.error(request.id(), type + " gave an invalid reply.");
        }
        fields.properties().forEach(field -> {
            if (!field.getKey().equals("id") && !field.getKey().equals("type")) {
                reply.set(field.getKey(), field.getValue());
            }
        });
        return reply;
    }
}
