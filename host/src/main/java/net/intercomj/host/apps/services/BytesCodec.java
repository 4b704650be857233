package net.intercomj.host.apps.services;

import net.intercomj.host.net.mux.MessageCodec;
import net.intercomj.host.net.wire.WireException;
import net.intercomj.host.net.wire.WireReader;
import net.intercomj.host.net.wire.WireWriter;

/** Plugin protocols carry opaque byte messages of type 0: the plugin owns their encoding. */
final class BytesCodec implements MessageCodec<byte[]> {

    static final BytesCodec INSTANCE = new BytesCodec();

    private BytesCodec() {}

    @Override
    public int type(byte[] message) {
        return 0;
    }

    @Override
    public void write(byte[] message, WireWriter out) {
        out.fixed(message);
    }

    @Override
    public byte[] read(int type, WireReader in) throws WireException {
        if (type != 0) {
            throw new WireException("plugin protocols have one message type (0), not " + type);
        }
        return in.rest();
    }
}
