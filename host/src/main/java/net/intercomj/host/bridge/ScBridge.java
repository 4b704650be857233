package net.intercomj.host.bridge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import net.intercomj.api.bridge.Bridge;
import net.intercomj.api.bridge.BridgeMessageHandler;
import net.intercomj.api.network.Registration;
import net.intercomj.api.sidechannel.SidechannelMessage;
import net.intercomj.host.bridge.handlers.PluginHandler;

/**
 * The SC-Bridge of one peer: its message types (built-in and added by plugins), its clients and,
 * once {@link #listen} is called, its server. Plugins see it as the {@link Bridge} service.
 *
 * <p>The peer creates it before its plugins start, so they can add types, and makes it listen
 * after, so no client ever talks to a half-started peer (the original listened before its
 * sidechannel existed, §6.12).
 */
public final class ScBridge implements Bridge, AutoCloseable {

    // '{"type":"x"} junk' is not a JSON object; Jackson would ignore the junk unless told.
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final Pattern TYPE = Pattern.compile("[a-z0-9_]{1,64}");

    private final BridgeSettings settings;
    private final Hello hello;
    private final BridgeDispatcher dispatcher;
    private final BridgeClients clients;
    private volatile BridgeServer server;
    private volatile WebApps webApps = WebApps.none();
    // Fields plugins added to hello, in the order added; guarded by itself.
    private final Map<String, JsonNode> helloFields = new LinkedHashMap<>();

    /** @param builtIns the bridge's own message types */
    public ScBridge(BridgeSettings settings, Hello hello, Collection<BridgeHandler> builtIns) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.hello = Objects.requireNonNull(hello, "hello");
        this.dispatcher = new BridgeDispatcher(settings.token(), settings.limits().maxFailedAuths(), settings.debug());
        this.clients = new BridgeClients(settings.filterChannels());
        builtIns.forEach(dispatcher::register);
    }

    /**
     * Starts serving clients and {@code apps} on the configured host and port.
     *
     * @throws RuntimeException if the port cannot be bound
     */
    public synchronized void listen(WebApps apps) {
        if (server != null) {
            throw new IllegalStateException("The bridge is already listening");
        }
        webApps = apps;
        // Routed through this bridge, so replaceWebApps takes effect for the next request.
        server = BridgeServer.start(settings, hello, this::helloFrame, dispatcher, clients, exchange -> webApps.handleRequest(exchange));
    }

    /** Serves {@code apps} from now on (plugins were loaded or unloaded), closing the ones served before. */
    public synchronized void replaceWebApps(WebApps apps) {
        WebApps before = webApps;
        webApps = Objects.requireNonNull(apps, "apps");
        before.close();
    }

    /** The address listened on; the port is the real one when 0 was configured. */
    public InetSocketAddress address() {
        BridgeServer running = server;
        if (running == null) {
            throw new IllegalStateException("The bridge is not listening");
        }
        return running.address();
    }

    /** How many clients are connected, authenticated or not. */
    public int clientCount() {
        return clients.size();
    }

    /** Delivers a sidechannel message to the clients that should see it. */
    public void deliver(SidechannelMessage message) {
        clients.deliver(message);
    }

    @Override
    public Registration handle(String type, BridgeMessageHandler handler) {
        Objects.requireNonNull(handler, "handler");
        if (type == null || !TYPE.matcher(type).matches()) {
            throw new IllegalArgumentException("Invalid bridge type \"" + type
                    + "\": expected 1 to 64 lowercase letters, digits or _.");
        }
        PluginHandler registered = new PluginHandler(type, handler);
        dispatcher.register(registered);
        return () -> dispatcher.unregister(registered);
    }

    @Override
    public Registration helloField(String name, String valueJson) {
        if (name == null || name.isEmpty() || Hello.FIELDS.contains(name)) {
            throw new IllegalArgumentException("Invalid hello field \"" + name + "\": empty or one of the bridge's own "
                    + Hello.FIELDS);
        }
        JsonNode value;
        try {
            value = JSON.readTree(Objects.requireNonNull(valueJson, "valueJson"));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("The hello field " + name + " must be JSON: " + e.getOriginalMessage());
        }
        if (value == null || value.isMissingNode()) {
            throw new IllegalArgumentException("The hello field " + name + " must be JSON, not empty text");
        }
        synchronized (helloFields) {
            if (helloFields.containsKey(name)) {
                throw new IllegalStateException("The hello field " + name + " is already added");
            }
            helloFields.put(name, value);
        }
        return () -> {
            synchronized (helloFields) {
                // Only this registration's value: a later one of the same name stays.
                if (helloFields.get(name) == value) {
                    helloFields.remove(name);
                }
            }
        };
    }

    /** The hello a new client gets: the bridge's own fields, then the plugins'. */
    private ObjectNode helloFrame() {
        ObjectNode frame = hello.toJson();
        synchronized (helloFields) {
            helloFields.forEach((name, value) -> frame.set(name, value.deepCopy()));
        }
        return frame;
    }

    @Override
    public void pushToAll(String eventJson) {
        clients.pushToAll(event(eventJson));
    }

    @Override
    public void pushToChannel(String channel, String eventJson) {
        Objects.requireNonNull(channel, "channel");
        clients.pushToChannel(channel, event(eventJson));
    }

    private static ByteBuffer event(String eventJson) {
        JsonNode event;
        try {
            event = JSON.readTree(Objects.requireNonNull(eventJson, "eventJson"));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("A bridge event must be JSON: " + e.getOriginalMessage());
        }
        if (event == null || !event.isObject() || !event.path("type").isTextual()) {
            throw new IllegalArgumentException("A bridge event must be a JSON object with a string \"type\"");
        }
        return ByteBuffer.wrap(event.toString().getBytes(StandardCharsets.UTF_8)).asReadOnlyBuffer();
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.close();
            server = null;
        }
        webApps.close();
    }
}
