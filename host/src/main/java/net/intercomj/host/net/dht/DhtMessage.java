package net.intercomj.host.net.dht;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import net.intercomj.host.net.Bytes32;

/**
 * One datagram. Requests name a command and carry what it needs; responses echo the
 * transaction id and the requester's address as the responder saw it. Command-specific
 * content (records) travels in {@code value}, encoded by {@link RecordCodec}.
 */
sealed interface DhtMessage {

    int tid();

    /** The sender's node id, present when the sender is a routable node. */
    Optional<Bytes32> senderId();

    /** The commands a node answers. */
    enum Command {
        PING(1), FIND_NODE(2), LOOKUP(3), ANNOUNCE(4), UNANNOUNCE(5), DOWN_HINT(6);

        final int code;

        Command(int code) {
            this.code = code;
        }

        static Optional<Command> of(int code) {
            for (Command command : values()) {
                if (command.code == code) {
                    return Optional.of(command);
                }
            }
            return Optional.empty();
        }
    }

    record Request(int tid, Optional<Bytes32> senderId, Command command, Optional<Bytes32> target,
            Optional<Bytes32> token, byte[] value) implements DhtMessage {}

    /** Error codes of a response. */
    int OK = 0;
    int ERROR_BAD_TOKEN = 1;
    int ERROR_BAD_RECORD = 2;
    int ERROR_BAD_REQUEST = 3;

    record Response(int tid, Optional<Bytes32> senderId, InetSocketAddress to, Optional<Bytes32> token,
            List<InetSocketAddress> closerNodes, int error, byte[] value) implements DhtMessage {}
}
