package net.intercomj.host.bridge;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import net.intercomj.api.sidechannel.SidechannelMessage;

/**
 * The connected clients, and the fan-out of events to them: only authenticated clients get
 * events, and only those their subscriptions and filter let through (spec §3.6–3.8).
 */
final class BridgeClients {

    private final Set<BridgeSession> sessions = ConcurrentHashMap.newKeySet();
    private final Set<String> filterChannels;

    /** @param filterChannels channels filters apply to; empty means all ({@code --sc-bridge-filter-channel}) */
    BridgeClients(List<String> filterChannels) {
        this.filterChannels = Set.copyOf(filterChannels);
    }

    void add(BridgeSession session) {
        sessions.add(session);
    }

    void remove(BridgeSession session) {
        sessions.remove(session);
    }

    int size() {
        return sessions.size();
    }

    /** Delivers a sidechannel message as {@code sidechannel_message}. */
    void deliver(SidechannelMessage message) {
        SidechannelEvent event = SidechannelEvent.of(message);
        boolean filtered = filterChannels.isEmpty() || filterChannels.contains(event.channel());
        for (BridgeSession session : sessions) {
            if (session.authenticated() && session.receives(event.channel())
                    && (!filtered || session.filter().matches(event.filterText()))) {
                session.sendEncoded(event.utf8());
            }
        }
    }

    /** Sends an event to every authenticated client. */
    void pushToAll(ByteBuffer utf8) {
        for (BridgeSession session : sessions) {
            if (session.authenticated()) {
                session.sendEncoded(utf8);
            }
        }
    }

    /** Sends an event to the authenticated clients that receive {@code channel}. */
    void pushToChannel(String channel, ByteBuffer utf8) {
        for (BridgeSession session : sessions) {
            if (session.authenticated() && session.receives(channel)) {
                session.sendEncoded(utf8);
            }
        }
    }
}
