package net.intercomj.host.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** An RPC server on a free loopback port with the given routes, and an HTTP client for it. */
final class TestRpc implements AutoCloseable {

    static final String TOKEN = "rpc-s3cret";
    static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();

    final RpcServer server;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    private TestRpc(RpcSettings settings, List<RpcRoute> routes) {
        server = RpcServer.start(settings, routes);
    }

    static TestRpc start(List<RpcRoute> routes) {
        return start(Optional.empty(), 1_000_000, routes);
    }

    static TestRpc start(Optional<String> allowOrigin, int maxBodyBytes, List<RpcRoute> routes) {
        return new TestRpc(new RpcSettings("127.0.0.1", 0, TOKEN, allowOrigin, maxBodyBytes), routes);
    }

    URI uri(String pathAndQuery) {
        return URI.create(server.url() + pathAndQuery);
    }

    /** A request to {@code pathAndQuery} carrying the right token. */
    HttpRequest.Builder authorized(String pathAndQuery) {
        return HttpRequest.newBuilder(uri(pathAndQuery)).timeout(TIMEOUT).header("Authorization", "Bearer " + TOKEN);
    }

    HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** {@code GET pathAndQuery} with the token. */
    HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        return send(authorized(pathAndQuery).GET().build());
    }

    static JsonNode json(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }

    static JsonNode json(String text) throws IOException {
        return JSON.readTree(text);
    }

    @Override
    public void close() {
        server.close();
        http.close();
    }
}
