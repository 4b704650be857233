package net.intercomj.host.apps.services;

import net.intercomj.api.network.PeerLink;
import net.intercomj.api.network.Port;
import net.intercomj.api.network.PortHandler;
import net.intercomj.host.net.mux.Channel;
import net.intercomj.host.net.mux.ChannelHandler;
import net.intercomj.host.net.mux.CloseReason;

/** A plugin's {@link Port}: one mux channel of opaque byte messages. */
final class PortAdapter implements Port {

    private final PeerLink link;
    private final String protocol;
    private volatile Channel<byte[]> channel;
    private volatile boolean closed;

    PortAdapter(PeerLink link, String protocol) {
        this.link = link;
        this.protocol = protocol;
    }

    /** Set once, right after the mux created the channel and before any event reaches the handler's port. */
    void bind(Channel<byte[]> channel) {
        this.channel = channel;
    }

    /** The mux handler that hands events of this port to the plugin's handler. */
    ChannelHandler<byte[]> handlerFor(PortHandler handler) {
        return new ChannelHandler<>() {
            @Override
            public void onOpen(Channel<byte[]> opened) {
                bind(opened);
                handler.onOpen(PortAdapter.this);
            }

            @Override
            public void onMessage(Channel<byte[]> from, byte[] message) {
                handler.onMessage(PortAdapter.this, message);
            }

            @Override
            public void onClose(Channel<byte[]> ended, CloseReason reason) {
                bind(ended);
                closed = true;
                handler.onClose(PortAdapter.this);
            }
        };
    }

    @Override
    public String protocol() {
        return protocol;
    }

    @Override
    public PeerLink link() {
        return link;
    }

    @Override
    public boolean trySend(byte[] message) {
        Channel<byte[]> bound = channel;
        return bound != null && bound.trySend(message);
    }

    @Override
    public boolean send(byte[] message) throws InterruptedException {
        Channel<byte[]> bound = channel;
        return bound != null && bound.send(message);
    }

    @Override
    public void close() {
        closed = true;
        Channel<byte[]> bound = channel;
        if (bound != null) {
            bound.close();
        }
    }

    @Override
    public boolean isOpen() {
        return !closed;
    }

    @Override
    public String toString() {
        return protocol + " with " + link.remoteKey().substring(0, 8);
    }
}
