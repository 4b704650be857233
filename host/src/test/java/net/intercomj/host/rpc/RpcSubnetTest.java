package net.intercomj.host.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import net.intercomj.api.contract.ContractApp;
import net.intercomj.api.json.Json;
import net.intercomj.api.json.JsonObject;
import net.intercomj.host.contract.ContractApps;
import net.intercomj.host.msb.Amounts;
import net.intercomj.host.msb.SettlementPeer;
import net.intercomj.host.net.dht.DhtConfig;
import net.intercomj.host.net.dht.DhtNode;
import net.intercomj.host.rpc.handlers.BuiltInRoutes;
import net.intercomj.host.subnet.SubnetNode;
import net.intercomj.host.subnet.op.OpResult;
import net.intercomj.host.subnet.op.OpSignature;
import net.intercomj.host.subnet.op.admin.UpgradeContractOp;
import net.intercomj.host.wallet.PeerWallet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The built-in routes over a real subnet that pins a Java contract, as {@code PeerHost} wires them. */
@Timeout(120)
class RpcSubnetTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final String V1 = "11".repeat(32);
    private static final String CHANNEL = "rpc-subnet";

    /** {@code set} stores a number under {@code app/demo/<key>}; plus a function and a feature. */
    private static final ContractApp DEMO = contract -> {
        contract.addSchema("set", Json.object()
                .put("value", Json.object().put("$$type", "object").put("key", "string").put("n", "number").build())
                .build(), call -> {
                    JsonObject value = call.value().asObject();
                    call.put("app/demo/" + value.string("key"), value.get("n").orElseThrow());
                });
        contract.addFunction("ping", call -> { });
        contract.addFeature("timer_feature", call -> call.put("app/demo/now", call.value()));
    };

    @TempDir
    Path folder;

    private DhtNode bootstrap;
    private SettlementPeer peer;
    private SubnetNode node;
    private PeerWallet wallet;
    private TestRpc rpc;

    @BeforeEach
    void start() throws Exception {
        bootstrap = DhtNode.start(DhtConfig.of(LOOPBACK, 0, List.of()));
        wallet = PeerWallet.generate();
        ContractApps apps = new ContractApps();
        apps.add("demo", V1, DEMO);
        // Without the MSB attached: this test covers the routes that need none; RpcTransactionTest the others.
        peer = new SettlementPeer(folder, wallet, bootstrap.localAddress(), CHANNEL, apps, Amounts.ONE, false,
                line -> { });
        node = peer.node;
        rpc = TestRpc.start(BuiltInRoutes.all(node, wallet, CHANNEL, apps, peer.settlement, peer.transactions, true));
    }

    @AfterEach
    void close() {
        if (rpc != null) {
            rpc.close();
        }
        if (peer != null) {
            peer.close();
        }
        if (bootstrap != null) {
            bootstrap.close();
        }
    }

    private static OpResult confirmed(CompletableFuture<OpResult> result) throws Exception {
        return result.get(30, TimeUnit.SECONDS);
    }

    private ObjectNode adminMsgOp(String type, String key) {
        ObjectNode value = JsonNodeFactory.instance.objectNode();
        value.putObject("msg").put("type", type).put("key", key);
        return OpSignature.sign(node.subnet(), type, key, value, wallet::sign);
    }

    private ObjectNode tx(String dispatchJson) throws Exception {
        ObjectNode op = JsonNodeFactory.instance.objectNode().put("type", "tx").put("key", "ab".repeat(32));
        ObjectNode value = op.putObject("value").put("msbsl", 0);
        value.set("dispatch", new ObjectMapper().readTree(dispatchJson));
        value.put("ipk", wallet.publicKeyHex()).put("wp", "00".repeat(32));
        return op;
    }

    /** Pins the contract, makes this wallet admin, turns chat on and sets app/demo/a to 7. */
    private void populate() throws Exception {
        confirmed(node.append(JsonNodeFactory.instance.objectNode().put("type", UpgradeContractOp.TYPE)
                .put("key", UpgradeContractOp.key("demo", V1))));
        confirmed(node.append(JsonNodeFactory.instance.objectNode().put("type", "addAdmin")
                .put("key", wallet.publicKeyHex())));
        confirmed(node.append(adminMsgOp("setChatStatus", "on")));
        assertThat(confirmed(node.append(tx("{\"type\":\"set\",\"value\":{\"key\":\"a\",\"n\":7}}"))))
                .isEqualTo(OpResult.applied(null));
    }

    @Test
    void statusReportsThisPeerAndItsSubnet() throws Exception {
        populate();
        JsonNode status = TestRpc.json(rpc.get("/v1/status"));
        JsonNode peer = status.path("peer");
        assertThat(peer.path("pubKeyHex").textValue()).isEqualTo(wallet.publicKeyHex());
        assertThat(peer.path("writerKeyHex").textValue()).isEqualTo(node.writerKey().toHex());
        assertThat(peer.path("msbAddress").textValue()).isEqualTo(wallet.address()).startsWith("trac1");
        assertThat(peer.path("baseWritable").booleanValue()).isTrue();
        assertThat(peer.path("isWriter").booleanValue()).isTrue();
        assertThat(peer.path("isIndexer").booleanValue()).isEqualTo(node.isIndexer());
        assertThat(peer.path("subnetBootstrapHex").textValue()).isEqualTo(node.subnet().toHex());
        assertThat(peer.path("subnetChannelUtf8").textValue()).isEqualTo(CHANNEL);
        long signed = peer.path("subnetSignedLength").longValue();
        assertThat(signed).isGreaterThanOrEqualTo(4);
        assertThat(peer.path("subnetUnsignedLength").longValue()).isGreaterThanOrEqualTo(signed);
        assertThat(peer.path("admin").textValue()).isEqualTo(wallet.publicKeyHex());
        assertThat(peer.path("chatStatus").textValue()).isEqualTo("on");
        // No MSB runs in this test.
        assertThat(status.path("msb").path("ready").booleanValue()).isFalse();
    }

    @Test
    void stateReadsTheSubnetsViews() throws Exception {
        populate();
        assertThat(rpc.get("/v1/state?key=app/demo/a").body())
                .isEqualTo("{\"key\":\"app/demo/a\",\"confirmed\":true,\"value\":7}");
        assertThat(rpc.get("/v1/state?key=app/demo/a&confirmed=false").body())
                .isEqualTo("{\"key\":\"app/demo/a\",\"confirmed\":false,\"value\":7}");
        assertThat(rpc.get("/v1/state?key=admin").body())
                .isEqualTo("{\"key\":\"admin\",\"confirmed\":true,\"value\":\"" + wallet.publicKeyHex() + "\"}");
    }

    @Test
    void schemaFollowsThePinOfTheSubnet() throws Exception {
        assertThat(TestRpc.json(rpc.get("/v1/contract/schema")).path("reason").textValue())
                .isEqualTo("The subnet pins no contract app.");
        populate();
        JsonNode contract = TestRpc.json(rpc.get("/v1/contract/schema")).path("contract");
        assertThat(contract.path("app").textValue()).isEqualTo("demo");
        assertThat(contract.path("hash").textValue()).isEqualTo(V1);
        assertThat(contract.path("txTypes")).isEqualTo(TestRpc.json("[\"ping\",\"set\"]"));
        assertThat(contract.path("ops").path("set").path("value").path("required"))
                .isEqualTo(TestRpc.json("[\"key\",\"n\"]"));
    }

    @Test
    void healthAndNonceToo() throws Exception {
        assertThat(rpc.get("/v1/health").body()).isEqualTo("{\"ok\":true}");
        assertThat(TestRpc.json(rpc.get("/v1/contract/nonce")).path("nonce").textValue()).matches("[0-9a-f]{64}");
        // The route is served, but this peer's MSB does not run in this test.
        assertThat(rpc.get("/v1/contract/tx/context").statusCode()).isEqualTo(409);
    }
}
