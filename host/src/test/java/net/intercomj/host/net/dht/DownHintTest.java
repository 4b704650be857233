package net.intercomj.host.net.dht;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import net.intercomj.host.net.Bytes32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A node that left is dropped by the node that still hands it out, after one failed query. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DownHintTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    @Test
    void aDeadNodeLeavesTheRoutingTableOfWhoeverReferredIt() throws Exception {
        try (DhtNode referrer = DhtNode.start(DhtConfig.of(LOOPBACK, 0, List.of()));
                DhtNode asker = DhtNode.start(DhtConfig.of(LOOPBACK, 0, List.of(referrer.localAddress())))) {
            DhtNode leaving = DhtNode.start(DhtConfig.of(LOOPBACK, 0, List.of(referrer.localAddress())));
            leaving.bootstrap();
            await().atMost(Duration.ofSeconds(10)).until(() -> referrer.stats().nodesKnown() == 1);
            leaving.close();

            // The asker learns of the dead node only from the referrer, fails to reach it, and says so.
            asker.findNode(Bytes32.fromHex("00".repeat(32)));
            await().atMost(Duration.ofSeconds(10)).until(() -> referrer.stats().nodesKnown() == 1
                    && referrer.findNode(asker.id()).equals(List.of(asker.localAddress())));
            assertThat(referrer.findNode(asker.id())).doesNotContain(leaving.localAddress());
        }
    }

    @Test
    void aHintAboutALiveNodeIsCheckedAndIgnored() throws Exception {
        try (DhtNode referrer = DhtNode.start(DhtConfig.of(LOOPBACK, 0, List.of()));
                DhtNode alive = DhtNode.start(DhtConfig.of(LOOPBACK, 0, List.of(referrer.localAddress())));
                DhtNode liar = DhtNode.start(DhtConfig.of(LOOPBACK, 0, List.of(referrer.localAddress())))) {
            alive.bootstrap();
            liar.bootstrap();
            await().atMost(Duration.ofSeconds(10)).until(() -> referrer.stats().nodesKnown() == 2);
            // The liar claims the live node is down; the referrer pings it and keeps it.
            net.intercomj.host.net.wire.WireWriter value = new net.intercomj.host.net.wire.WireWriter();
            net.intercomj.host.net.wire.AddressCodec.write(alive.localAddress(), value);
            try (java.net.DatagramSocket raw = new java.net.DatagramSocket(0, LOOPBACK)) {
                byte[] hint = DhtCodec.encode(new DhtMessage.Request(1, java.util.Optional.empty(),
                        DhtMessage.Command.DOWN_HINT, java.util.Optional.empty(), java.util.Optional.empty(),
                        value.toByteArray()));
                raw.send(new java.net.DatagramPacket(hint, hint.length, referrer.localAddress()));
            }
            await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(5))
                    .until(() -> referrer.stats().nodesKnown() == 2);
        }
    }
}
