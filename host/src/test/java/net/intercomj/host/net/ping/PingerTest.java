package net.intercomj.host.net.ping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import net.intercomj.host.net.mux.Mux;
import net.intercomj.host.net.mux.MuxConfig;
import net.intercomj.host.net.mux.MuxTransport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PingerTest {

    @Test
    void bothSidesPingEachOtherAtOnceOverOneChannel() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                Socket client = new Socket(InetAddress.getLoopbackAddress(), listener.getLocalPort());
                Socket server = listener.accept()) {
            Mux a = new Mux(MuxTransport.of(client), MuxConfig.DEFAULTS);
            Mux b = new Mux(MuxTransport.of(server), MuxConfig.DEFAULTS);
            Pinger fromA = Pinger.install(a);
            Pinger fromB = Pinger.install(b);
            a.start();
            b.start();
            List<Duration> rtts = new ArrayList<>();
            Thread other = Thread.ofVirtual().start(() -> {
                try {
                    for (int i = 0; i < 100; i++) {
                        fromB.ping(100, Duration.ofSeconds(10));
                    }
                } catch (InterruptedException | TimeoutException e) {
                    throw new AssertionError(e);
                }
            });
            for (int i = 0; i < 100; i++) {
                rtts.add(fromA.ping(100, Duration.ofSeconds(10)));
            }
            other.join();
            assertThat(rtts).hasSize(100).allMatch(rtt -> rtt.toNanos() > 0);
            assertThat(a.stats().channels()).isEqualTo(1);

            b.close();
            assertThat(a.terminated().get(10, TimeUnit.SECONDS)).isNotEmpty();
            assertThatThrownBy(() -> fromA.ping(1, Duration.ofSeconds(5))).isInstanceOf(TimeoutException.class);
        }
    }
}
