package net.intercomj.host.bridge;

import java.net.http.HttpClient;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
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
