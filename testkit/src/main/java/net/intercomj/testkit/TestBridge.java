package net.intercomj.testkit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.intercomj.api.bridge.Bridge;
import net.intercomj.api.bridge.BridgeMessageHandler;
import net.intercomj.api.network.Registration;

/** A {@link Bridge} that records the message types, hello fields and pushes a plugin adds. */
public final class TestBridge implements Bridge {

    /** The handlers by message type. */
    public final Map<String, BridgeMessageHandler> types = new LinkedHashMap<>();
    /** The hello fields, name to JSON value. */
    public final Map<String, String> helloFields = new LinkedHashMap<>();
    /** The events pushed to all clients, as JSON. */
    public final List<String> pushed = new ArrayList<>();
    /** The events pushed to one channel's clients, as {@code <channel> <event JSON>}. */
    public final List<String> pushedToChannels = new ArrayList<>();

    @Override
    public Registration handle(String type, BridgeMessageHandler handler) {
        if (types.putIfAbsent(type, handler) != null) {
            throw new IllegalStateException("The type " + type + " is taken");
        }
        return () -> types.remove(type, handler);
    }

    @Override
    public void pushToAll(String eventJson) {
        pushed.add(eventJson);
    }

    @Override
    public void pushToChannel(String channel, String eventJson) {
        pushedToChannels.add(channel + " " + eventJson);
    }

    @Override
    public Registration helloField(String name, String valueJson) {
        if (helloFields.putIfAbsent(name, valueJson) != null) {
            throw new IllegalStateException("The hello field " + name + " is taken");
        }
        return () -> helloFields.remove(name, valueJson);
    }
}
