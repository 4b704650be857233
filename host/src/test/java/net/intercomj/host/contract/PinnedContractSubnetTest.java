package net.intercomj.host.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import net.intercomj.api.command.CommandArgs;
import net.intercomj.api.command.CommandException;
import net.intercomj.api.command.TerminalCommand;
import net.intercomj.api.contract.ContractApp;
import net.intercomj.api.json.Json;
import net.intercomj.api.json.JsonObject;
import net.intercomj.host.apps.services.SubnetService;
import net.intercomj.host.feature.TimerFeature;
import net.intercomj.host.net.Bytes32;
import net.intercomj.host.subnet.LocalSubnets;
import net.intercomj.host.subnet.SignedOps;
import net.intercomj.host.subnet.StandardOps;
import net.intercomj.host.subnet.SubnetNode;
import net.intercomj.host.subnet.op.OpResult;
import net.intercomj.host.subnet.op.admin.UpgradeContractOp;
import net.intercomj.host.terminal.commands.subnet.ContractsCommand;
import net.intercomj.host.terminal.commands.subnet.SubnetCommands;
import net.intercomj.host.terminal.commands.subnet.UpgradeContractCommand;
import net.intercomj.host.wallet.PeerWallet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Java contract pinned by a subnet, on two real peers: the joiner picks the pinned version by
 * itself, waits while it lacks it, and switches versions at the same op as the creator.
 */
@Timeout(120)
class PinnedContractSubnetTest {

    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final String V1 = "11".repeat(32);
    private static final String V2 = "22".repeat(32);

    @TempDir
    Path folder;

    private LocalSubnets subnets;

    /** A subnet peer and the contract apps it has loaded. */
    private record Peer(PeerWallet wallet, SubnetNode node, ContractApps apps, List<String> log) {
        String pubkey() {
            return wallet.publicKeyHex();
        }
    }

    /** Version 1: {@code set} stores a number under {@code app/demo/<key>}; the chat hook keeps the last message. */
    private static final ContractApp DEMO_V1 = contract -> {
        contract.addSchema("set", Json.object()
                .put("value", Json.object().put("$$type", "object").put("key", "string").put("n", "number").build())
                .build(), call -> {
                    JsonObject value = call.value().asObject();
                    call.put("app/demo/" + value.string("key"), value.get("n").orElseThrow());
                });
        contract.messageHandler(call -> call.put("app/demo/last", Json.of(call.op().string("msg"))));
    };

    /** Version 2: the chat hook also counts messages. */
    private static final ContractApp DEMO_V2 = contract -> {
        contract.messageHandler(call -> {
            call.put("app/demo/last", Json.of(call.op().string("msg")));
            call.put("app/demo/count", Json.of(call.get("app/demo/count").map(Json::asLong).orElse(0L) + 1));
        });
    };

    private Peer peer(String name, Bytes32 subnetOrNull) throws Exception {
        if (subnets == null) {
            subnets = new LocalSubnets(folder, "pinned-contract");
        }
        ContractApps apps = new ContractApps();
        LocalSubnets.Peer started = subnets.start(name, subnetOrNull,
                subnet -> StandardOps.applier(subnet, new PinnedContract(apps), net.intercomj.host.subnet.op.contract.AcceptingProofs.ACCEPT));
        apps.onChange(started.node()::resume);
        return new Peer(started.wallet(), started.node(), apps, started.log());
    }

    @AfterEach
    void close() throws Exception {
        if (subnets != null) {
            subnets.close();
        }
    }

    private static ObjectNode adminMsgOp(Peer signer, String type, String key) {
        return SignedOps.adminMsgOp(signer.node().subnet(), signer.wallet(), type, key);
    }

    private static ObjectNode post(Peer author, String text) {
        return SignedOps.post(author.node().subnet(), author.wallet(), text);
    }

