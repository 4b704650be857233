package net.intercomj.sidechannel;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Predicate;
import net.intercomj.api.network.Registration;
import net.intercomj.api.plugin.PeerConsole;
import net.intercomj.api.sidechannel.SidechannelMessage;
import net.intercomj.sidechannel.envelope.Envelope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where delivered messages go: every subscriber (the SC-Bridge, apps), and the console as
 * {@code [sidechannel:<ch>] <from>: <message>} unless the bridge is on, the peer is quiet, or an
 * app's handler said the message was its own.
 */
final class Deliveries {

    private static final Logger LOG = LoggerFactory.getLogger(Deliveries.class);

    private final List<Consumer<SidechannelMessage>> subscribers = new CopyOnWriteArrayList<>();
    private final List<Predicate<SidechannelMessage>> handlers = new CopyOnWriteArrayList<>();
    private final PeerConsole console;
    private final boolean printing;

    Deliveries(PeerConsole console, boolean printing) {
        this.console = console;
        this.printing = printing;
    }

    Registration subscribe(Consumer<SidechannelMessage> listener) {
        subscribers.add(listener);
        return () -> subscribers.remove(listener);
    }

    /** Adds an app's handler: a message it says is its own is not printed. */
    Registration handle(Predicate<SidechannelMessage> handler) {
        handlers.add(handler);
        return () -> handlers.remove(handler);
    }

    void deliver(String channel, Envelope envelope) {
        SidechannelMessage delivered = new SidechannelMessage(channel, envelope.id(), envelope.from(),
                envelope.origin(), envelope.sig(), envelope.relayedBy(), envelope.ttl(), envelope.ts(),
                envelope.message().toString());
        for (Consumer<SidechannelMessage> subscriber : subscribers) {
            try {
                subscriber.accept(delivered);
            } catch (RuntimeException e) {
                // One failing subscriber must not keep the message from the others.
                LOG.warn("A sidechannel subscriber failed: {}", e.toString());
            }
        }
        boolean handled = false;
        for (Predicate<SidechannelMessage> handler : handlers) {
            try {
                handled |= handler.test(delivered);
            } catch (RuntimeException e) {
                LOG.warn("A sidechannel handler failed: {}", e.toString());
            }
        }
        if (printing && !handled) {
            JsonNode message = envelope.message();
            String text = message.isTextual() ? message.asText() : message.toString();
            console.println("[sidechannel:" + channel + "] " + envelope.from() + ": " + text);
        }
    }
}
