package net.intercomj.host.net.wire;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/** Socket addresses on the wire: {@code family (4|6) | address bytes | u16 port}, port never 0. */
public final class AddressCodec {

    private AddressCodec() {}

    public static void write(InetSocketAddress address, WireWriter out) {
        byte[] ip = address.getAddress().getAddress();
        out.u8(ip.length == 4 ? 4 : 6).fixed(ip).u16(address.getPort());
    }

    public static InetSocketAddress read(WireReader in) throws WireException {
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