    /** A contract transaction as the MSB path appends it (the settlement proof is the MSB issue's). */
    private static ObjectNode tx(int n, Peer requester, String dispatchJson) throws Exception {
        ObjectNode op = JsonNodeFactory.instance.objectNode().put("type", "tx").put("key", String.format("%064x", n));
        ObjectNode value = op.putObject("value").put("msbsl", 0);
        value.set("dispatch", new com.fasterxml.jackson.databind.ObjectMapper().readTree(dispatchJson));
        value.put("ipk", requester.pubkey()).put("wp", "00".repeat(32));
        return op;
    }

    private static OpResult confirmed(CompletableFuture<OpResult> result) throws Exception {
        return result.get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
    }

    @Test
    void aJoinerWaitsForThePinnedVersionRunsItOnceLoadedAndSwitchesAtTheUpgrade() throws Exception {
        Peer creator = peer("creator", null);
        creator.apps().add("demo", V1, DEMO_V1);
        ObjectNode pin = JsonNodeFactory.instance.objectNode().put("type", UpgradeContractOp.TYPE)
                .put("key", UpgradeContractOp.key("demo", V1));
        assertThat(confirmed(creator.node().append(pin))).isEqualTo(OpResult.applied("Contract pinned: demo " + V1));
        confirmed(creator.node().append(JsonNodeFactory.instance.objectNode().put("type", "addAdmin")
                .put("key", creator.pubkey())));
        confirmed(creator.node().append(adminMsgOp(creator, "setChatStatus", "on")));
        assertThat(confirmed(creator.node().append(tx(1, creator, "{\"type\":\"set\",\"value\":{\"key\":\"a\",\"n\":7}}"))))
                .isEqualTo(OpResult.applied(null));
        assertThat(creator.node().confirmed().get("app/demo/a")).contains("7");
        assertThat(confirmed(creator.node().append(post(creator, "first")))).isInstanceOf(OpResult.Applied.class);
        assertThat(creator.node().confirmed().get("app/demo/last")).contains("\"first\"");

        // The joiner has no contract yet: it stops before the first op that needs one and says which.
        Peer joiner = peer("joiner", creator.node().subnet());
        await().atMost(DEADLINE).until(() -> joiner.node().paused().isPresent());
        String needV1 = "contract version mismatch: subnet pins " + V1 + ", this peer runs none";
        assertThat(joiner.node().paused().get()).startsWith(needV1);
        assertThat(joiner.node().stats().paused()).startsWith(needV1);
        assertThat(joiner.log()).anyMatch(line -> line.startsWith("Subnet apply paused: " + needV1));
        assertThat(joiner.node().confirmed().get("app/demo/a")).isEmpty();

        // Another app id does not help; the pinned one at the pinned version does.
        joiner.apps().add("other", V1, DEMO_V1);
        joiner.apps().add("demo", V1, DEMO_V1);
        await().atMost(DEADLINE).until(() -> joiner.node().confirmed().get("app/demo/last").equals(Optional.of("\"first\"")));
        assertThat(joiner.node().paused()).isEmpty();
        assertThat(joiner.node().confirmed().get("app/demo/a")).contains("7");

        // The admin upgrades; the creator has version 2, the joiner only version 1.
        creator.apps().add("demo", V2, DEMO_V2);
        assertThat(confirmed(creator.node().append(adminMsgOp(creator, UpgradeContractOp.TYPE,
                UpgradeContractOp.key("demo", V2))))).isEqualTo(OpResult.applied("Contract pinned: demo " + V2));
        confirmed(creator.node().append(post(creator, "second")));
        assertThat(creator.node().confirmed().get("app/demo/count")).contains("1");
        // Version 2 has no "set": the same kind of transaction is no longer indexed.
        assertThat(confirmed(creator.node().append(tx(2, creator, "{\"type\":\"set\",\"value\":{\"key\":\"b\",\"n\":1}}"))))
                .isEqualTo(OpResult.rejected("Unknown contract operation type."));

        await().atMost(DEADLINE).until(() -> joiner.node().paused().isPresent());
        assertThat(joiner.node().paused().get())
                .startsWith("contract version mismatch: subnet pins " + V2 + ", this peer runs " + V1);
        // Its confirmed view goes up to the upgrade (which needs no contract), and no further.
        await().atMost(DEADLINE).until(() -> joiner.node().confirmed().get("ctr")
                .equals(Optional.of("{\"app\":\"demo\",\"hash\":\"" + V2 + "\"}")));
        assertThat(joiner.node().confirmed().get("ctr")).contains("{\"app\":\"demo\",\"hash\":\"" + V2 + "\"}");
        assertThat(joiner.node().confirmed().get("app/demo/last")).contains("\"first\"");
        assertThat(joiner.node().confirmed().get("app/demo/count")).isEmpty();

        joiner.apps().add("demo", V2, DEMO_V2);
        await().atMost(DEADLINE).until(() -> joiner.node().confirmed().get("app/demo/count").equals(Optional.of("1")));
        for (String key : List.of("ctr", "app/demo/a", "app/demo/last", "app/demo/count", "msgl", "txl")) {
            assertThat(joiner.node().confirmed().get(key)).as(key).isEqualTo(creator.node().confirmed().get(key));
        }
        assertThat(joiner.node().confirmed().get("app/demo/last")).contains("\"second\"");
        assertThat(joiner.node().stats().halted()).isNull();
    }

