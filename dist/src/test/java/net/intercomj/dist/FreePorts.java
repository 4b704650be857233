package net.intercomj.dist;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.ServerSocket;

/** Ports free right now, for peers the tests start as processes. */
final class FreePorts {

    private FreePorts() {}

    static int udp() throws IOException {
        try (DatagramSocket probe = new DatagramSocket(0)) {
            return probe.getLocalPort();
        }
    }

    static int tcp() throws IOException {
        try (ServerSocket probe = new ServerSocket(0)) {
            return probe.getLocalPort();
        }
    }
}
