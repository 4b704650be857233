package net.intercomj.host.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import net.intercomj.api.contract.ContractApp;
import net.intercomj.api.json.Json;
import net.intercomj.api.json.JsonObject;
import net.intercomj.host.contract.ContractApps;
import net.intercomj.host.msb.Amounts;
import net.intercomj.host.msb.MsbNode;
import net.intercomj.host.msb.Payer;
import net.intercomj.host.msb.PeerSettlement;
import net.intercomj.host.msb.SettlementPeer;
import net.intercomj.host.msb.Transactions;
import net.intercomj.host.msb.ops.SettlementHashes;
import net.intercomj.host.msb.ops.Transfer;
import net.intercomj.host.net.dht.DhtConfig;
import net.intercomj.host.net.dht.DhtNode;
import net.intercomj.host.rpc.handlers.BuiltInRoutes;
import net.intercomj.host.subnet.SubnetNode;
import net.intercomj.host.subnet.op.CanonicalJson;
import net.intercomj.host.subnet.op.OpResult;
import net.intercomj.host.subnet.op.ViewKeys;
import net.intercomj.host.subnet.op.admin.UpgradeContractOp;
import net.intercomj.host.wallet.PeerWallet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The transaction routes over a real subnet whose creator runs its embedded MSB, as
 * {@code PeerHost} wires them: an external wallet reads the context, hashes and signs a
 * transaction, and the peer simulates it or pays it from the wallet's MSB account.
 */
@Timeout(90)
class RpcTransactionTest {

    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final HexFormat HEX = HexFormat.of();
    private static final String V1 = "11".repeat(32);
    private static final String CHANNEL = "rpc-transaction";
    private static final String TX_PATH = "/v1/contract/tx";

    /** {@code set} stores a number under {@code app/demo/<key>}. */
    private static final ContractApp DEMO = contract -> contract.addSchema("set", Json.object()
            .put("value", Json.object().put("$$type", "object").put("key", "string").put("n", "number").build())
            .build(), call -> {
                JsonObject value = call.value().asObject();
                call.put("app/demo/" + value.string("key"), value.get("n").orElseThrow());
            });

    @TempDir
    Path folder;

    private final SecureRandom random = new SecureRandom();
    private DhtNode bootstrap;
    private SettlementPeer peer;
    private SubnetNode node;
    private PeerWallet wallet;
    private ContractApps apps;
    private TestRpc rpc;
    private PeerSettlement settlement;
    private Transactions transactions;

