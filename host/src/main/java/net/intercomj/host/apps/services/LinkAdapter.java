package net.intercomj.host.apps.services;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import net.intercomj.api.network.PeerLink;
import net.intercomj.api.network.Port;
import net.intercomj.api.network.PortAcceptor;
import net.intercomj.api.network.PortHandler;
import net.intercomj.host.net.mux.Channel;
import net.intercomj.host.net.mux.ChannelAcceptor;
import net.intercomj.host.net.mux.ChannelSpec;
import net.intercomj.host.net.swarm.PeerConnection;

/** A plugin's {@link PeerLink}: one swarm connection, ports being mux channels on it. */
final class LinkAdapter implements PeerLink {

    private final PeerConnection connection;
    private final String remoteKey;
    /** The mux acceptor installed per served protocol, so it can be removed again. */
    private final Map<String, ChannelAcceptor> installed = new ConcurrentHashMap<>();

    LinkAdapter(PeerConnection connection) {
        this.connection = connection;
        this.remoteKey = connection.remotePublicKey().toHex();
    }

    @Override
    public String remoteKey() {
        return remoteKey;
    }

    @Override
    public boolean isOpen() {
        return !connection.mux().terminated().isDone();
    }

    @Override
    public Port open(String protocol, PortHandler handler) {
        PortAdapter port = new PortAdapter(this, protocol);
        Channel<byte[]> channel = connection.mux().open(ChannelSpec.of(protocol, BytesCodec.INSTANCE,
                port.handlerFor(handler)));
        port.bind(channel);
        return port;
    }

    /** Answers the other side's opens of {@code protocol} through {@code acceptor}. */
    void serve(String protocol, PortAcceptor acceptor) {
        ChannelAcceptor answer = open -> {
            // Plugin ports are named by protocol alone: an id means a different, unknown channel.
            if (open.id().hasRemaining()) {
                return Optional.empty();
            }
            PortHandler handler = acceptor.accept(this, protocol);
            if (handler == null) {
                return Optional.empty();
            }
            PortAdapter port = new PortAdapter(this, protocol);
            return Optional.of(ChannelSpec.of(protocol, BytesCodec.INSTANCE, port.handlerFor(handler)));
        };
        ChannelAcceptor previous = installed.put(protocol, answer);
        if (previous != null) {
            connection.mux().unregister(protocol, previous);
        }
        connection.mux().register(protocol, answer);
    }

    /** Stops answering opens of {@code protocol}. */
    void stopServing(String protocol) {
        ChannelAcceptor answer = installed.remove(protocol);
        if (answer != null) {
            connection.mux().unregister(protocol, answer);
        }
    }

    @Override
    public String toString() {
        return remoteKey.substring(0, 8) + " (" + connection.remoteAddress() + ")";
    }
}
