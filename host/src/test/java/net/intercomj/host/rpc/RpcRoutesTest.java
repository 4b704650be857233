package net.intercomj.host.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.intercomj.host.rpc.handlers.HealthHandler;
import net.intercomj.host.rpc.handlers.NonceHandler;
import net.intercomj.host.rpc.handlers.PeerStatus;
import net.intercomj.host.rpc.handlers.StatusHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code /v1/health}, {@code /v1/status} over a given status, and {@code /v1/contract/nonce}. */
@Timeout(60)
class RpcRoutesTest {

    private static final PeerStatus STATUS = new PeerStatus("aa".repeat(32), "bb".repeat(32), "trac1example", true,
            false, "cc".repeat(32), "my-subnet", 3, 5, new TextNode("dd".repeat(32)), NullNode.getInstance());

    private TestRpc rpc;

    @BeforeEach
    void start() {
        rpc = TestRpc.start(List.of(new HealthHandler(), new StatusHandler(() -> STATUS, Optional::empty),
                new NonceHandler(new SecureRandom())));
    }

    @AfterEach
    void close() {
        rpc.close();
    }

    @Test
    void health() throws Exception {
        assertThat(rpc.get("/v1/health").body()).isEqualTo("{\"ok\":true}");
    }

    @Test
    void statusHasTheOriginalsShape() throws Exception {
        var response = rpc.get("/v1/status");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(TestRpc.json(response)).isEqualTo(TestRpc.json("""
                {"peer":{"pubKeyHex":"%s","writerKeyHex":"%s","msbAddress":"trac1example","baseWritable":true,
                  "isIndexer":false,"isWriter":true,"subnetBootstrapHex":"%s","subnetChannelUtf8":"my-subnet",
                  "subnetSignedLength":3,"subnetUnsignedLength":5,"admin":"%s","chatStatus":null},
                 "msb":{"ready":false,"bootstrapHex":null,"networkId":null,"signedLength":null}}"""
                .formatted("aa".repeat(32), "bb".repeat(32), "cc".repeat(32), "dd".repeat(32))));
        // The original's key order, for clients that compare text.
        assertThat(response.body()).startsWith("{\"peer\":{\"pubKeyHex\":");
    }

    @Test
    void statusNeedsTheToken() throws Exception {
        var response = rpc.send(java.net.http.HttpRequest.newBuilder(rpc.uri("/v1/status")).GET().build());
        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void noncesAre32RandomBytesInHex() throws Exception {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            JsonNode answer = TestRpc.json(rpc.get("/v1/contract/nonce"));
            assertThat(answer.size()).isEqualTo(1);
            assertThat(answer.path("nonce").textValue()).matches("[0-9a-f]{64}");
            seen.add(answer.path("nonce").textValue());
        }
        assertThat(seen).hasSize(5);
    }
}
