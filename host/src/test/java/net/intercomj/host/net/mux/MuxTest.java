package net.intercomj.host.net.mux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MuxTest {

    private SocketPair sockets;
    private Mux a;
    private Mux b;

    @BeforeEach
    void connect() throws Exception {
        sockets = SocketPair.open();
    }

    private void start(MuxConfig config) throws Exception {
        a = new Mux(MuxTransport.of(sockets.client()), config);
        b = new Mux(MuxTransport.of(sockets.server()), config);
    }

    @AfterEach
    void closeAll() throws Exception {
        if (a != null) {
            a.close();
        }
        if (b != null) {
            b.close();
        }
        sockets.close();
    }

    private static ChannelSpec<TestMessages> chat(Recorder recorder) {
        return ChannelSpec.of("chat", TestMessages.CODEC, recorder);
    }

    private static ChannelAcceptor accepting(Recorder recorder) {
        return open -> Optional.of(chat(recorder).withId(bytes(open.id())));
    }

    private static byte[] bytes(java.nio.ByteBuffer buffer) {
        byte[] out = new byte[buffer.remaining()];
        buffer.duplicate().get(out);
        return out;
    }

    @Test
    void anAcceptedChannelCarriesMessagesBothWaysInOrder() throws Exception {
        start(MuxConfig.DEFAULTS);
        Recorder atA = new Recorder();
        Recorder atB = new Recorder();
        b.register("chat", accepting(atB));
        a.start();
        b.start();

        Channel<TestMessages> channel = a.open(chat(atA).withHandshake("hello".getBytes(StandardCharsets.UTF_8)));
        List<TestMessages> sent = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            TestMessages.Text message = new TestMessages.Text("message " + i);
            sent.add(message);
            assertThat(channel.send(message)).isTrue();
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> atB.messages.size() == sent.size());
        assertThat(atB.messages).containsExactlyElementsOf(sent);
        assertThat(atB.channel.remoteHandshake()).isEqualTo(java.nio.ByteBuffer.wrap("hello".getBytes(StandardCharsets.UTF_8)));

        atB.channel.send(new TestMessages.Text("reply"));
        await().atMost(Duration.ofSeconds(10)).until(() -> atA.messages.contains(new TestMessages.Text("reply")));
        assertThat(atA.opens.get()).isEqualTo(1);
        assertThat(channel.isOpen()).isTrue();
    }

    @Test
    void bothSidesOpeningTheSameChannelPairWithoutAcceptors() throws Exception {
        start(MuxConfig.DEFAULTS);
        Recorder atA = new Recorder();
        Recorder atB = new Recorder();
        // Opened before either side reads, so the two opens cross on the wire.
        Channel<TestMessages> fromA = a.open(chat(atA).withId(new byte[] {7}));
        Channel<TestMessages> fromB = b.open(chat(atB).withId(new byte[] {7}));
        a.start();
        b.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> fromA.isOpen() && fromB.isOpen());
        fromA.send(new TestMessages.Text("x"));
        await().atMost(Duration.ofSeconds(10)).until(() -> atB.messages.equals(List.of(new TestMessages.Text("x"))));
        assertThat(atA.opens.get()).isEqualTo(1);
        assertThat(atB.opens.get()).isEqualTo(1);
    }

    @Test
    void aLocalOpenMadeWhileTheAcceptorIsAskedPairsWithTheRemoteOpen() throws Exception {
        // The acceptor runs outside the mux lock; a local open of the same channel can land in that
        // window (a plugin opening on a new link while the other side's open is being answered).
        // Rejecting the remote open then left our open waiting forever and the other side sending
        // into a channel we dropped.
        start(MuxConfig.DEFAULTS);
        Recorder atA = new Recorder();
        Recorder localAtB = new Recorder();
        Recorder acceptedAtB = new Recorder();
        List<Channel<TestMessages>> openedByB = new ArrayList<>();
        b.register("chat", open -> {
            openedByB.add(b.open(chat(localAtB)));
            return Optional.of(chat(acceptedAtB));
        });
        a.start();
        b.start();

        Channel<TestMessages> fromA = a.open(chat(atA));
        await().atMost(Duration.ofSeconds(10)).until(() -> openedByB.size() == 1 && openedByB.get(0).isOpen()
                && fromA.isOpen());
        fromA.send(new TestMessages.Text("to b"));
        openedByB.get(0).send(new TestMessages.Text("to a"));
        await().atMost(Duration.ofSeconds(10)).until(() -> localAtB.messages.equals(List.of(new TestMessages.Text("to b")))
                && atA.messages.equals(List.of(new TestMessages.Text("to a"))));
        assertThat(acceptedAtB.opens.get()).as("the acceptor's answer gives way to the local open").isZero();
        assertThat(atA.closes).isEmpty();
    }

    @Test
    void channelsWithDifferentIdsAreSeparate() throws Exception {
        start(MuxConfig.DEFAULTS);
        List<Recorder> atB = new java.util.concurrent.CopyOnWriteArrayList<>();
        b.register("chat", open -> {
            Recorder recorder = new Recorder();
            atB.add(recorder);
            return Optional.of(chat(recorder).withId(bytes(open.id())));
        });
        a.start();
        b.start();
        Channel<TestMessages> one = a.open(chat(new Recorder()).withId(new byte[] {1}));
        Channel<TestMessages> two = a.open(chat(new Recorder()).withId(new byte[] {2}));
        one.send(new TestMessages.Text("to one"));
        two.send(new TestMessages.Text("to two"));
        await().atMost(Duration.ofSeconds(10)).until(() -> atB.size() == 2
                && atB.stream().allMatch(recorder -> recorder.messages.size() == 1));
        assertThat(atB.get(0).messages).containsExactly(new TestMessages.Text("to one"));
        assertThat(atB.get(1).messages).containsExactly(new TestMessages.Text("to two"));
        assertThatThrownBy(() -> a.open(chat(new Recorder()).withId(new byte[] {1})))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("already open");
    }

    @Test
    void anOpenNobodyAnswersIsRejectedAndTheConnectionStaysUp() throws Exception {
        start(MuxConfig.DEFAULTS);
        a.start();
        b.start();
        Recorder refused = new Recorder();
        Channel<TestMessages> channel = a.open(ChannelSpec.of("nobody-speaks-this", TestMessages.CODEC, refused));
        // Sent before the reject arrives: dropped by the other side, not a protocol violation.
        channel.send(new TestMessages.Text("lost"));
        await().atMost(Duration.ofSeconds(10)).until(() -> refused.closes.size() == 1);
        assertThat(refused.closes).containsExactly(new CloseReason.Rejected());
        assertThat(refused.opens.get()).isZero();
        assertThat(channel.send(new TestMessages.Text("after"))).isFalse();

        Recorder atB = new Recorder();
        b.register("chat", accepting(atB));
        a.open(chat(new Recorder())).send(new TestMessages.Text("still connected"));
        await().atMost(Duration.ofSeconds(10)).until(() -> atB.messages.size() == 1);
        assertThat(a.terminated()).isNotDone();
    }

    @Test
    void closingEitherSideReportsOnceAndFreesTheChannelForReuse() throws Exception {
        start(MuxConfig.DEFAULTS);
        Recorder atB = new Recorder();
        b.register("chat", accepting(atB));
        a.start();
        b.start();
        Recorder atA = new Recorder();
        Channel<TestMessages> channel = a.open(chat(atA));
        await().atMost(Duration.ofSeconds(10)).until(channel::isOpen);

        channel.close();
        channel.close();
        await().atMost(Duration.ofSeconds(10)).until(() -> atB.closes.size() == 1 && a.stats().channels() == 0);
        assertThat(atA.closes).containsExactly(new CloseReason.LocalClose());
        assertThat(atB.closes).containsExactly(new CloseReason.RemoteClose());
        assertThat(channel.send(new TestMessages.Text("closed"))).isFalse();

        Recorder again = new Recorder();
        Channel<TestMessages> reopened = a.open(chat(again));
        await().atMost(Duration.ofSeconds(10)).until(reopened::isOpen);
        atB.channel.close();
        await().atMost(Duration.ofSeconds(10)).until(() -> again.closes.size() == 1);
        assertThat(again.closes).containsExactly(new CloseReason.RemoteClose());
    }

    @Test
    void aHandlerThatThrowsClosesOnlyItsChannel() throws Exception {
        start(MuxConfig.DEFAULTS);
        b.register("chat", open -> Optional.of(ChannelSpec.of("chat", TestMessages.CODEC, new ChannelHandler<>() {
            @Override
            public void onMessage(Channel<TestMessages> channel, TestMessages message) {
                throw new IllegalStateException("handler bug");
            }
        })));
        a.start();
        b.start();
        Recorder atA = new Recorder();
        a.open(chat(atA)).send(new TestMessages.Text("boom"));
        await().atMost(Duration.ofSeconds(10)).until(() -> atA.closes.size() == 1);
        assertThat(atA.closes).containsExactly(new CloseReason.RemoteClose());
        assertThat(a.terminated()).isNotDone();
    }

    @Test
    void aSlowHandlerPausesTheSenderInsteadOfGrowingMemory() throws Exception {
        MuxConfig small = new MuxConfig(1 << 20, 16, 64 << 10, 64 << 10, 1024, Duration.ofSeconds(30));
        start(small);
        sockets.server().setReceiveBufferSize(64 << 10);
        CountDownLatch gate = new CountDownLatch(1);
        Recorder atB = new Recorder(gate);
        b.register("chat", accepting(atB));
        a.start();
        b.start();
        Channel<TestMessages> channel = a.open(chat(new Recorder()));
        await().atMost(Duration.ofSeconds(10)).until(channel::isOpen);

        long sent = 0;
        // With the handler stuck, buffers fill and trySend must start refusing: nothing is unbounded.
        while (channel.trySend(new TestMessages.Blob(sent, 1024)) || sent < 10) {
            sent++;
            if (sent > 1_000_000) {
                throw new AssertionError("trySend never refused: sending is unbounded");
            }
        }
        long refusedAt = sent;
        // Loopback socket buffers can hold a few MiB; the mux itself holds at most ~128 KiB more.
        assertThat(refusedAt * 1024).isLessThan(64L << 20);

        gate.countDown();
        long total = refusedAt;
        for (int i = 0; i < 200; i++) {
            assertThat(channel.send(new TestMessages.Blob(total++, 1024))).isTrue();
        }
        long expected = total;
        await().atMost(Duration.ofSeconds(30)).until(() -> atB.messages.size() == expected);
        for (int i = 0; i < expected; i++) {
            assertThat(((TestMessages.Blob) atB.messages.get(i)).seq()).isEqualTo(i);
        }
    }

    @Test
    void aPeerThatStopsReadingIsDisconnectedAfterTheStallTimeout() throws Exception {
        MuxConfig config = new MuxConfig(1 << 20, 16, 64 << 10, 64 << 10, 1024, Duration.ofMillis(300));
        a = new Mux(MuxTransport.of(sockets.client()), config);
        sockets.server().setReceiveBufferSize(16 << 10);
        a.start();
        // The server side is a raw socket that answers nothing and never reads.
        Channel<TestMessages> channel = a.open(chat(new Recorder()));
        // Keeps sending until the mux gives up: every buffer up to the silent peer fills,
        // the write blocks, and the stall timeout must end the connection.
        Thread sender = Thread.ofVirtual().start(() -> {
            try {
                while (channel.send(new TestMessages.Blob(0, 4096))) {
                    // keep filling
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertThat(a.terminated().get(30, TimeUnit.SECONDS)).isNotEmpty();
        assertThat(sender.join(Duration.ofSeconds(10))).isTrue();
        assertThat(channel.send(new TestMessages.Blob(1, 1))).isFalse();
    }

    @Test
    void messagesLargerThanTheFrameLimitAreRefusedBeforeSending() throws Exception {
        MuxConfig config = new MuxConfig(4096, 16, 64 << 10, 64 << 10, 1024, Duration.ofSeconds(30));
        start(config);
        b.register("chat", accepting(new Recorder()));
        a.start();
        b.start();
        Channel<TestMessages> channel = a.open(chat(new Recorder()));
        assertThatThrownBy(() -> channel.send(new TestMessages.Blob(0, 5000)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("above the frame limit of 4096");
    }

    @Test
    void closingTheMuxClosesEveryChannelOnBothSides() throws Exception {
        start(MuxConfig.DEFAULTS);
        Recorder atB = new Recorder();
        b.register("chat", accepting(atB));
        a.start();
        b.start();
        Recorder atA = new Recorder();
        Channel<TestMessages> channel = a.open(chat(atA));
        channel.send(new TestMessages.Text("last words"));
        a.close();
        assertThat(b.terminated().get(10, TimeUnit.SECONDS)).isEqualTo("the other side closed the connection");
        // terminated() resolves once every channel's close is queued; the handler runs it after
        // the messages queued before it, so the last words are in by the time onClose ran.
        await().atMost(Duration.ofSeconds(10)).until(() -> atB.closes.size() == 1);
        assertThat(atB.messages).containsExactly(new TestMessages.Text("last words"));
        assertThat(atA.closes).containsExactly(new CloseReason.LocalClose());
        assertThatThrownBy(() -> a.open(chat(new Recorder()))).isInstanceOf(IllegalStateException.class);
    }
}
