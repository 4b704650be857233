package net.intercomj.host.net.lan;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import net.intercomj.host.net.Bytes32;
import net.intercomj.host.net.swarm.Firewall;
import net.intercomj.host.net.swarm.PeerConnection;
import net.intercomj.host.net.swarm.Swarm;
import net.intercomj.host.net.swarm.SwarmConfig;
import net.intercomj.host.net.swarm.SwarmListener;
import net.intercomj.host.net.swarm.Topics;

/**
 * A peer in its own process, for {@link TwoNamespacesTest}: a swarm listening on every
 * interface with LAN discovery (default group and port) as its only discovery, joined to one
 * topic. Prints {@code READY <own key>} once joined and {@code CONNECTED <remote key> <address>}
 * for every connection; runs until its standard input ends.
 *
 * <p>Arguments: own key (64 hex characters), topic name.
 */
public final class LanPeerMain {

    private LanPeerMain() {}

    public static void main(String[] args) throws Exception {
        Bytes32 key = Bytes32.fromHex(args[0]);
        Bytes32 topic = Topics.named(args[1]);
        try (LanDiscovery lan = LanDiscovery.open(LanConfig.defaults());
                Swarm swarm = Swarm.start(SwarmConfig.defaults(InetAddress.getByName("0.0.0.0")), key,
                        new TestHandshaker(key), lan, new SwarmListener() {
                            @Override
                            public void onConnection(PeerConnection connection) {
                                say("CONNECTED " + connection.remotePublicKey().toHex() + " "
                                        + connection.remoteAddress().getAddress().getHostAddress());
                            }
                        }, Firewall.OPEN)) {
            swarm.join(topic, true, true);
            say("READY " + key.toHex() + " " + lan.describe());
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            while (in.readLine() != null) {
                // Lives until the test closes our input (or kills us).
            }
        }
    }

    private static synchronized void say(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
