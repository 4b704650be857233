package net.intercomj.host.net.swarm;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import net.intercomj.host.net.Bytes32;
import net.intercomj.host.net.mux.MessageCodec;
import net.intercomj.host.net.wire.AddressCodec;
import net.intercomj.host.net.wire.WireException;
import net.intercomj.host.net.wire.WireReader;
import net.intercomj.host.net.wire.WireWriter;

/**
 * The swarm's own protocol, one channel per connection. Topics travel blinded with the
 * connection's handshake hash, so a peer learns only the topics both sides have joined.
 */
sealed interface SwarmMessage {

    /** Protocol name of the swarm channel. */
    String PROTOCOL = "intercom/swarm/1";

    int MAX_TOPICS = 1024;
    int MAX_PEERS = 32;

    /** Where the sender listens, so that a peer it dialled can dial it back after a drop. */
    record Hello(List<InetSocketAddress> listening) implements SwarmMessage {}

    /** Every topic the sender has joined, blinded. Replaces the previous set. */
    record Topics(List<Bytes32> blinded) implements SwarmMessage {}

    /** Peers the sender knows on a topic both have joined (peer exchange). */
    record Peers(Bytes32 blindedTopic, List<PeerAddress> peers) implements SwarmMessage {}

    MessageCodec<SwarmMessage> CODEC = new MessageCodec<>() {
        @Override
        public int type(SwarmMessage message) {
            return switch (message) {
                case Topics t -> 1;
                case Peers p -> 2;
                case Hello h -> 3;
            };
        }

        @Override
        public void write(SwarmMessage message, WireWriter out) {
            switch (message) {
                case Hello hello -> {
                    out.uvarint(hello.listening().size());
                    hello.listening().forEach(address -> AddressCodec.write(address, out));
                }
                case Topics topics -> {
                    out.uvarint(topics.blinded().size());
                    topics.blinded().forEach(out::bytes32);
                }
                case Peers peers -> {
                    out.bytes32(peers.blindedTopic()).uvarint(peers.peers().size());
                    for (PeerAddress peer : peers.peers()) {
                        out.bytes32(peer.publicKey()).uvarint(peer.addresses().size());
                        peer.addresses().forEach(address -> AddressCodec.write(address, out));
                    }
                }
            }
        }

        @Override
        public SwarmMessage read(int type, WireReader in) throws WireException {
            return switch (type) {
                case 1 -> {
                    int count = in.uvarint("topic count", MAX_TOPICS);
                    List<Bytes32> blinded = new ArrayList<>(count);
                    for (int i = 0; i < count; i++) {
                        blinded.add(in.bytes32("topic"));
                    }
                    yield new Topics(List.copyOf(blinded));
                }
                case 2 -> {
                    Bytes32 topic = in.bytes32("topic");
                    int count = in.uvarint("peer count", MAX_PEERS);
                    List<PeerAddress> peers = new ArrayList<>(count);
                    for (int i = 0; i < count; i++) {
                        Bytes32 key = in.bytes32("peer key");
                        int addressCount = in.uvarint("address count", PeerAddress.MAX_ADDRESSES);
                        List<InetSocketAddress> addresses = new ArrayList<>(addressCount);
                        for (int j = 0; j < addressCount; j++) {
                            addresses.add(AddressCodec.read(in));
                        }
                        peers.add(new PeerAddress(key, addresses));
                    }
                    yield new Peers(topic, List.copyOf(peers));
                }
                case 3 -> {
                    int count = in.uvarint("address count", PeerAddress.MAX_ADDRESSES);
                    List<InetSocketAddress> addresses = new ArrayList<>(count);
                    for (int i = 0; i < count; i++) {
                        addresses.add(AddressCodec.read(in));
                    }
                    yield new Hello(List.copyOf(addresses));
                }
                default -> throw new WireException("swarm protocol: unknown message type " + type);
            };
        }
    };
}
