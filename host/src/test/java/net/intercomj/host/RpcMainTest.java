package net.intercomj.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import net.intercomj.host.terminal.PeerConsole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The whole command with {@code --rpc}: the banner names it, the terminal stays on, {@code /exit} closes it. */
@Timeout(120)
class RpcMainTest {

    private static final Duration DEADLINE = Duration.ofSeconds(60);

    @TempDir
    Path work;

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

    private String out() {
        return stdout.toString(StandardCharsets.UTF_8);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Test
    void theRpcServesBesideTheTerminalAndStopsWithThePeer() throws Exception {
        int port = freePort();
        PipedOutputStream typing = new PipedOutputStream();
        PipedInputStream stdin = new PipedInputStream(typing);
        PrintStream console = new PrintStream(stdout, true, StandardCharsets.UTF_8);
        Main main = new Main(Map.of("PEER_RPC_TOKEN", "tok"), work, console,
                new PrintStream(stderr, true, StandardCharsets.UTF_8));
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> main.run(
                List.of("rpcpeer", "--rpc", "--rpc-port", String.valueOf(port), "--lan-discovery", "0"),
                host -> PeerConsole.lines(stdin, console)));

        String url = "http://127.0.0.1:" + port;
        await().atMost(DEADLINE).until(() -> out().contains("RPC: " + url) || exit.isDone());
        assertThat(out()).as("stderr: %s", stderr).contains("RPC: " + url);

        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> status = http.send(HttpRequest.newBuilder(URI.create(url + "/v1/status"))
                    .header("Authorization", "Bearer tok").timeout(DEADLINE).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(status.statusCode()).isEqualTo(200);
            assertThat(status.body()).contains("\"subnetChannelUtf8\":\"trac-peer-subnet\"");
            HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(URI.create(url + "/v1/status"))
                    .timeout(DEADLINE).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(anonymous.statusCode()).isEqualTo(401);
        }

        // Unlike the original's runner, --rpc leaves the operator terminal on.
        typing.write("/stats\n".getBytes(StandardCharsets.UTF_8));
        typing.flush();
        await().atMost(DEADLINE).until(() -> out().contains("wallet.publicKey:"));
        typing.write("/exit\n".getBytes(StandardCharsets.UTF_8));
        typing.flush();
        assertThat(exit.get(DEADLINE.toSeconds(), TimeUnit.SECONDS)).isZero();
        assertThatThrownBy(() -> new Socket(InetAddress.getLoopbackAddress(), port).close())
                .isInstanceOf(IOException.class);
    }

    @Test
    void aPortInUseStopsTheStart() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Main main = new Main(Map.of(), work, new PrintStream(stdout, true, StandardCharsets.UTF_8),
                    new PrintStream(stderr, true, StandardCharsets.UTF_8));
            int code = main.run(List.of("rpcpeer", "--rpc", "--rpc-token", "tok", "--lan-discovery", "0",
                    "--rpc-port", String.valueOf(taken.getLocalPort())), host -> {
                        throw new AssertionError("the peer must not start");
                    });
            assertThat(code).isEqualTo(1);
            assertThat(stderr.toString(StandardCharsets.UTF_8)).startsWith("RPC failed to start: ");
        }
    }

    @Test
    void withoutATokenThePeerDoesNotStart() {
        Main main = new Main(Map.of(), work, new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8));
        assertThat(main.run(List.of("rpcpeer", "--rpc"), host -> {
            throw new AssertionError("the peer must not start");
        })).isEqualTo(2);
        assertThat(stderr.toString(StandardCharsets.UTF_8)).isEqualTo("RPC requires --rpc-token (auth is mandatory)."
                + System.lineSeparator());
    }
}
