package net.intercomj.host.net.lan;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import net.intercomj.host.net.Bytes32;
import net.intercomj.host.net.swarm.PeerAddress;
import net.intercomj.host.net.wire.WireException;
import net.intercomj.host.net.wire.WireReader;
import net.intercomj.host.net.wire.WireWriter;

/**
 * The datagram format of LAN discovery: magic {@code "IL"} (u16), version (u8, 1), type (u8),
 * then by type: announce (1) topic, public key, address count (u8, at most 4), each address as
 * family (u8, 4 or 6), 4 or 16 address bytes and a non-zero port (u16); query (2) topic;
 * unannounce (3) topic, public key. Every datagram is at most {@link #MAX_DATAGRAM} bytes and
 * has no trailing bytes, so every message has exactly one encoding.
 */
final class LanCodec {

    /** Bytes in a datagram at most: well below any LAN's MTU, so datagrams are never fragmented. */
    static final int MAX_DATAGRAM = 1200;

    static final int MAGIC = 0x494C;
    static final int VERSION = 1;
    static final int ANNOUNCE = 1;
    static final int QUERY = 2;
    static final int UNANNOUNCE = 3;

    private LanCodec() {}

    /** The datagram of {@code message}. Unresolved addresses cannot be dialled and are left out. */
    static byte[] encode(LanMessage message) {
        WireWriter out = new WireWriter(160).u16(MAGIC).u8(VERSION);
        switch (message) {
            case LanMessage.Announce announce -> {
                out.u8(ANNOUNCE).bytes32(announce.topic()).bytes32(announce.peer().publicKey());
                List<InetSocketAddress> addresses = announce.peer().addresses().stream()
                        .filter(address -> !address.isUnresolved()).toList();
                out.u8(addresses.size());
                for (InetSocketAddress address : addresses) {
                    byte[] ip = address.getAddress().getAddress();
                    out.u8(ip.length == 4 ? 4 : 6).fixed(ip).u16(address.getPort());
                }
            }
            case LanMessage.Query query -> out.u8(QUERY).bytes32(query.topic());
            case LanMessage.Unannounce unannounce ->
                out.u8(UNANNOUNCE).bytes32(unannounce.topic()).bytes32(unannounce.publicKey());
        }
        return out.toByteArray();
    }

    /** The message in {@code data[offset..offset+length)}, or a WireException saying what is wrong. */
    static LanMessage decode(byte[] data, int offset, int length) throws WireException {
        if (length > MAX_DATAGRAM) {
            throw new WireException("datagram: " + length + " bytes, above the limit of " + MAX_DATAGRAM);
        }
        WireReader in = new WireReader(data, offset, length);
        if (in.u16("magic") != MAGIC) {
            throw new WireException("magic: not a LAN discovery datagram");
        }
        int version = in.u8("version");
        if (version != VERSION) {
            throw new WireException("version: unsupported " + version);
        }
        int type = in.u8("type");
        LanMessage message = switch (type) {
            case ANNOUNCE -> {
                Bytes32 topic = in.bytes32("topic");
                Bytes32 key = in.bytes32("public key");
                int count = in.u8("address count");
                if (count > PeerAddress.MAX_ADDRESSES) {
                    throw new WireException(
                            "address count: " + count + " above the limit of " + PeerAddress.MAX_ADDRESSES);
                }
                List<InetSocketAddress> addresses = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    addresses.add(address(in));
                }
                yield new LanMessage.Announce(topic, new PeerAddress(key, addresses));
            }
            case QUERY -> new LanMessage.Query(in.bytes32("topic"));
            case UNANNOUNCE -> new LanMessage.Unannounce(in.bytes32("topic"), in.bytes32("public key"));
            default -> throw new WireException("type: unknown " + type);
        };
        in.expectEnd("datagram");
        return message;
    }

    private static InetSocketAddress address(WireReader in) throws WireException {
        int family = in.u8("address family");
        byte[] ip = switch (family) {
            case 4 -> in.fixed(4, "IPv4 address");
            case 6 -> in.fixed(16, "IPv6 address");
            default -> throw new WireException("address family: unknown " + family);
        };
        int port = in.u16("port");
        if (port == 0) {
            throw new WireException("port: 0 cannot be dialled");
        }
        InetAddress address;
        try {
            address = InetAddress.getByAddress(ip);
        } catch (UnknownHostException e) {
            throw new WireException("address: " + e.getMessage());
        }
        // Java turns IPv4-mapped IPv6 bytes into an IPv4 address; refusing them keeps one encoding per address.
        if (family == 6 && !(address instanceof Inet6Address) || family == 4 && !(address instanceof Inet4Address)) {
            throw new WireException("IPv6 address: IPv4-mapped, must be sent as family 4");
        }
        return new InetSocketAddress(address, port);
    }
}
