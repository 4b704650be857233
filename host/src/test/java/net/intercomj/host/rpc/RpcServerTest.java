package net.intercomj.host.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import net.intercomj.host.rpc.handlers.HealthHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The server's rules, over real HTTP: auth, CORS, routing, status codes, body limit. */
@Timeout(60)
class RpcServerTest {

    /** A route answering with its query, one failing as a client error and one failing unexpectedly. */
    private static final List<RpcRoute> ROUTES = List.of(new HealthHandler(),
            route("/v1/echo", request -> JsonNodeFactory.instance.objectNode()
                    .put("q", request.query("q").orElse(null))),
            route("/v1/conflict", request -> {
                throw new RpcException(409, "Already there.");
            }),
            route("/v1/broken", request -> {
                throw new IllegalStateException("secret detail");
            }));

    private TestRpc rpc;

    @AfterEach
    void close() {
        if (rpc != null) {
            rpc.close();
        }
    }

    private static RpcRoute route(String path, java.util.function.Function<RpcRequest, JsonNode> answer) {
        return new RpcRoute() {
            @Override
            public String method() {
                return "GET";
            }

            @Override
            public String path() {
                return path;
            }

            @Override
            public JsonNode handle(RpcRequest request) {
                return answer.apply(request);
            }
        };
    }

    private HttpResponse<String> withHeader(String path, String name, String value) throws Exception {
        return rpc.send(HttpRequest.newBuilder(rpc.uri(path)).timeout(TestRpc.TIMEOUT).header(name, value).GET().build());
    }

    @Test
    void aRouteAnswersJsonWithTheRightToken() throws Exception {
        rpc = TestRpc.start(ROUTES);
        HttpResponse<String> response = rpc.get("/v1/echo?q=a%20b%2Fc");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
        assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(TestRpc.json(response)).isEqualTo(TestRpc.json("{\"q\":\"a b/c\"}"));
    }