    @BeforeEach
    void start() throws Exception {
        bootstrap = DhtNode.start(DhtConfig.of(LOOPBACK, 0, List.of()));
        wallet = PeerWallet.generate();
        apps = new ContractApps();
        apps.add("demo", V1, DEMO);
        peer = new SettlementPeer(folder, wallet, bootstrap.localAddress(), CHANNEL, apps, Amounts.parse("100"), true,
                line -> { });
        node = peer.node;
        settlement = peer.settlement;
        transactions = peer.transactions;
        rpc = TestRpc.start(BuiltInRoutes.all(node, wallet, CHANNEL, apps, settlement, transactions, true));
        OpResult pinned = node.append(JsonNodeFactory.instance.objectNode().put("type", UpgradeContractOp.TYPE)
                .put("key", UpgradeContractOp.key("demo", V1))).get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
        assertThat(pinned).isInstanceOf(OpResult.Applied.class);
        await().atMost(DEADLINE).until(() -> settlement.node()
                .flatMap(msb -> msb.confirmed().deployment(node.subnet().toHex())).isPresent());
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

    private MsbNode msb() {
        return settlement.node().orElseThrow();
    }

    /** Pays {@code units} from the peer's wallet (which holds the genesis balance) to {@code to}, confirmed. */
    private void fund(PeerWallet to, BigInteger units) throws Exception {
        Transfer transfer = new Payer(wallet).transfer(msb(), to.address(), units);
        msb().preflight(transfer);
        msb().submit(transfer).get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
        msb().confirmation(transfer.tx()).get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
        assertThat(msb().confirmed().balance(to.address())).contains(units);
    }

    private HttpResponse<String> post(String body) throws Exception {
        return rpc.send(rpc.authorized(TX_PATH).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private HttpResponse<String> post(JsonNode body) throws Exception {
        return post(body.toString());
    }

    private static String error(HttpResponse<String> response) throws Exception {
        return TestRpc.json(response).path("error").asText();
    }

    private static JsonNode command(String key, int n) throws Exception {
        return TestRpc.json("{\"type\":\"set\",\"value\":{\"key\":\"" + key + "\",\"n\":" + n + "}}");
    }

    /** What the wallet signs: the tx hash of {@code command} and {@code nonce} with the context the route gave. */
    private static byte[] txHash(JsonNode context, JsonNode command, byte[] nonce) {
        JsonNode msb = context.path("msb");
        return SettlementHashes.tx(msb.path("networkId").intValue(), HEX.parseHex(msb.path("txv").textValue()),
                HEX.parseHex(msb.path("iw").textValue()),
                SettlementHashes.contentHash(CanonicalJson.write(command)), HEX.parseHex(msb.path("bs").textValue()),
                HEX.parseHex(msb.path("mbs").textValue()), nonce);
    }

    /** The request body of a transaction {@code signer} signed, as a wallet builds it. */
    private ObjectNode signed(PeerWallet signer, JsonNode command) throws Exception {
        JsonNode context = TestRpc.json(rpc.get("/v1/contract/tx/context"));
        byte[] nonce = new byte[32];
        random.nextBytes(nonce);
        byte[] tx = txHash(context, command, nonce);
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("tx", HEX.formatHex(tx));
        body.set("prepared_command", command.deepCopy());
        body.put("address", signer.publicKeyHex()).put("signature", HEX.formatHex(signer.sign(tx)))
                .put("nonce", HEX.formatHex(nonce));
        return body;
    }

    @Test
    void contextAndStatusNameThisPeersMsb() throws Exception {
        HttpResponse<String> response = rpc.get("/v1/contract/tx/context");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode context = TestRpc.json(response).path("msb");
        assertThat(context.path("networkId").intValue()).isEqualTo(918);
        assertThat(context.path("txv").textValue()).matches("[0-9a-f]{64}")
                .isEqualTo(HEX.formatHex(msb().unconfirmed().txv()));
        assertThat(context.path("iw").textValue()).isEqualTo(node.writerKey().toHex());
        assertThat(context.path("bs").textValue()).isEqualTo(node.subnet().toHex());
        assertThat(context.path("mbs").textValue()).isEqualTo(msb().network().bootstrap().toHex());
        assertThat(context.path("operationType").intValue()).isEqualTo(12);

        JsonNode status = TestRpc.json(rpc.get("/v1/status")).path("msb");
        assertThat(status.path("ready").booleanValue()).isTrue();
        assertThat(status.path("bootstrapHex").textValue()).isEqualTo(msb().network().bootstrap().toHex());
        assertThat(status.path("networkId").intValue()).isEqualTo(918);
    }

    @Test
    void anExternalWalletSimulatesThenPaysForATransaction() throws Exception {
        PeerWallet external = PeerWallet.generate();
        BigInteger funds = Amounts.ONE;
        fund(external, funds);
        JsonNode command = command("x", 42);

        // Simulated: the contract passes, nothing is paid or appended.
        ObjectNode simulated = signed(external, command).put("sim", true);
        HttpResponse<String> sim = post(simulated);
        assertThat(sim.statusCode()).as(sim.body()).isEqualTo(200);
        assertThat(sim.body()).isEqualTo("{\"result\":{\"error\":null}}");
        assertThat(msb().unconfirmed().record(simulated.path("tx").textValue())).isEmpty();
        assertThat(peer.relay.size()).isZero();

        // A command the contract's schema refuses would not be indexed: 422 with the contract's reason.
        HttpResponse<String> refused = post(signed(external,
                TestRpc.json("{\"type\":\"set\",\"value\":{\"key\":\"x\"}}")).put("sim", true));
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
        assertThat(error(refused)).startsWith("Invalid schema.");

        // Client errors, each 400 with its reason; none pays.
        HttpResponse<String> stringSim = post(signed(external, command).put("sim", "true"));
        assertThat(stringSim.statusCode()).isEqualTo(400);
        assertThat(error(stringSim)).isEqualTo("sim must be a boolean.");

        ObjectNode extraKey = signed(external, command);
        ((ObjectNode) extraKey.get("prepared_command")).put("extra", 1);
        HttpResponse<String> extra = post(extraKey);
        assertThat(extra.statusCode()).isEqualTo(400);
        assertThat(error(extra)).startsWith("prepared_command must hold exactly type");

        ObjectNode badSignature = signed(external, command);
        badSignature.put("signature", HEX.formatHex(external.sign(HEX.parseHex("ab".repeat(32)))));
        HttpResponse<String> signature = post(badSignature);
        assertThat(signature.statusCode()).isEqualTo(400);
        assertThat(error(signature)).startsWith("Invalid MSB tx: ").contains("signature");

        ObjectNode otherSigner = signed(PeerWallet.generate(), command);
        otherSigner.put("address", external.publicKeyHex());
        HttpResponse<String> notTheWallet = post(otherSigner);
        assertThat(notTheWallet.statusCode()).isEqualTo(400);
        assertThat(error(notTheWallet)).startsWith("Invalid MSB tx: ");

        ObjectNode otherHash = signed(external, command);
        otherHash.put("nonce", "cd".repeat(32));
        HttpResponse<String> hash = post(otherHash);
        assertThat(hash.statusCode()).isEqualTo(400);
        assertThat(error(hash)).startsWith("Invalid TX");

        HttpResponse<String> noBody = rpc.send(rpc.authorized(TX_PATH).POST(HttpRequest.BodyPublishers.noBody()).build());
        assertThat(noBody.statusCode()).isEqualTo(400);
        assertThat(error(noBody)).isEqualTo("Missing JSON body.");

        HttpResponse<String> invalid = post("{\"tx\":");
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(error(invalid)).isEqualTo("Invalid JSON payload.");
        assertThat(peer.relay.size()).isZero();
        assertThat(msb().confirmed().balance(external.address())).contains(funds);

        // Paid: accepted by the MSB, then appended and run in the subnet under the wallet's key.
        ObjectNode paid = signed(external, command).put("sim", false);
        String tx = paid.path("tx").textValue();
        HttpResponse<String> response = post(paid);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode result = TestRpc.json(response);
        assertThat(result.path("status").textValue()).isEqualTo("accepted");
        assertThat(result.path("result").path("type").intValue()).isEqualTo(12);
        assertThat(result.path("result").path("address").textValue()).isEqualTo(external.address());
        assertThat(result.path("result").path("txo").path("tx").textValue()).isEqualTo(tx);

        await().atMost(DEADLINE).until(() -> node.confirmed().get("app/demo/x").isPresent());
        assertThat(node.confirmed().get("app/demo/x")).contains("42");
        assertThat(node.confirmed().get(ViewKeys.userTransactionCount(external.publicKeyHex()))).contains("1");
        assertThat(node.confirmed().get(ViewKeys.userTransactionCount(wallet.publicKeyHex()))).isEmpty();
        assertThat(node.confirmed().get(ViewKeys.transactionIndex(tx))).contains("0");
        JsonNode indexed = CanonicalJson.parse(node.confirmed().get(ViewKeys.transaction(0)).orElseThrow());
        assertThat(indexed.path("ipk").textValue()).isEqualTo(external.publicKeyHex());
        assertThat(indexed.path("wp").textValue()).isEqualTo(HEX.formatHex(
                net.intercomj.host.wallet.TracAddress.decode("trac", msb().validatorAddress())));
        // The wallet paid the fee, not the peer.
        assertThat(msb().confirmed().balance(external.address())).contains(funds.subtract(Amounts.FEE));
        await().atMost(DEADLINE).until(() -> peer.relay.size() == 0);
    }

    @Test
    void withoutApiTxExposedThePostIsForbidden() throws Exception {
        try (TestRpc closed = TestRpc.start(BuiltInRoutes.all(node, wallet, CHANNEL, apps, settlement, transactions,
                false))) {
            HttpResponse<String> response = closed.send(closed.authorized(TX_PATH).header("Content-Type",
                    "application/json").POST(HttpRequest.BodyPublishers.ofString(signed(wallet, command("y", 1))
                    .put("sim", false).toString())).build());
            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(TestRpc.json(response).path("error").textValue()).isEqualTo("Transactions not exposed in API.");
            // The context stays readable.
            assertThat(closed.get("/v1/contract/tx/context").statusCode()).isEqualTo(200);
        }
        assertThat(peer.relay.size()).isZero();
        assertThat(node.unconfirmed().get(ViewKeys.TX_COUNT)).isEmpty();
    }
}
