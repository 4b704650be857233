package net.intercomj.host.net.mux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import net.intercomj.host.net.Fuzz;
import net.intercomj.host.net.wire.WireException;
import net.intercomj.host.net.wire.WireWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What the mux does with a peer that breaks the protocol: one log line, disconnect, nothing kept. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class HostilePeerTest {

    private static final MuxConfig SMALL = new MuxConfig(64 << 10, 32, 64 << 10, 64 << 10, 1024, Duration.ofSeconds(5));

    /** Frames as a hostile peer would write them, length prefix included. */
    private static byte[] stream(Frame... frames) {
        WireWriter out = new WireWriter();
        for (Frame frame : frames) {
            WireWriter body = new WireWriter();
            FrameCodec.encode(frame, body);
            out.uvarint(body.size()).fixed(body.toByteArray());
        }
        return out.toByteArray();
    }

    private static Frame.Open open(int id, String protocol) {
        return new Frame.Open(id, protocol, ByteBuffer.allocate(0), ByteBuffer.allocate(0));
    }

    private static Frame.Message text(int id, String text) {
        WireWriter payload = new WireWriter();
        TestMessages.CODEC.write(new TestMessages.Text(text), payload);
        return new Frame.Message(id, 1, ByteBuffer.wrap(payload.toByteArray()));
    }

    /** Runs a mux on {@code input} and returns why it ended. */
    private static String runOn(byte[] input, ChannelAcceptor acceptor, AtomicInteger peakChannels) throws Exception {
        MuxTransport transport = new MuxTransport() {
            private final InputStream in = new ByteArrayInputStream(input);

            @Override
            public InputStream input() {
                return in;
            }

            @Override
            public OutputStream output() {
                return OutputStream.nullOutputStream();
            }

            @Override
            public String describe() {
                return "hostile peer";
            }

            @Override
            public void close() {}
        };
        Mux mux = new Mux(transport, SMALL);
        mux.register("chat", open -> {
            peakChannels.accumulateAndGet(mux.stats().channels() + 1, Math::max);
            return acceptor.accept(open);
        });
        mux.start();
        return mux.terminated().get(30, TimeUnit.SECONDS);
    }

    private static String runOn(byte[] input) throws Exception {
        return runOn(input, open -> Optional.of(ChannelSpec.of("chat", TestMessages.CODEC, new Recorder())
                .withId(bytes(open.id()))), new AtomicInteger());
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] out = new byte[buffer.remaining()];
        buffer.duplicate().get(out);
        return out;
    }

    @Test
    void aFrameClaimingAHugeLengthIsRefusedBeforeAllocating() throws Exception {
        byte[] claim = new WireWriter().uvarint(200L << 20).toByteArray();
        assertThat(runOn(claim)).isEqualTo("protocol violation: frame length: 209715200 is outside 1..65536");
    }

    @Test
    void aStreamCutInsideAFrameIsAConnectionLoss() throws Exception {
        byte[] whole = stream(open(1, "chat"), text(1, "hello there"));
        byte[] cut = java.util.Arrays.copyOf(whole, whole.length - 3);
        assertThat(runOn(cut)).startsWith("connection lost: stream ended inside a frame");
    }

    @Test
    void aMessageOnAChannelNeverOpenedIsAViolation() throws Exception {
        assertThat(runOn(stream(text(5, "who am I"))))
                .isEqualTo("protocol violation: message on channel 5, which is not open");
    }

    @Test
    void openingTheSameChannelTwiceIsAViolation() throws Exception {
        assertThat(runOn(stream(open(1, "chat"), open(1, "chat"))))
                .isEqualTo("protocol violation: open: channel 1 is already open");
    }

    @Test
    void aMessageOfAnUnknownTypeIsAViolation() throws Exception {
        Frame.Message unknown = new Frame.Message(1, 99, ByteBuffer.allocate(0));
        assertThat(runOn(stream(open(1, "chat"), unknown)))
                .isEqualTo("protocol violation: test protocol: unknown message type 99");
    }

    @Test
    void thousandsOfOpensAreCappedAndThenDisconnected() throws Exception {
        Frame[] frames = new Frame[5000];
        for (int i = 0; i < frames.length; i++) {
            frames[i] = open(i + 1, "chat");
        }
        AtomicInteger peak = new AtomicInteger();
        String reason = runOn(stream(frames), open -> Optional.of(ChannelSpec.of("chat", TestMessages.CODEC,
                new Recorder()).withId(bytes(open.id()))), peak);
        // Each open has the same (protocol, id), so only the first pairs; the rest are refused
        // until the refusals themselves hit the limit.
        assertThat(reason).isEqualTo("protocol violation: open: chat with this id is already open");

        Frame[] distinct = new Frame[5000];
        for (int i = 0; i < distinct.length; i++) {
            distinct[i] = new Frame.Open(i + 1, "chat", ByteBuffer.wrap(new byte[] {(byte) (i >> 8), (byte) i}),
                    ByteBuffer.allocate(0));
        }
        AtomicInteger peakDistinct = new AtomicInteger();
        String distinctReason = runOn(stream(distinct), open -> Optional.of(ChannelSpec.of("chat", TestMessages.CODEC,
                new Recorder()).withId(bytes(open.id()))), peakDistinct);
        assertThat(distinctReason).isEqualTo("protocol violation: open: more than 32 rejected channels");
        assertThat(peakDistinct.get()).isLessThanOrEqualTo(SMALL.maxChannels());
    }

    @Test
    void opensOfUnknownProtocolsAreRejectedUpToTheLimit() throws Exception {
        Frame[] frames = new Frame[100];
        for (int i = 0; i < frames.length; i++) {
            frames[i] = open(i + 1, "unknown-" + i);
        }
        assertThat(runOn(stream(frames))).isEqualTo("protocol violation: open: more than 32 rejected channels");
    }

    @Test
    void frameDecoderRefusesMalformedInputCleanly() {
        SplittableRandom seeds = new SplittableRandom(42);
        Fuzz.run(1, 20_000, random -> randomBody(random), input -> {
            try {
                Frame frame = FrameCodec.decode(input, 1024);
                // Whatever decodes must re-encode to the same bytes: one encoding per frame.
                WireWriter again = new WireWriter();
                FrameCodec.encode(frame, again);
                assertThat(again.toByteArray()).isEqualTo(input);
            } catch (WireException expected) {
                // refused with a reason: fine
            }
        });
        assertThat(seeds).isNotNull();
    }

    @Test
    void validFramesRoundTrip() throws Exception {
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 5000; i++) {
            byte[] body = randomBody(random);
            Frame frame = FrameCodec.decode(body, 1024);
            WireWriter again = new WireWriter();
            FrameCodec.encode(frame, again);
            assertThat(again.toByteArray()).isEqualTo(body);
        }
    }

    @Test
    void theMuxSurvivesMutatedStreams() {
        Fuzz.run(2, 1500, random -> {
            int count = 1 + random.nextInt(6);
            Frame[] frames = new Frame[count];
            for (int i = 0; i < count; i++) {
                frames[i] = switch (random.nextInt(4)) {
                    case 0 -> open(1 + random.nextInt(3), "chat");
                    case 1 -> text(1 + random.nextInt(3), "x".repeat(random.nextInt(40)));
                    case 2 -> new Frame.Close(1 + random.nextInt(3));
                    default -> new Frame.Reject(1 + random.nextInt(3));
                };
            }
            return stream(frames);
        }, input -> assertThat(runOn(input)).isNotEmpty());
    }

    private static byte[] randomBody(SplittableRandom random) {
        Frame frame = switch (random.nextInt(4)) {
            case 0 -> new Frame.Open(1 + random.nextInt(1000), "proto-" + random.nextInt(100),
                    ByteBuffer.wrap(Fuzz.randomBytes(random, random.nextInt(65))),
                    ByteBuffer.wrap(Fuzz.randomBytes(random, random.nextInt(200))));
            case 1 -> new Frame.Reject(1 + random.nextInt(1 << 20));
            case 2 -> new Frame.Close(1 + random.nextInt(1 << 20));
            default -> new Frame.Message(1 + random.nextInt(1 << 20), random.nextInt(1 << 16),
                    ByteBuffer.wrap(Fuzz.randomBytes(random, random.nextInt(300))));
        };
        WireWriter out = new WireWriter();
        FrameCodec.encode(frame, out);
        return out.toByteArray();
    }

    @Test
    void unknownControlTypesAreRefused() {
        byte[] body = new WireWriter().uvarint(0).uvarint(9).toByteArray();
        assertThatThrownBy(() -> FrameCodec.decode(body, 1024))
                .isInstanceOf(WireException.class).hasMessage("control frame: unknown type 9");
    }
}