    private static List<String> run(TerminalCommand command, String line) throws CommandException {
        List<String> out = new CopyOnWriteArrayList<>();
        command.execute(CommandArgs.parse(line), out::add);
        return out;
    }

    @Test
    void theAdminUpgradesWithTheCommandAndContractsListsWhatIsLoadedAndPinned() throws Exception {
        Peer creator = peer("creator", null);
        creator.apps().add("demo", V1, DEMO_V1);
        PeerWallet admin = creator.wallet();
        SubnetCommands shared = new SubnetCommands(creator.node(), admin);
        UpgradeContractCommand upgrade = new UpgradeContractCommand(shared, creator.apps());
        ContractsCommand contracts = new ContractsCommand(creator.node(), creator.apps());
        assertThat(run(contracts, "/contracts")).containsExactly("Subnet pins: no contract", "demo " + V1);

        // Only the admin may upgrade.
        assertThatThrownBy(() -> run(upgrade, "/upgrade_contract --hash " + V1 + " --app demo"))
                .isInstanceOf(CommandException.class).hasMessage("Only admin may perform this operation.");
        confirmed(creator.node().append(JsonNodeFactory.instance.objectNode().put("type", "addAdmin")
                .put("key", creator.pubkey())));
        await().atMost(DEADLINE).until(() -> creator.node().unconfirmed().get("admin").isPresent());

        assertThatThrownBy(() -> run(upgrade, "/upgrade_contract --hash " + V1))
                .isInstanceOf(CommandException.class).hasMessage("The subnet pins no contract app yet: pass --app <app id>.");
        assertThatThrownBy(() -> run(upgrade, "/upgrade_contract --hash xyz --app demo"))
                .isInstanceOf(CommandException.class).hasMessageStartingWith("Invalid --hash.");
        assertThatThrownBy(() -> run(upgrade, "/upgrade_contract --hash " + V2 + " --app demo"))
                .isInstanceOf(CommandException.class)
                .hasMessage("App demo at version " + V2 + " is not loaded on this peer (loaded: " + V1 + "). Load it first.");

        run(upgrade, "/upgrade_contract --hash " + V1 + " --app demo");
        await().atMost(DEADLINE).until(() -> creator.node().confirmed().get("ctr").isPresent());
        assertThat(run(contracts, "/contracts")).containsExactly("Subnet pins: demo " + V1, "demo " + V1 + " (pinned)");

        // With a pin, the app defaults to the pinned one.
        creator.apps().add("demo", V2, DEMO_V2);
        run(upgrade, "/upgrade_contract --hash " + V2.toUpperCase(java.util.Locale.ROOT));
        await().atMost(DEADLINE).until(() -> creator.node().confirmed().get("ctr")
                .equals(Optional.of("{\"app\":\"demo\",\"hash\":\"" + V2 + "\"}")));
        assertThat(creator.log()).contains("Contract pinned: demo " + V1, "Contract pinned: demo " + V2);
    }

