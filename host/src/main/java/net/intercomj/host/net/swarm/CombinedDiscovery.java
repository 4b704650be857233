package net.intercomj.host.net.swarm;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import net.intercomj.host.net.Bytes32;

/** Several discoveries used together (the DHT and the LAN): each call runs on all of them at once. */
public final class CombinedDiscovery implements Discovery {

    private final List<Discovery> parts;

    public CombinedDiscovery(List<Discovery> parts) {
        this.parts = List.copyOf(parts);
    }

    @Override
    public void announce(Bytes32 topic, PeerAddress self) {
        onAll(part -> part.announce(topic, self));
    }

    @Override
    public void unannounce(Bytes32 topic, PeerAddress self) {
        onAll(part -> part.unannounce(topic, self));
    }

    @Override
    public void lookup(Bytes32 topic, Consumer<PeerAddress> found) {
        onAll(part -> part.lookup(topic, found));
    }

    @Override
    public String describe() {
        return String.join("; ", parts.stream().map(Discovery::describe).toList());
    }

    @Override
    public void close() {
        parts.forEach(Discovery::close);
    }

    private void onAll(Consumer<Discovery> call) {
        if (parts.size() == 1) {
            call.accept(parts.get(0));
            return;
        }
        List<Thread> threads = new ArrayList<>();
        for (Discovery part : parts) {
            threads.add(Thread.ofVirtual().start(() -> call.accept(part)));
        }
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
