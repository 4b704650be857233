package net.intercomj.host.net.swarm;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import net.intercomj.host.net.Bytes32;
import net.intercomj.host.net.mux.MessageCodec;
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
                    hello.listening().forEach(address -> writeAddress(address, out));
                }
                case Topics topics -> {
                    out.uvarint(topics.blinded().size());
                    topics.blinded().forEach(out::bytes32);
                }
                case Peers peers -> {
                    out.bytes32(peers.blindedTopic()).uvarint(peers.peers().size());
                    for (PeerAddress peer : peers.peers()) {
                        out.bytes32(peer.publicKey()).uvarint(peer.addresses().size());
                        peer.addresses().forEach(address -> writeAddress(address, out));
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
                            addresses.add(readAddress(in));
                        }
                        peers.add(new PeerAddress(key, addresses));
                    }
                    yield new Peers(topic, List.copyOf(peers));
                }
                case 3 -> {
                    int count = in.uvarint("address count", PeerAddress.MAX_ADDRESSES);
                    List<InetSocketAddress> addresses = new ArrayList<>(count);
                    for (int i = 0; i < count; i++) {
                        addresses.add(readAddress(in));
                    }
                    yield new Hello(List.copyOf(addresses));
                }
                default -> throw new WireException("swarm protocol: unknown message type " + type);
            };
        }
    };

    /** {@code family (4|6) | address bytes | u16 port}. */
    static void writeAddress(InetSocketAddress address, WireWriter out) {
        byte[] ip = address.getAddress().getAddress();
        out.u8(ip.length == 4 ? 4 : 6).fixed(ip).u16(address.getPort());
    }

    static InetSocketAddress readAddress(WireReader in) throws WireException {
        int family = in.u8("address family");
        if (family != 4 && family != 6) {
            throw new WireException("address family: " + family + " is neither 4 nor 6");
        }
        byte[] ip = in.fixed(family == 4 ? 4 : 16, "address");
        int port = in.u16("port");
        if (port == 0) {
            throw new WireException("port: 0");
        }
        try {
            return new InetSocketAddress(InetAddress.getByAddress(ip), port);
        } catch (UnknownHostException impossible) {
            throw new WireException("address: " + impossible.getMessage());
        }
    }
}
