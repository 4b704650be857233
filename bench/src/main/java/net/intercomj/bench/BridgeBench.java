package net.intercomj.bench;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.management.OperatingSystemMXBean;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.lang.management.ThreadMXBean;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import net.intercomj.api.sidechannel.SidechannelMessage;
import net.intercomj.api.sidechannel.Sidechannels;
import net.intercomj.host.bridge.BridgeSettings;
import net.intercomj.host.bridge.Hello;
import net.intercomj.host.bridge.ScBridge;
import net.intercomj.host.bridge.WebApps;
import net.intercomj.host.bridge.handlers.BuiltInHandlers;
import net.intercomj.host.bridge.handlers.PeerInfo;
import net.intercomj.host.terminal.CommandRegistry;
import org.slf4j.LoggerFactory;

/**
 * SC-Bridge fan-out in one process: N authenticated WebSocket clients ({@link java.net.http.WebSocket},
 * one shared {@link HttpClient}) on one bridge receive a stream of M sidechannel messages, handed to
 * {@link ScBridge#deliver} from one thread exactly as the sidechannel plane does, while one client
 * that never reads (a raw socket with a 4 KiB receive buffer) must be dropped by the bridge's
 * per-client backlog limit. The bridge runs with {@link BridgeSettings.Limits#DEFAULTS}.
 *
 * <p>Phase 1 is the measured stream: M messages as fast as {@code deliver} returns; every healthy
 * client checks each message's sequence number. 5000 frames of ~700 bytes stay below the 8 MiB
 * backlog limit, so the slow client survives phase 1; phase 2 then continues the same stream in
 * batches that the healthy clients drain before the next one (a rate they sustain) until the
 * bridge drops the slow client, or until four times the limit has been sent to it. The exit
 * code is non-zero if a healthy client lost a message, saw one out of order or was disconnected,
 * or if the slow client was not dropped.
 *
 * <pre>bench/run bridge [--clients 200] [--messages 5000] [--bytes 300] [--timeout 120]</pre>
 */
public final class BridgeBench {

    private static final String TOKEN = "bench-token";
    private static final String PEER = "ab".repeat(32);
    private static final String SIG = "cd".repeat(64);
    /** Phase 2 delivers this many messages, then waits until every healthy client has them. */
    private static final int PHASE2_BATCH = 500;
    /** The sequence number being handed to {@code deliver}, for the drop report. */
    private static final AtomicLong DELIVERING = new AtomicLong();
    private static final OperatingSystemMXBean PROCESS =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private BridgeBench() {}

