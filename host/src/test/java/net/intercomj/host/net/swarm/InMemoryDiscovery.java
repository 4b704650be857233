package net.intercomj.host.net.swarm;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import net.intercomj.host.net.Bytes32;

/** A discovery shared by swarms in one test: a map from topic to announced peers. */
final class InMemoryDiscovery implements Discovery {

    private final Map<Bytes32, Map<Bytes32, PeerAddress>> records = new ConcurrentHashMap<>();

    @Override
    public void announce(Bytes32 topic, PeerAddress self) {
        records.computeIfAbsent(topic, t -> new ConcurrentHashMap<>()).put(self.publicKey(), self);
    }

    @Override
    public void unannounce(Bytes32 topic, PeerAddress self) {
        records.getOrDefault(topic, Map.of()).remove(self.publicKey());
    }

    @Override
    public void lookup(Bytes32 topic, Consumer<PeerAddress> found) {
        List.copyOf(records.getOrDefault(topic, Map.of()).values()).forEach(found);
    }

    @Override
    public String describe() {
        return records.size() + " topics";
    }

    @Override
    public void close() {}
}