    @Test
    void healthNeedsNoToken() throws Exception {
        rpc = TestRpc.start(ROUTES);
        HttpResponse<String> response = rpc.send(HttpRequest.newBuilder(rpc.uri("/v1/health")).GET().build());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"ok\":true}");
    }

    static Stream<Arguments> badAuthorizations() {
        return Stream.of(
                Arguments.of("missing", null),
                Arguments.of("wrong token", "Bearer rpc-s3creT"),
                Arguments.of("a prefix of the token", "Bearer rpc-s3cre"),
                Arguments.of("the token and more", "Bearer rpc-s3cret2"),
                Arguments.of("empty token", "Bearer "),
                Arguments.of("another scheme", "Basic " + TestRpc.TOKEN),
                Arguments.of("no scheme", TestRpc.TOKEN));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badAuthorizations")
    void everyOtherRouteNeedsTheToken(String label, String authorization) throws Exception {
        rpc = TestRpc.start(ROUTES);
        for (String path : List.of("/v1/echo?q=1", "/v1/nothing-here", "/v1/contract/tx/context")) {
            HttpRequest.Builder request = HttpRequest.newBuilder(rpc.uri(path)).timeout(TestRpc.TIMEOUT).GET();
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            HttpResponse<String> response = rpc.send(request.build());
            assertThat(response.statusCode()).as(path).isEqualTo(401);
            assertThat(response.body()).as(path).isEqualTo("{\"error\":\"Unauthorized.\"}");
            assertThat(response.headers().firstValue("WWW-Authenticate")).contains("Bearer");
        }
    }

    @Test
    void theSchemeIsCaseInsensitiveTheTokenIsNot() throws Exception {
        rpc = TestRpc.start(ROUTES);
        assertThat(withHeader("/v1/echo", "Authorization", "bearer " + TestRpc.TOKEN).statusCode()).isEqualTo(200);
        assertThat(withHeader("/v1/echo", "Authorization", "Bearer " + TestRpc.TOKEN.toUpperCase()).statusCode())
                .isEqualTo(401);
    }

    @Test
    void unknownPathsWrongMethodsAndTheTransactionRoutesAreNotFound() throws Exception {
        rpc = TestRpc.start(ROUTES);
        for (String path : List.of("/v1/nothing-here", "/v1/echo/", "/v1", "/", "/v2/echo", "/V1/echo",
                "/v1/contract/tx/context", "/v1/contract/tx", "/v1/contract/tx/prepare")) {
            HttpResponse<String> response = rpc.get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.body()).as(path).isEqualTo("{\"error\":\"Not Found\"}");
        }
        for (String method : List.of("POST", "PUT", "DELETE", "PATCH")) {
            HttpResponse<String> response = rpc.send(rpc.authorized("/v1/echo")
                    .method(method, HttpRequest.BodyPublishers.ofString("{\"a\":1}")).build());
            assertThat(response.statusCode()).as(method).isEqualTo(404);
            assertThat(response.body()).as(method).isEqualTo("{\"error\":\"Not Found\"}");
        }
        HttpResponse<String> postTx = rpc.send(rpc.authorized("/v1/contract/tx")
                .POST(HttpRequest.BodyPublishers.ofString("{\"tx\":\"00\"}")).build());
        assertThat(postTx.statusCode()).isEqualTo(404);
        // HEAD is not GET: the original matched methods exactly too.
        assertThat(rpc.send(rpc.authorized("/v1/echo").HEAD().build()).statusCode()).isEqualTo(404);
    }

    @Test
    void clientErrorsKeepTheirStatusAndMessage() throws Exception {
        rpc = TestRpc.start(ROUTES);
        HttpResponse<String> response = rpc.get("/v1/conflict");
        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(response.body()).isEqualTo("{\"error\":\"Already there.\"}");
    }

    @Test
    void unexpectedErrorsAre500WithoutDetails() throws Exception {
        rpc = TestRpc.start(ROUTES);
        HttpResponse<String> response = rpc.get("/v1/broken");
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).isEqualTo("{\"error\":\"An internal error occurred.\"}");
    }

    @Test
    void withoutAnOriginNoCorsHeadersAreSent() throws Exception {
        rpc = TestRpc.start(ROUTES);
        HttpResponse<String> response = withHeader("/v1/health", "Origin", "https://evil.example");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().map().keySet()).noneMatch(name -> name.toLowerCase().startsWith("access-control-"));
        HttpResponse<String> preflight = rpc.send(HttpRequest.newBuilder(rpc.uri("/v1/status"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", "https://evil.example")
                .header("Access-Control-Request-Headers", "authorization").build());
        assertThat(preflight.statusCode()).isEqualTo(204);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void theConfiguredOriginIsOnEveryResponseAndPreflightsNeedNoToken() throws Exception {
        rpc = TestRpc.start(Optional.of("http://localhost:5173"), 1_000_000, ROUTES);
        HttpResponse<String> preflight = rpc.send(HttpRequest.newBuilder(rpc.uri("/v1/anything"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", "http://localhost:5173")
                .header("Access-Control-Request-Method", "GET").build());
        assertThat(preflight.statusCode()).isEqualTo(204);
        assertThat(preflight.body()).isEmpty();
        assertCors(preflight, "http://localhost:5173");
        for (HttpResponse<String> response : List.of(rpc.get("/v1/echo"), rpc.get("/v1/nothing-here"),
                rpc.get("/v1/broken"), withHeader("/v1/echo", "Authorization", "Bearer wrong"))) {
            assertCors(response, "http://localhost:5173");
        }
    }

    @Test
    void starAllowsAnyOrigin() throws Exception {
        rpc = TestRpc.start(Optional.of("*"), 1_000_000, ROUTES);
        assertCors(rpc.get("/v1/echo"), "*");
    }

    private static void assertCors(HttpResponse<String> response, String origin) {
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).contains(origin);
        assertThat(response.headers().firstValue("Access-Control-Allow-Methods")).contains("GET, POST, OPTIONS");
        assertThat(response.headers().firstValue("Access-Control-Allow-Headers")).contains("Authorization, Content-Type");
    }

    @Test
    void aBodyWithinTheLimitIsIgnoredByAGetRoute() throws Exception {
        rpc = TestRpc.start(Optional.empty(), 16, ROUTES);
        HttpResponse<String> response = rpc.send(rpc.authorized("/v1/echo?q=x")
                .method("GET", HttpRequest.BodyPublishers.ofString("0123456789")).build());
        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void aBodyOverTheLimitIs413AndIsNotRead() throws Exception {
        rpc = TestRpc.start(Optional.empty(), 1000, ROUTES);
        long size = 50_000_000;
        AtomicLong produced = new AtomicLong();
        HttpResponse<String> response = rpc.send(rpc.authorized("/v1/status").expectContinue(true)
                .POST(HttpRequest.BodyPublishers.fromPublisher(zeros(size, produced), size)).build());
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).isEqualTo("{\"error\":\"Request body too large.\"}");
        assertThat(produced.get()).isLessThan(size);
    }

    @Test
    void anOversizedBodyIsRefusedBeforeItArrivesAndTheConnectionClosed() throws Exception {
        rpc = TestRpc.start(Optional.empty(), 1000, ROUTES);
        try (Socket socket = new Socket(rpc.server.address().getAddress(), rpc.server.address().getPort())) {
            socket.setSoTimeout((int) TestRpc.TIMEOUT.toMillis());
            OutputStream out = socket.getOutputStream();
            // Declares 100 MB and sends 1 kB of it: the answer cannot depend on the rest.
            out.write(("POST /v1/health HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 100000000\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(new byte[1000]);
            out.flush();
            String answer = readUntilClosed(socket.getInputStream());
            assertThat(answer).startsWith("HTTP/1.1 413 ");
            assertThat(answer.toLowerCase()).contains("connection: close");
            assertThat(answer).endsWith("{\"error\":\"Request body too large.\"}");
        }
    }

    @Test
    void anUndeclaredChunkedBodyIsCutOffAtTheLimit() throws Exception {
        rpc = TestRpc.start(Optional.empty(), 1000, ROUTES);
        try (Socket socket = new Socket(rpc.server.address().getAddress(), rpc.server.address().getPort())) {
            socket.setSoTimeout((int) TestRpc.TIMEOUT.toMillis());
            OutputStream out = socket.getOutputStream();
            // One chunk announced as 1 MB; 2 kB of it sent, and the stream kept open.
            out.write(("GET /v1/echo?q=x HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + TestRpc.TOKEN
                    + "\r\nTransfer-Encoding: chunked\r\n\r\n100000\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(new byte[2000]);
            out.flush();
            // The route ignores bodies, so it answers; then the server stops reading past the limit and
            // closes the connection, after a 400 for the rest or not, depending on when it notices.
            String answer = readUntilClosed(socket.getInputStream());
            assertThat(answer).startsWith("HTTP/1.1 200 ");
            String body = "\r\n\r\n{\"q\":\"x\"}";
            assertThat(answer).contains(body);
            String after = answer.substring(answer.indexOf(body) + body.length());
            assertThat(after).satisfiesAnyOf(rest -> assertThat(rest).isEmpty(),
                    rest -> assertThat(rest).startsWith("HTTP/1.1 400 ").containsIgnoringCase("connection: close"));
        }
    }

    @Test
    void twoRoutesForOnePathAreRefused() {
        assertThatThrownBy(() -> TestRpc.start(List.of(new HealthHandler(), new HealthHandler())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("GET /v1/health");
    }

    @Test
    void closingFreesThePort() throws Exception {
        rpc = TestRpc.start(ROUTES);
        var address = rpc.server.address();
        rpc.close();
        rpc = null;
        assertThatThrownBy(() -> new Socket(address.getAddress(), address.getPort()).close())
                .isInstanceOf(IOException.class);
    }

    private static String readUntilClosed(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        for (int n; (n = in.read(buffer)) >= 0; ) {
            all.write(buffer, 0, n);
        }
        return all.toString(StandardCharsets.UTF_8);
    }

    /** {@code size} zero bytes, produced only as the client asks for them, counted in {@code produced}. */
    private static Flow.Publisher<ByteBuffer> zeros(long size, AtomicLong produced) {
        return subscriber -> subscriber.onSubscribe(new Flow.Subscription() {
            private boolean done;

            @Override
            public synchronized void request(long n) {
                for (long i = 0; i < n && !done; i++) {
                    int chunk = (int) Math.min(8192, size - produced.get());
                    produced.addAndGet(chunk);
                    subscriber.onNext(ByteBuffer.allocate(chunk));
                    if (produced.get() >= size) {
                        done = true;
                        subscriber.onComplete();
                    }
                }
            }

            @Override
            public synchronized void cancel() {
                done = true;
            }
        });
    }
}