    /** The command line. */
    record Options(int clients, int messages, int bytes, int timeoutSeconds) {
        static Options parse(String[] args) {
            int clients = 200;
            int messages = 5000;
            int bytes = 300;
            int timeout = 120;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--clients" -> clients = Integer.parseInt(args[++i]);
                    case "--messages" -> messages = Integer.parseInt(args[++i]);
                    case "--bytes" -> bytes = Integer.parseInt(args[++i]);
                    case "--timeout" -> timeout = Integer.parseInt(args[++i]);
                    default -> throw new IllegalArgumentException("Unknown option " + args[i]
                            + " (--clients N --messages M --bytes B --timeout S)");
                }
            }
            return new Options(clients, messages, bytes, timeout);
        }
    }

    /**
     * One stretch of the stream as the healthy clients saw it, with what the process spent on it.
     *
     * @param deliverNanos  the {@code deliver} calls alone
     * @param wallNanos     first {@code deliver} to the last frame at the last client
     * @param firstDoneNanos first {@code deliver} to the moment the quickest client had everything
     * @param cpuNanos      CPU time of the whole process (bridge and clients share it)
     * @param deliverCpuNanos CPU time of the delivering thread
     * @param gcPauseMillis time in stop-the-world collections
     * @param complete      every healthy client got every message and none was disconnected
     */
    record Outcome(int messages, long deliverNanos, long wallNanos, long firstDoneNanos, long cpuNanos,
            long deliverCpuNanos, long gcPauseMillis, boolean complete) {}

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        DropWatch drops = DropWatch.install();
        HeapPeak heap = HeapPeak.start();
        BridgeSettings settings = new BridgeSettings("127.0.0.1", 0, TOKEN, "", List.of(), false, false, List.of(),
                false, BridgeSettings.Limits.DEFAULTS);
        PeerInfo info = new PeerInfo(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), "/bench",
                Optional.empty(), "cd".repeat(32), "0000intercomsubnet", PEER, "trac1bench", "ef".repeat(32),
                Optional.of(Sidechannels.ENTRY_CHANNEL), List.of());
        boolean passed;
        try (ScBridge bridge = new ScBridge(settings, new Hello(PEER, "trac1bench", Sidechannels.ENTRY_CHANNEL, ""),
                        BuiltInHandlers.all(settings, Clock.systemUTC(), Optional::empty, () -> info,
                                new CommandRegistry()));
                HttpClient http = HttpClient.newHttpClient()) {
            bridge.listen(WebApps.none());
            int port = bridge.address().getPort();
            List<Client> clients = connect(http, port, options.clients());
            try (SlowClient slow = SlowClient.connect(port)) {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(options.timeoutSeconds());
                long idleHeap = heap.usedNow();
                Outcome phase1 = stream(bridge, clients, 0, options.messages(), options.bytes(), deadline);
                boolean droppedInPhase1 = !drops.events().isEmpty();
                // Phase 2: the same stream goes on, in batches the healthy clients drain before the next,
                // until the drop; four times the limit is far beyond it plus any socket buffers.
                int frameBytes = clients.getFirst().frameBytes();
                long cap = 4 * settings.limits().maxQueuedBytes() / frameBytes;
                int sent = options.messages();
                long phase2Start = System.nanoTime();
                boolean phase2Complete = true;
                while (phase2Complete && drops.events().isEmpty() && sent < cap) {
                    phase2Complete = stream(bridge, clients, sent, PHASE2_BATCH, options.bytes(), deadline).complete();
                    sent += PHASE2_BATCH;
                }
                long phase2Nanos = System.nanoTime() - phase2Start;
                // The drop closes the connection; its close task removes the client a moment later.
                awaitTrue(() -> bridge.clientCount() <= options.clients(),
                        System.nanoTime() + TimeUnit.SECONDS.toNanos(5));
                int total = sent;
                long lost = clients.stream().mapToLong(c -> Math.max(0, total - c.received())).sum();
                long outOfOrder = clients.stream().mapToLong(Client::outOfOrder).sum();
                long disconnected = clients.stream().filter(Client::closed).count();
                boolean slowDropped = drops.events().size() == 1 && bridge.clientCount() == options.clients();
                passed = lost == 0 && outOfOrder == 0 && disconnected == 0 && slowDropped;

                int n = options.clients();
                long frames = (long) n * phase1.messages();
                double wall = phase1.wallNanos() / 1e9;
                System.out.printf(Locale.ROOT, "SC-Bridge fan-out, one process on 127.0.0.1, %s, %d cores, max heap"
                        + " %d MiB%n", Runtime.version(), Runtime.getRuntime().availableProcessors(),
                        Runtime.getRuntime().maxMemory() >> 20);
                System.out.printf(Locale.ROOT, "%s; %d clients + 1 slow; %d messages of %d B JSON (%d B frames)%n%n",
                        BridgeSettings.Limits.DEFAULTS, n, options.messages(), options.bytes(), frameBytes);
                System.out.println("| measure | value |");
                System.out.println("| --- | --- |");
                row("phase 1: every healthy client got every message", phase1.complete() ? "yes" : "NO");
                row("phase 1: frames delivered to healthy clients", String.format(Locale.ROOT, "%,d", frames));
                row("phase 1: the " + phase1.messages() + " deliver() calls took", ms(phase1.deliverNanos()));
                row("phase 1: wall, first deliver → last frame at the last client", ms(phase1.wallNanos()));
                row("phase 1: first client complete after", ms(phase1.firstDoneNanos()));
                row("phase 1: delivered to clients", String.format(Locale.ROOT, "%,.0f frames/s (%.0f MB/s)",
                        frames / wall, frames * (double) frameBytes / wall / 1e6));
                row("phase 1: per client", String.format(Locale.ROOT, "%,.0f msg/s", phase1.messages() / wall));
                row("phase 1: CPU, whole process / delivering thread / GC pauses", String.format(Locale.ROOT,
                        "%.1f / %.1f s / %d ms", phase1.cpuNanos() / 1e9, phase1.deliverCpuNanos() / 1e9,
                        phase1.gcPauseMillis()));
                row("slow client dropped in phase 1", droppedInPhase1 ? "yes" : "no");
                row("phase 2: messages (batches of " + PHASE2_BATCH + ") / wall", String.format(Locale.ROOT,
                        "%,d / %s", sent - options.messages(), ms(phase2Nanos)));
                row("slow client dropped", drops.events().isEmpty() ? "NO" : String.format(Locale.ROOT,
                        "while delivering message %,d (%s)", drops.events().getFirst().message(),
                        drops.events().getFirst().reason()));
                row("bytes the slow client could still read afterwards (its socket buffers)",
                        String.format(Locale.ROOT, "%,d", slow.drain()));
                row("\"dropped client\" warnings", String.valueOf(drops.events().size()));
                row("bridge.clientCount() at the end (expected " + n + ")", String.valueOf(bridge.clientCount()));
                row("healthy clients: lost / out of order / disconnected, of " + String.format(Locale.ROOT, "%,d",
                        total) + " each", lost + " / " + outOfOrder + " / " + disconnected);
                row("heap: in use, clients idle / peak in use / peak left after a GC", (idleHeap >> 20) + " / "
                        + (heap.peakUsed() >> 20) + " / " + (heap.peakAfterGc() >> 20) + " MiB");
                row("result", passed ? "PASS" : "FAIL");
            }
            clients.forEach(Client::close);
        }
        if (!passed) {
            System.exit(1);
        }
    }

    /** Connects {@code n} clients at once and waits until each has read hello and authenticated. */
    private static List<Client> connect(HttpClient http, int port, int n) throws Exception {
        List<Client> clients = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Client client = new Client();
            http.newWebSocketBuilder().buildAsync(URI.create("ws://127.0.0.1:" + port + "/"), client);
            clients.add(client);
        }
        CompletableFuture.allOf(clients.stream().map(c -> c.authenticated).toArray(CompletableFuture[]::new))
                .get(60, TimeUnit.SECONDS);
        return clients;
    }

    /**
     * Delivers messages {@code first .. first + count - 1} as fast as {@code deliver} returns, then
     * waits until every healthy client has all of them (or was disconnected, or the deadline passed).
     */
    private static Outcome stream(ScBridge bridge, List<Client> clients, int first, int count, int bytes,
            long deadline) {
        int last = first + count;
        String pad = "x".repeat(Math.max(0, bytes - String.valueOf(last).length() - 18));
        long gcBefore = gcPauseMillis();
        long cpuBefore = PROCESS.getProcessCpuTime();
        long deliverCpuBefore = THREADS.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        for (int seq = first; seq < last; seq++) {
            DELIVERING.set(seq);
            String json = "{\"text\":\"" + pad + "\",\"seq\":" + seq + "}";
            bridge.deliver(new SidechannelMessage(Sidechannels.ENTRY_CHANNEL, "bench-" + seq, PEER, PEER, SIG,
                    Optional.empty(), 3, System.currentTimeMillis(), json));
        }
        long delivered = System.nanoTime();
        long deliverCpu = THREADS.getCurrentThreadCpuTime() - deliverCpuBefore;
        boolean complete = awaitTrue(() -> clients.stream().allMatch(c -> c.received() >= last || c.closed()),
                deadline) && clients.stream().noneMatch(Client::closed);
        long cpu = PROCESS.getProcessCpuTime() - cpuBefore;
        long lastFrame = clients.stream().mapToLong(Client::lastAt).max().orElse(start);
        long firstDone = clients.stream().mapToLong(Client::lastAt).min().orElse(start);
        return new Outcome(count, delivered - start, lastFrame - start, firstDone - start, cpu, deliverCpu,
                gcPauseMillis() - gcBefore, complete);
    }

    /** Stop-the-world collection time so far; G1's concurrent cycles are left out. */
    private static long gcPauseMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .filter(gc -> !gc.getName().contains("Concurrent"))
                .mapToLong(GarbageCollectorMXBean::getCollectionTime)
                .sum();
    }

    private static boolean awaitTrue(BooleanSupplier condition, long deadline) {
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    private static void row(String measure, String value) {
        System.out.println("| " + measure + " | " + value + " |");
    }

    private static String ms(long nanos) {
        return String.format(Locale.ROOT, "%.0f ms", nanos / 1e6);
    }

    /** One healthy client: authenticates, then checks the sequence number of every message it gets. */
    private static final class Client implements WebSocket.Listener {

        final CompletableFuture<Void> authenticated = new CompletableFuture<>();
        private final AtomicInteger received = new AtomicInteger();
        private final AtomicInteger outOfOrder = new AtomicInteger();
        private final AtomicLong lastAt = new AtomicLong();
        private volatile boolean closed;
        private volatile int frameBytes;
        private final StringBuilder partial = new StringBuilder();
        private WebSocket socket;
        /** The next sequence number; only the listener touches it, and its calls never overlap. */
        private int expected;

        @Override
        public void onOpen(WebSocket webSocket) {
            socket = webSocket;
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                frame(webSocket, partial.toString());
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        private void frame(WebSocket webSocket, String text) {
            if (!authenticated.isDone()) {
                if (text.startsWith("{\"type\":\"hello\"")) {
                    webSocket.sendText("{\"type\":\"auth\",\"token\":\"" + TOKEN + "\"}", true);
                } else if (text.equals("{\"type\":\"auth_ok\"}")) {
                    authenticated.complete(null);
                } else {
                    authenticated.completeExceptionally(new IllegalStateException("unexpected frame " + text));
                }
                return;
            }
            // The message is the event's last field and the sequence number the message's last:
            // ...,"seq":N}} — read backwards, so a client costs little beside the bridge.
            int end = text.length() - 2;
            int seq = Integer.parseInt(text, text.lastIndexOf(':', end) + 1, end, 10);
            if (seq == expected) {
                expected++;
            } else {
                outOfOrder.incrementAndGet();
                expected = Math.max(expected, seq + 1);
            }
            frameBytes = text.length();
            lastAt.set(System.nanoTime());
            received.incrementAndGet();
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed = true;
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed = true;
        }

        int received() {
            return received.get();
        }

        int outOfOrder() {
            return outOfOrder.get();
        }

        long lastAt() {
            return lastAt.get();
        }

        boolean closed() {
            return closed;
        }

        int frameBytes() {
            return frameBytes;
        }

        void close() {
            if (socket != null && !closed) {
                socket.abort();
            }
        }
    }

    /**
     * The client that stops reading: a raw socket whose receive buffer is set small before
     * connecting (so the window it advertises stays small), a hand-written WebSocket handshake and
     * auth, then no read until the end.
     */
    private record SlowClient(Socket socket, InputStream in) implements AutoCloseable {

        static SlowClient connect(int port) throws IOException {
            Socket socket = new Socket();
            socket.setReceiveBufferSize(4096);
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            byte[] key = new byte[16];
            new SecureRandom().nextBytes(key);
            out.write(("GET / HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Key: " + Base64.getEncoder().encodeToString(key) + "\r\n"
                    + "Sec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String response = readHead(in);
            if (!response.startsWith("HTTP/1.1 101")) {
                throw new IOException("no WebSocket upgrade: " + response);
            }
            String hello = readTextFrame(in);
            if (!hello.startsWith("{\"type\":\"hello\"")) {
                throw new IOException("expected hello, got " + hello);
            }
            writeMaskedText(out, "{\"type\":\"auth\",\"token\":\"" + TOKEN + "\"}");
            String reply = readTextFrame(in);
            if (!reply.equals("{\"type\":\"auth_ok\"}")) {
                throw new IOException("expected auth_ok, got " + reply);
            }
            return new SlowClient(socket, in);
        }

        /** Reads what reaches the socket after the drop: what the kernel's buffers had absorbed. */
        long drain() {
            long total = 0;
            try {
                socket.setSoTimeout(2000);
                byte[] buffer = new byte[64 << 10];
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    total += n;
                }
            } catch (IOException e) {
                // A reset or a timeout ends the drain as well as the end of the stream does.
            }
            return total;
        }

        /** The HTTP response head, read a byte at a time so nothing of the first frame is consumed. */
        private static String readHead(InputStream in) throws IOException {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            int matched = 0;
            while (matched < 4) {
                int b = in.read();
                if (b < 0) {
                    throw new EOFException("connection closed during the handshake");
                }
                head.write(b);
                matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
            }
            return head.toString(StandardCharsets.US_ASCII);
        }

        /** One unfragmented, unmasked text frame, as the server sends them. */
        private static String readTextFrame(InputStream in) throws IOException {
            byte[] header = in.readNBytes(2);
            if (header.length < 2) {
                throw new EOFException("connection closed before a frame");
            }
            if ((header[0] & 0x0f) != 1) {
                throw new IOException("expected a text frame, got opcode " + (header[0] & 0x0f));
            }
            long length = header[1] & 0x7f;
            if (length >= 126) {
                byte[] extended = in.readNBytes(length == 126 ? 2 : 8);
                length = 0;
                for (byte b : extended) {
                    length = (length << 8) | (b & 0xff);
                }
            }
            return new String(in.readNBytes((int) length), StandardCharsets.UTF_8);
        }

        /** A client's frame must be masked (RFC 6455 §5.3); the payload here is under 126 bytes. */
        private static void writeMaskedText(OutputStream out, String text) throws IOException {
            byte[] payload = text.getBytes(StandardCharsets.UTF_8);
            byte[] mask = new byte[4];
            new SecureRandom().nextBytes(mask);
            byte[] frame = new byte[6 + payload.length];
            frame[0] = (byte) 0x81;
            frame[1] = (byte) (0x80 | payload.length);
            System.arraycopy(mask, 0, frame, 2, 4);
            for (int i = 0; i < payload.length; i++) {
                frame[6 + i] = (byte) (payload[i] ^ mask[i % 4]);
            }
            out.write(frame);
            out.flush();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    /**
     * A "dropped client" warning. The bridge drops a client inside {@code deliver}, on the
     * delivering thread, so {@code message} is the sequence number being delivered then.
     */
    record Drop(String reason, long message) {}

    /**
     * Watches the bridge's log for "dropped client": the warning is the bridge's only report of a
     * drop, so it is what an operator would see.
     */
    private static final class DropWatch extends AppenderBase<ILoggingEvent> {

        private final List<Drop> events = new CopyOnWriteArrayList<>();

        static DropWatch install() {
            var logger = (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(
                    "net.intercomj.host.bridge.BridgeSession");
            DropWatch watch = new DropWatch();
            watch.setContext(logger.getLoggerContext());
            watch.start();
            logger.addAppender(watch);
            return watch;
        }

        @Override
        protected void append(ILoggingEvent event) {
            if (event.getLevel() == Level.WARN && event.getFormattedMessage().contains("dropped client")) {
                events.add(new Drop(event.getFormattedMessage().replaceFirst(".*: (send queue)", "$1"),
                        DELIVERING.get()));
            }
        }

        List<Drop> events() {
            return events;
        }
    }

    /**
     * The heap's high-water marks: in use (garbage included) sampled every 10 ms on a virtual
     * thread, and what each collection left behind, which is what the queued frames really hold.
     */
    private static final class HeapPeak {

        private final AtomicLong used = new AtomicLong();
        private final AtomicLong afterGc = new AtomicLong();

        static HeapPeak start() {
            HeapPeak heap = new HeapPeak();
            for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
                ((NotificationEmitter) collector).addNotificationListener((notification, context) -> {
                    String type = notification.getType();
                    if (type.equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
                        var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                        long left = info.getGcInfo().getMemoryUsageAfterGc().values().stream()
                                .mapToLong(MemoryUsage::getUsed).sum();
                        heap.afterGc.accumulateAndGet(left, Math::max);
                    }
                }, null, null);
            }
            Thread.ofVirtual().name("heap-sampler").start(() -> {
                while (true) {
                    heap.used.accumulateAndGet(heap.usedNow(), Math::max);
                    try {
                        Thread.sleep(10);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            return heap;
        }

        long usedNow() {
            Runtime runtime = Runtime.getRuntime();
            return runtime.totalMemory() - runtime.freeMemory();
        }

        long peakUsed() {
            return used.get();
        }

        long peakAfterGc() {
            return afterGc.get();
        }
    }
}
