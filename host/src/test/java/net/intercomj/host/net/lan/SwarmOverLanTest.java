package net.intercomj.host.net.lan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import net.intercomj.host.net.Bytes32;
import net.intercomj.host.net.swarm.Firewall;
import net.intercomj.host.net.swarm.Swarm;
import net.intercomj.host.net.swarm.SwarmConfig;
import net.intercomj.host.net.swarm.SwarmListener;
import net.intercomj.host.net.swarm.Topics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Two swarms whose only discovery is the LAN, with no bootstrap list: they find and connect to each other. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SwarmOverLanTest {

    private final List<AutoCloseable> resources = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        // Swarms first, so their unannouncements still go out.
        for (AutoCloseable resource : resources.reversed()) {
            resource.close();
        }
    }

    private Swarm swarm(LanConfig config, Bytes32 key) throws Exception {
        LanDiscovery lan = LanDiscovery.open(config);
        resources.add(lan);
        Swarm swarm = Swarm.start(SwarmConfig.defaults(InetAddress.getLoopbackAddress()), key,
                new TestHandshaker(key), lan, new SwarmListener() {}, Firewall.OPEN);
        resources.add(swarm);
        return swarm;
    }

    @Test
    void twoSwarmsOnATopicConnectThroughLanDiscoveryAlone() throws Exception {
        LanConfig config = LanTestSupport.testConfig();
        Assumptions.assumeFalse(LanDiscovery.candidates(config).isEmpty(),
                "No up, multicast-capable IPv4 interface on this machine");
        Bytes32 keyA = LanTestSupport.randomKey();
        Bytes32 keyB = LanTestSupport.randomKey();
        Swarm a = swarm(config, keyA);
        Swarm b = swarm(config, keyB);
        Bytes32 topic = Topics.named("lan-test-" + keyA.shortHex());

        a.join(topic, true, true);
        b.join(topic, true, true);

        await().atMost(Duration.ofSeconds(30)).until(() -> a.connection(keyB).isPresent()
                && b.connection(keyA).isPresent() && a.connection(keyB).get().topics().contains(topic));
        assertThat(a.discovery().describe()).startsWith("LAN: ");
    }
}