    @Test
    void aNonDeterministicContractIsCaughtByTheCheckpointAndNamed() throws Exception {
        // Reads the machine's clock: every peer computes its own value.
        ContractApp clock = contract -> contract.addFunction("stamp",
                call -> call.put("app/clock/at", Json.of(System.nanoTime())));
        Peer creator = peer("creator", null);
        creator.apps().add("clock", V1, clock);
        Peer joiner = peer("joiner", creator.node().subnet());
        joiner.apps().add("clock", V1, clock);
        confirmed(creator.node().append(JsonNodeFactory.instance.objectNode().put("type", UpgradeContractOp.TYPE)
                .put("key", UpgradeContractOp.key("clock", V1))));
        assertThat(confirmed(creator.node().append(tx(1, creator, "{\"type\":\"stamp\",\"value\":null}"))))
                .isEqualTo(OpResult.applied(null));

        await().atMost(DEADLINE).until(() -> joiner.node().halted().isPresent());
        assertThat(joiner.node().halted().get()).startsWith("Subnet apply stopped at batch ")
                .contains("the contract {\"app\":\"clock\",\"hash\":\"" + V1 + "\"} is not deterministic, or differs between peers");
        assertThat(joiner.node().confirmed().get("app/clock/at")).isEmpty();
        assertThat(creator.node().halted()).isEmpty();
    }

    @Test
    void theAdminsTimerFeatureFeedsTheContractOnEveryPeerAndOthersCannotAppendFeatures() throws Exception {
        ContractApp timed = contract -> contract.addFeature("timer_feature", call -> call.put("app/t/now", call.value()));
        Peer creator = peer("creator", null);
        creator.apps().add("timed", V1, timed);
        Peer joiner = peer("joiner", creator.node().subnet());
        joiner.apps().add("timed", V1, timed);
        confirmed(creator.node().append(JsonNodeFactory.instance.objectNode().put("type", UpgradeContractOp.TYPE)
                .put("key", UpgradeContractOp.key("timed", V1))));
        SubnetService service = new SubnetService(() -> Optional.of(creator.node()), Optional::empty, creator.wallet());
        Clock fixed = Clock.fixed(Instant.ofEpochMilli(1_700_000_000_000L), ZoneOffset.UTC);
        try (TimerFeature timer = TimerFeature.start(service, fixed, Duration.ofMillis(100))) {
            // Not the admin yet: the timer appends nothing.
            assertThat(service.isAdmin()).isFalse();
            confirmed(creator.node().append(JsonNodeFactory.instance.objectNode().put("type", "addAdmin")
                    .put("key", creator.pubkey())));
            await().atMost(DEADLINE).until(() -> joiner.node().confirmed().get("app/t/now")
                    .equals(Optional.of("1700000000000")));
        }
        assertThat(service.isAdmin()).isTrue();
        assertThat(service.getConfirmed("app/t/now")).contains(Json.of(1_700_000_000_000L));
        assertThat(service.get("missing")).isEmpty();

        // A peer that is no writer cannot append feature data.
        SubnetService joinerService = new SubnetService(() -> Optional.of(joiner.node()), Optional::empty, joiner.wallet());
        assertThat(joinerService.isWritable()).isFalse();
        assertThatThrownBy(() -> joinerService.appendFeature("timer", "currentTime", Json.of(1)))
                .isInstanceOf(IllegalStateException.class).hasMessage("Peer running features not writable.");
        SubnetService notOpen = new SubnetService(Optional::empty, Optional::empty, joiner.wallet());
        assertThatThrownBy(() -> notOpen.get("x")).isInstanceOf(IllegalStateException.class)
                .hasMessage("The subnet is not open yet.");
    }
}
