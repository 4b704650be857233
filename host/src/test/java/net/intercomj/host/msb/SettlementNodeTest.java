package net.intercomj.host.msb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import net.intercomj.api.contract.ContractApp;
import net.intercomj.api.contract.ContractDefinition;
import net.intercomj.api.contract.TxCommand;
import net.intercomj.api.subnet.TxException;
import net.intercomj.api.subnet.TxResult;
import net.intercomj.api.json.Json;
import net.intercomj.api.json.JsonObject;
import net.intercomj.host.contract.ContractApps;
import net.intercomj.host.msb.ops.TxSettlement;
import net.intercomj.host.msb.state.SettlementRejected;
import net.intercomj.host.net.Bytes32;
import net.intercomj.host.net.dht.DhtConfig;
import net.intercomj.host.net.dht.DhtNode;
import net.intercomj.host.store.WriterKey;
import net.intercomj.host.subnet.log.LogEntry;
import net.intercomj.host.subnet.log.WriterLogStore;
import net.intercomj.host.subnet.op.CanonicalJson;
import net.intercomj.host.subnet.op.OpResult;
import net.intercomj.host.subnet.op.ViewKeys;
import net.intercomj.host.subnet.op.admin.UpgradeContractOp;
import net.intercomj.host.wallet.PeerWallet;
import net.intercomj.host.wallet.TracAddress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A subnet creator with its embedded MSB, wired as {@code PeerHost} wires them, on a real loopback
 * network: a paid transaction runs the pinned contract in the subnet, costs its fee, and survives
 * a crash between saving it and submitting it.
 */
@Timeout(90)
class SettlementNodeTest {

    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final String CHANNEL = "settlement-node";
    private static final String V1 = "11".repeat(32);
    private static final BigInteger GENESIS = Amounts.parse("10");

    /** {@code set} stores a number under {@code app/demo/<key>}; the command {@code set <key> <n>} maps to it. */
    private static final ContractApp DEMO = new ContractApp() {
        @Override
        public void define(ContractDefinition contract) {
            contract.addSchema("set", Json.object()
                    .put("value", Json.object().put("$$type", "object").put("key", "string").put("n", "number").build())
                    .build(), call -> {
                        JsonObject value = call.value().asObject();
                        call.put("app/demo/" + value.string("key"), value.get("n").orElseThrow());
                    });
        }

        @Override
        public Optional<TxCommand> mapTxCommand(String command) {
            String[] words = command.trim().split(" ");
            if (words.length != 3 || !words[0].equals("set")) {
                return Optional.empty();
            }
            Json n = words[2].matches("-?[0-9]+") ? Json.of(Long.parseLong(words[2])) : Json.of(words[2]);
            return Optional.of(new TxCommand("set", Json.object().put("key", words[1]).put("n", n).build()));
        }
    };

    @TempDir
    Path folder;

    private DhtNode dht;
    private PeerWallet wallet;
    private SettlementPeer peer;
    private final List<String> log = new CopyOnWriteArrayList<>();

    /** One run of the peer, from the same folder every time. */
    private SettlementPeer newPeer() throws Exception {
        ContractApps apps = new ContractApps();
        apps.add("demo", V1, DEMO);
        return new SettlementPeer(folder, wallet, dht.localAddress(), CHANNEL, apps, GENESIS, true, log::add);
    }

    @BeforeEach
    void start() throws Exception {
        dht = DhtNode.start(DhtConfig.of(LOOPBACK, 0, List.of()));
        wallet = PeerWallet.generate();
    }

    @AfterEach
    void close() {
        if (peer != null) {
            peer.close();
        }
        if (dht != null) {
            dht.close();
        }
    }

    private Path pendingFile() {
        return folder.resolve("pending.json");
    }

    /** Starts the peer for the first time: pins the contract and waits until its embedded MSB deployed the subnet. */
    private SettlementPeer firstStart() throws Exception {
        peer = newPeer();
        OpResult pinned = peer.node.append(JsonNodeFactory.instance.objectNode().put("type", UpgradeContractOp.TYPE)
                .put("key", UpgradeContractOp.key("demo", V1))).get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
        assertThat(pinned).isInstanceOf(OpResult.Applied.class);
        awaitDeployed(peer);
        return peer;
    }

    private static void awaitDeployed(SettlementPeer peer) {
        await().atMost(DEADLINE).until(() -> peer.settlement.node()
                .flatMap(msb -> msb.confirmed().deployment(peer.node.subnet().toHex())).isPresent());
        assertThat(peer.node.confirmed().get(ViewKeys.MSB)).hasValueSatisfying(msb -> assertThat(msb)
                .contains(peer.msb().network().bootstrap().toHex()));
    }

    private static JsonNode set(String key, int n) throws Exception {
        return CanonicalJson.parse("{\"type\":\"set\",\"value\":{\"key\":\"" + key + "\",\"n\":" + n + "}}");
    }

