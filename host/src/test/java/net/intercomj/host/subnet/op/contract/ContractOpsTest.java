package net.intercomj.host.subnet.op.contract;

import static net.intercomj.host.subnet.op.contract.ContractFixture.ADMIN;
import static net.intercomj.host.subnet.op.contract.ContractFixture.ALICE;
import static net.intercomj.host.subnet.op.contract.ContractFixture.SUBNET;
import static net.intercomj.host.subnet.op.contract.ContractFixture.VALIDATOR;
import static net.intercomj.host.subnet.op.contract.ContractFixture.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.intercomj.host.subnet.StandardOps;
import net.intercomj.host.subnet.op.CanonicalJson;
import net.intercomj.host.subnet.op.ContractCalls;
import net.intercomj.host.subnet.op.OpApplier;
import net.intercomj.host.subnet.op.OpHandler;
import net.intercomj.host.subnet.op.OpResult;
import net.intercomj.host.subnet.op.contract.ContractFixture.FakeContract;
import org.junit.jupiter.api.Test;

/** The contract op types and how the standard applier wires them to a contract. */
class ContractOpsTest {

    private static String feature() {
        return CanonicalJson.write(FeatureOp.sign(SUBNET, "timer", "currentTime",
                JsonNodeFactory.instance.numberNode(1), hex(ADMIN), ADMIN::sign));
    }

    private static String tx() {
        ObjectNode op = JsonNodeFactory.instance.objectNode().put("type", "tx").put("key", "cd".repeat(32));
        ObjectNode value = op.putObject("value").put("msbsl", 1);
        value.putObject("dispatch").put("type", "ping").putNull("value");
        value.put("ipk", hex(ALICE)).put("wp", hex(VALIDATOR));
        return CanonicalJson.write(op);
    }

    @Test
    void allListsFeatureAndTx() {
        assertThat(ContractOps.all(ContractCalls.NONE, AcceptingProofs.ACCEPT)).extracting(OpHandler::type).containsExactly("feature", "tx");
    }

    @Test
    void theStandardApplierHandlesEveryOpTypeOfTheOriginalAndOurContractPin() {
        // spec §2.1: the original's registered op types, and ours: upgradeContract, msbNetwork
        assertThat(StandardOps.applier(SUBNET).types()).containsExactlyInAnyOrder("upgradeContract", "msbNetwork", "tx", "msg", "feature", "addIndexer",
                "addWriter", "removeWriter", "setChatStatus", "setAutoAddWriters", "autoAddWriter", "addAdmin",
                "updateAdmin", "setNick", "muteStatus", "deleteMessage", "unpinMessage", "pinMessage", "setMod",
                "setWhitelistStatus", "enableWhitelist", "enableTransactions");
    }

    @Test
    void theStandardApplierWithoutAContractAppliesFeaturesAndRejectsTxs() {
        ContractFixture fixture = ContractFixture.withAdmin();
        OpApplier applier = StandardOps.applier(SUBNET);
        assertThat(fixture.apply(applier, feature())).isEqualTo(OpResult.applied(null));
        // Without an MSB client nothing proves the tx was paid for.
        assertThat(fixture.apply(applier, tx())).isInstanceOfSatisfying(OpResult.Rejected.class, rejected ->
                assertThat(rejected.reason()).startsWith("this peer has no settlement (MSB) client"));
        // With a proof, the missing contract is the reason.
        OpApplier proven = StandardOps.applier(SUBNET, ContractCalls.NONE, AcceptingProofs.ACCEPT);
        assertThat(fixture.apply(proven, tx())).isEqualTo(OpResult.rejected(ContractCalls.NO_CONTRACT));
    }

    @Test
    void theStandardApplierCallsTheContractItIsGiven() {
        ContractFixture fixture = ContractFixture.withAdmin();
        FakeContract contract = new FakeContract();
        OpApplier applier = StandardOps.applier(SUBNET, contract, AcceptingProofs.ACCEPT);
        assertThat(fixture.apply(applier, feature())).isEqualTo(OpResult.applied(null));
        assertThat(fixture.apply(applier, tx())).isEqualTo(OpResult.applied(null));
        assertThat(contract.featureOps).hasSize(1);
        assertThat(contract.txOps).hasSize(1);
        assertThat(fixture.get("txl")).contains("1");
    }

    @Test
    void aTxOutcomeErrorIsNullAStringOrAnInteger() {
        assertThat(ContractCalls.TxOutcome.ok()).isEqualTo(new ContractCalls.TxOutcome.Indexed(null));
        assertThat(((ContractCalls.TxOutcome.Indexed) ContractCalls.TxOutcome.ok()).failed()).isFalse();
        assertThat(((ContractCalls.TxOutcome.Indexed) ContractCalls.TxOutcome.failed("x")).failed()).isTrue();
        assertThat(((ContractCalls.TxOutcome.Indexed) ContractCalls.TxOutcome.failed(3)).error().longValue()).isEqualTo(3);
        assertThatThrownBy(() -> new ContractCalls.TxOutcome.Indexed(JsonNodeFactory.instance.objectNode()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ContractCalls.TxOutcome.Indexed(JsonNodeFactory.instance.numberNode(1.5)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
