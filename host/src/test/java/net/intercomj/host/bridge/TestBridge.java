package net.intercomj.host.bridge;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import net.intercomj.api.command.CommandArgs;
import net.intercomj.api.command.CommandException;
import net.intercomj.api.command.CommandOutput;
import net.intercomj.api.command.CommandTrait;
import net.intercomj.api.command.TerminalCommand;
import net.intercomj.api.sidechannel.Sidechannels;
import net.intercomj.host.bridge.handlers.BuiltInHandlers;
import net.intercomj.host.bridge.handlers.PeerInfo;
import net.intercomj.host.terminal.CommandRegistry;

/**
 * A bridge on a free port over a {@link FakeSidechannels}, with a few terminal commands: {@code /echo},
 * {@code /fail}, {@code /secret} (reveals secrets) and {@code /halt} (stops the peer).
 */
final class TestBridge implements AutoCloseable {

    static final String PEER = "ab".repeat(32);
    static final String TOKEN = "s3cret-token";

    /** What a test may change of the bridge's settings. */
    static final class Spec {
        boolean cli = true;
        boolean cliUnsafe;
        String filter = "";
        List<String> filterChannels = List.of();
        List<String> origins = List.of();
        BridgeSettings.Limits limits = BridgeSettings.Limits.DEFAULTS;
        boolean withPlane = true;
        WebApps webApps = WebApps.none();
    }

    final FakeSidechannels plane = new FakeSidechannels();
    final CommandRegistry commands = new CommandRegistry();
    final AtomicBoolean halted = new AtomicBoolean();
    final ScBridge bridge;
    final HttpClient http = HttpClient.newHttpClient();
    private final List<WsClient> clients = new ArrayList<>();

    private TestBridge(Spec spec) {
        commands.register(command("/echo", Set.of(), (args, out) -> out.println(args.value("text").orElse(""))));
        commands.register(command("/fail", Set.of(), (args, out) -> {
            out.println("about to fail");
            throw new CommandException("it broke");
        }));
        commands.register(command("/value", Set.of(), (args, out) -> out.printValue("{\"n\":1}", "{ n: 1 }")));
        commands.register(command("/secret", Set.of(CommandTrait.REVEALS_SECRETS), (args, out) -> out.println("SECRET")));
        commands.register(command("/halt", Set.of(CommandTrait.STOPS_PEER), (args, out) -> halted.set(true)));
        BridgeSettings settings = new BridgeSettings("127.0.0.1", 0, TOKEN, spec.filter, spec.filterChannels, spec.cli,
                spec.cliUnsafe, spec.origins, false, spec.limits);
        Optional<Sidechannels> sidechannels = spec.withPlane ? Optional.of(plane) : Optional.empty();
        PeerInfo info = new PeerInfo(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), "/stores/peer",
                Optional.of(List.of("127.0.0.1:49737")), "cd".repeat(32), "0000intercomsubnet", PEER, "trac1example",
                "ef".repeat(32), Optional.of(Sidechannels.ENTRY_CHANNEL), List.of("extra"));
        bridge = new ScBridge(settings, new Hello(PEER, "trac1example", Sidechannels.ENTRY_CHANNEL, spec.filter),
                BuiltInHandlers.all(settings, Clock.systemUTC(), () -> sidechannels, () -> info, commands));
        bridge.listen(spec.webApps);
    }

    static TestBridge start() {
        return new TestBridge(new Spec());
    }

    static TestBridge start(Consumer<Spec> customise) {
        Spec spec = new Spec();
        customise.accept(spec);
        return new TestBridge(spec);
    }

    int port() {
        return bridge.address().getPort();
    }

    /** A connected client whose {@code hello} is still the first frame. */
    WsClient connect() throws Exception {
        WsClient client = WsClient.connect(http, port());
        clients.add(client);
        return client;
    }

    /** A connected client that sent these extra handshake headers. */
    WsClient connect(Map<String, String> headers) throws Exception {
        WsClient client = WsClient.connect(http, port(), headers);
        clients.add(client);
        return client;
    }

    /** A client that read {@code hello} and authenticated. */
    WsClient authenticated() throws Exception {
        WsClient client = connect();
        client.next();
        String reply = client.ask("{\"type\":\"auth\",\"token\":\"" + TOKEN + "\"}").toString();
        if (!reply.equals("{\"type\":\"auth_ok\"}")) {
            throw new AssertionError("auth failed: " + reply);
        }
        return client;
    }

    /** A response read off a raw socket: status, headers by lowercase name, and body. */
    record RawResponse(int status, Map<String, String> headers, String body) {

        /** Reads one response; a {@code 101} has no body, others end by length, chunks or close. */
        static RawResponse read(InputStream in) throws IOException {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    throw new IOException("the connection ended inside the response head: " + head);
                }
                head.write(b);
            }
            String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
            int status = Integer.parseInt(lines[0].split(" ")[1]);
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (colon > 0) {
                    headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                            lines[i].substring(colon + 1).trim());
                }
            }
            byte[] body;
            if (status == 101) {
                body = new byte[0];
            } else if (headers.containsKey("content-length")) {
                body = in.readNBytes(Integer.parseInt(headers.get("content-length")));
            } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
                ByteArrayOutputStream chunks = new ByteArrayOutputStream();
                int size;
                while ((size = Integer.parseInt(line(in).split(";")[0].trim(), 16)) > 0) {
                    chunks.write(in.readNBytes(size));
                    line(in);
                }
                body = chunks.toByteArray();
            } else {
                body = in.readAllBytes();
            }
            return new RawResponse(status, headers, new String(body, StandardCharsets.UTF_8));
        }

        private static String line(InputStream in) throws IOException {
            StringBuilder line = new StringBuilder();
            int b;
            while ((b = in.read()) >= 0 && b != '\n') {
                if (b != '\r') {
                    line.append((char) b);
                }
            }
            return line.toString();
        }
    }

    /**
     * Writes {@code head} (request line and header lines, CRLF-separated, without the final blank
     * line) as it is on a new socket, so nothing normalises the path or the Host, and reads the response.
     */
    RawResponse raw(String head) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write((head + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            return RawResponse.read(socket.getInputStream());
        }
    }

    /** A plain GET of {@code path} written by hand. */
    RawResponse rawGet(String path) throws IOException {
        return raw("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port() + "\r\nConnection: close");
    }

    private interface Body {
        void run(CommandArgs args, CommandOutput out) throws CommandException;
    }

    private static TerminalCommand command(String name, Set<CommandTrait> traits, Body body) {
        return new TerminalCommand() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String usage() {
                return name;
            }

            @Override
            public String description() {
                return "A test command.";
            }

            @Override
            public Set<CommandTrait> traits() {
                return traits;
            }

            @Override
            public void execute(CommandArgs args, CommandOutput out) throws CommandException {
                body.run(args, out);
            }
        };
    }

    @Override
    public void close() {
        clients.forEach(WsClient::close);
        bridge.close();
        http.close();
    }
}