    @Test
    void aPaidTransactionRunsTheContractInTheSubnetAndCostsItsFee() throws Exception {
        SettlementPeer peer = firstStart();
        MsbNode msb = peer.msb();
        assertThat(msb.isCreator()).isTrue();
        assertThat(msb.confirmed().deployment(peer.node.subnet().toHex()).orElseThrow().deployer())
                .isEqualTo(wallet.address());

        JsonNode dispatch = set("a", 7);
        peer.transactions.check(dispatch, wallet.publicKeyHex());
        TxSettlement op = peer.settlement.payer().transaction(msb, dispatch, peer.node.subnet(), peer.node.writerKey());
        msb.preflight(op);
        assertThat(peer.transactions.pay(msb, op, dispatch).get(DEADLINE.toSeconds(), TimeUnit.SECONDS))
                .isEqualTo(op.tx());

        await().atMost(DEADLINE).until(() -> peer.confirmed("app/demo/a").isPresent());
        assertThat(peer.confirmed("app/demo/a")).contains("7");
        assertThat(peer.confirmed(ViewKeys.TX_COUNT)).contains("1");
        assertThat(peer.confirmed(ViewKeys.transactionIndex(op.tx()))).contains("0");
        assertThat(peer.confirmed(ViewKeys.userTransactionCount(wallet.publicKeyHex()))).contains("1");
        await().atMost(DEADLINE).until(() -> peer.relay.size() == 0);
        assertThat(PendingTxs.open(pendingFile()).all()).isEmpty();

        // Deploying and the transaction cost 0.03 each; the requester deployed, so the validator
        // got 75% of the first and 50% of the second, and the rest was burned.
        assertThat(msb.confirmed().balance(wallet.address())).contains(GENESIS.subtract(Amounts.FEE).subtract(Amounts.FEE));
        assertThat(msb.confirmed().balance(msb.validatorAddress())).contains(Amounts.parse("0.0375"));
        assertThat(msb.confirmed().burned()).isEqualTo(Amounts.parse("0.0225"));
        assertThat(msb.confirmed().supply()).isEqualTo(GENESIS);
    }

    @Test
    void aCommandRunsAsTxRunsIt() throws Exception {
        SettlementPeer peer = firstStart();
        CommandTransactions runner = new CommandTransactions(peer.node, peer.settlement::requireNode,
                peer.settlement.payer(), peer.apps, peer.transactions);
        assertThatThrownBy(() -> runner.run("nope", false)).isInstanceOf(TxException.class)
                .hasMessage("demo::tx(): command not found.");
        // The schema wants a number: the simulation shows the contract's refusal, nothing is paid.
        assertThat(runner.run("set s three", true)).isEqualTo(new TxResult.Simulated("set",
                Optional.of("Invalid schema. The 'value.n' field must be a number.")));
        assertThat(runner.run("set s 3", true)).isEqualTo(new TxResult.Simulated("set", Optional.empty()));
        assertThat(peer.node.unconfirmed().get("app/demo/s")).isEmpty();
        assertThat(peer.msb().confirmed().balance(wallet.address())).contains(GENESIS.subtract(Amounts.FEE));

        TxResult paid = runner.run("set s 3", false);
        assertThat(paid).isInstanceOf(TxResult.Broadcast.class);
        String tx = ((TxResult.Broadcast) paid).tx();
        await().atMost(DEADLINE).until(() -> peer.confirmed("app/demo/s").isPresent());
        assertThat(peer.confirmed("app/demo/s")).contains("3");
        assertThat(peer.confirmed(ViewKeys.transactionIndex(tx))).contains("0");
    }

    @Test
    void aPaidTransactionIsNeverLostWhenThePeerStopsBeforeSubmittingIt() throws Exception {
        SettlementPeer first = firstStart();
        JsonNode dispatch = set("b", 9);
        TxSettlement op = first.settlement.payer().transaction(first.msb(), dispatch, first.node.subnet(),
                first.node.writerKey());
        first.msb().preflight(op);
        first.close();
        peer = null;
        // The crash came right after saving it: the file holds it, no validator has seen it.
        PendingTxs saved = PendingTxs.open(pendingFile());
        saved.add(new PendingTxs.Pending(op, dispatch));
        assertThat(PendingTxs.open(pendingFile()).all()).hasSize(1);

        peer = newPeer();
        SettlementPeer again = peer;
        await().atMost(DEADLINE).until(() -> again.confirmed(ViewKeys.transactionIndex(op.tx())).isPresent());
        assertThat(again.msb().confirmed().record(op.tx())).isPresent();
        assertThat(again.confirmed("app/demo/b")).contains("9");
        assertThat(again.confirmed(ViewKeys.TX_COUNT)).contains("1");
        await().atMost(DEADLINE).until(() -> PendingTxs.open(pendingFile()).all().isEmpty());
        assertThat(again.relay.size()).isZero();
        // The relay of the new run carried it, and only once.
        assertThat(log).filteredOn(line -> line.startsWith("MSB TX confirmed: " + op.tx())).hasSize(1);
        // Restarting deployed nothing again and gave no second genesis.
        assertThat(again.msb().confirmed().balance(wallet.address()))
                .contains(GENESIS.subtract(Amounts.FEE).subtract(Amounts.FEE));
        assertThat(again.msb().confirmed().supply()).isEqualTo(GENESIS);
    }

