package net.intercomj.testkit;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import net.intercomj.api.network.Registration;
import net.intercomj.api.sidechannel.SidechannelMessage;
import net.intercomj.api.sidechannel.Sidechannels;

/**
 * An in-memory sidechannel plane: peers of one {@link Hub} that joined a channel receive what the
 * others send on it, with the sender's key as the verified {@code from}. Delivery is queued and
 * runs on {@link Hub#pump}.
 */
public final class FakeSidechannels implements Sidechannels {

    /** The peers that can hear each other. */
    public static final class Hub {
        private final List<FakeSidechannels> peers = new CopyOnWriteArrayList<>();
        private final Deque<Runnable> queue = new ArrayDeque<>();
        /** The JSON of every message sent through the hub, in order. */
        public final List<String> sent = new ArrayList<>();

        /** Delivers queued messages until none is left. */
        public void pump() {
            for (int guard = 0; guard < 10_000; guard++) {
                Runnable next;
                synchronized (queue) {
                    next = queue.poll();
                }
                if (next == null) {
                    return;
                }
                next.run();
            }
            throw new IllegalStateException("message storm");
        }
    }

    private static final AtomicLong IDS = new AtomicLong();

    private final Hub hub;
    private final String key;
    private final Set<String> joined = new java.util.LinkedHashSet<>(List.of(ENTRY_CHANNEL));
    private final List<Consumer<SidechannelMessage>> listeners = new CopyOnWriteArrayList<>();
    /** False: this peer neither sends nor receives (it is offline). */
    public volatile boolean online = true;

    public FakeSidechannels(Hub hub, String key) {
        this.hub = hub;
        this.key = key;
        hub.peers.add(this);
    }

    /** Delivers {@code messageJson} to this peer's listeners as if {@code from} sent it on {@code channel}. */
    public void deliver(String channel, String from, String messageJson) {
        SidechannelMessage message = new SidechannelMessage(channel, "m" + IDS.incrementAndGet(), from, from, "00".repeat(64),
                Optional.empty(), 3, 0, messageJson);
        listeners.forEach(listener -> listener.accept(message));
    }

    @Override
    public boolean started() {
        return true;
    }

    @Override
    public synchronized List<String> channels() {
        return List.copyOf(joined);
    }

    @Override
    public int connectionCount() {
        return hub.peers.size() - 1;
    }

    @Override
    public synchronized boolean join(String channel, Optional<String> invite, Optional<String> welcome) {
        joined.add(channel);
        return true;
    }

    @Override
    public synchronized boolean leave(String channel) {
        return joined.remove(channel);
    }

    @Override
    public boolean send(String channel, String messageJson, Optional<String> invite, Optional<String> welcome) {
        join(channel, invite, welcome);
        hub.sent.add(messageJson);
        if (!online) {
            return true;
        }
        for (FakeSidechannels peer : hub.peers) {
            if (peer != this && peer.online && peer.channels().contains(channel)) {
                synchronized (hub.queue) {
                    hub.queue.add(() -> peer.deliver(channel, key, messageJson));
                }
            }
        }
        return true;
    }

    @Override
    public boolean requestOpen(String channel, Optional<String> via, Optional<String> invite, Optional<String> welcome) {
        return false;
    }

    @Override
    public Optional<String> welcome(String channel) {
        return Optional.empty();
    }

    @Override
    public String createWelcome(String channel, String text) {
        throw new UnsupportedOperationException();
    }

    @Override
    public String createInvite(String channel, String inviteeKey, Duration ttl, Optional<String> welcome) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Optional<String> decodeToken(String text) {
        return Optional.empty();
    }

    @Override
    public Registration subscribe(Consumer<SidechannelMessage> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }
}
