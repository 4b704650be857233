package net.intercomj.host.net.mux;

import net.intercomj.host.net.wire.WireException;
import net.intercomj.host.net.wire.WireReader;
import net.intercomj.host.net.wire.WireWriter;

/**
 * How one protocol's messages travel on a channel. A protocol has a closed set of messages
 * (typically a sealed interface of records), each with a type number fixed by the protocol.
 *
 * @param <M> the protocol's message type
 */
public interface MessageCodec<M> {

    /** The type number of {@code message}, 0 to 65535. */
    int type(M message);

    /** Writes the body of {@code message} (without its type). */
    void write(M message, WireWriter out);

    /**
     * Reads a message of {@code type} from its body. Must consume the whole body and throw
     * {@link WireException} for anything malformed, including an unknown type: a peer that
     * sends one is disconnected.
     */
    M read(int type, WireReader in) throws WireException;
}