    @Test
    void aTxOpStoredButNotYetConfirmedAtAStopIsAppliedAfterTheRestart() throws Exception {
        SettlementPeer first = firstStart();
        MsbNode msb = first.msb();
        JsonNode dispatch = set("d", 3);
        TxSettlement op = first.settlement.payer().transaction(msb, dispatch, first.node.subnet(), first.node.writerKey());
        msb.submit(op).get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
        msb.confirmation(op.tx()).get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
        JsonNode txOp = Transactions.subnetOp(op.tx(), msb.confirmed().length(), dispatch, wallet.publicKeyHex(),
                HexFormat.of().formatHex(TracAddress.decode(msb.network().hrp(), msb.validatorAddress())));
        Bytes32 subnet = first.node.subnet();
        first.close();
        peer = null;
        // The peer stopped right after storing its tx op, before the subnet confirmed it: at the
        // restart it is an unconfirmed entry, applied before this peer's MSB runs again.
        WriterKey writerKey = WriterKey.loadOrCreate(folder.resolve("writer.key"));
        try (WriterLogStore logs = WriterLogStore.open(folder.resolve("subnet").resolve("logs"), subnet)) {
            Bytes32 self = Bytes32.of(writerKey.publicKey());
            LogEntry previous = logs.get(self, logs.length(self) - 1).orElseThrow();
            logs.append(LogEntry.append(subnet, self, previous, List.of(), System.currentTimeMillis(),
                    CanonicalJson.write(txOp), writerKey::sign));
        }

        peer = newPeer();
        SettlementPeer again = peer;
        await().atMost(DEADLINE).until(() -> again.confirmed(ViewKeys.transactionIndex(op.tx())).isPresent());
        assertThat(again.confirmed("app/demo/d")).contains("3");
        assertThat(again.node.paused()).isEmpty();
        assertThat(again.node.halted()).isEmpty();
    }

    @Test
    void aViewRebuiltFromTheConfirmedLogAtStartWaitsForTheMsbToProveItsTxOps() throws Exception {
        SettlementPeer first = firstStart();
        MsbNode msb = first.msb();
        JsonNode dispatch = set("e", 5);
        TxSettlement op = first.settlement.payer().transaction(msb, dispatch, first.node.subnet(), first.node.writerKey());
        first.transactions.pay(msb, op, dispatch).get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
        await().atMost(DEADLINE).until(() -> first.confirmed(ViewKeys.transactionIndex(op.tx())).isPresent());
        first.close();
        peer = null;
        // As after a crash between storing confirmed batches and applying them: the view is
        // behind the confirmed log, and catching up meets the tx op before this peer's MSB runs.
        deleteRecursively(folder.resolve("subnet").resolve("view"));

        peer = newPeer();
        SettlementPeer again = peer;
        await().atMost(DEADLINE).until(() -> again.confirmed(ViewKeys.transactionIndex(op.tx())).isPresent());
        assertThat(again.confirmed("app/demo/e")).contains("5");
        assertThat(again.confirmed(ViewKeys.TX_COUNT)).contains("1");
        assertThat(again.node.halted()).isEmpty();
        assertThat(again.node.paused()).isEmpty();
        // It goes on confirming new ops.
        assertThat(again.node.append(JsonNodeFactory.instance.objectNode().put("type", "addAdmin")
                .put("key", wallet.publicKeyHex())).get(DEADLINE.toSeconds(), TimeUnit.SECONDS))
                .isInstanceOf(OpResult.Applied.class);
    }

    private static void deleteRecursively(Path path) throws java.io.IOException {
        try (var paths = java.nio.file.Files.walk(path)) {
            for (Path each : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                java.nio.file.Files.delete(each);
            }
        }
    }

    @Test
    void aRefusedTransactionFailsWithTheReasonAndLeavesNothingPending() throws Exception {
        SettlementPeer peer = firstStart();
        MsbNode msb = peer.msb();
        JsonNode dispatch = set("c", 1);
        PeerWallet unfunded = PeerWallet.generate();
        TxSettlement op = new Payer(unfunded).transaction(msb, dispatch, peer.node.subnet(), peer.node.writerKey());
        assertThatThrownBy(() -> msb.preflight(op)).isInstanceOf(SettlementRejected.class)
                .hasMessage("Requester address not found in state");

        assertThatThrownBy(() -> peer.transactions.pay(msb, op, dispatch).get(DEADLINE.toSeconds(), TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(SettlementRejected.class)
                .hasMessage("Requester address not found in state");
        assertThat(peer.relay.size()).isZero();
        assertThat(PendingTxs.open(pendingFile()).all()).isEmpty();
        assertThat(msb.unconfirmed().record(op.tx())).isEmpty();
        assertThat(peer.node.unconfirmed().get(ViewKeys.TX_COUNT)).isEmpty();
    }
}
