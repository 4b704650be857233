package net.intercomj.host.subnet.op.contract;

import static net.intercomj.host.subnet.op.contract.ContractFixture.ALICE;
import static net.intercomj.host.subnet.op.contract.ContractFixture.BOB;
import static net.intercomj.host.subnet.op.contract.ContractFixture.SUBNET;
import static net.intercomj.host.subnet.op.contract.ContractFixture.VALIDATOR;
import static net.intercomj.host.subnet.op.contract.ContractFixture.WRITER;
import static net.intercomj.host.subnet.op.contract.ContractFixture.hex;
import static net.intercomj.host.subnet.op.contract.ContractFixture.quoted;
import static net.intercomj.host.subnet.op.contract.ContractFixture.with;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import net.intercomj.host.net.Bytes32;
import net.intercomj.host.subnet.StandardOps;
import net.intercomj.host.subnet.op.CanonicalJson;
import net.intercomj.host.subnet.op.ContractCalls;
import net.intercomj.host.subnet.op.ContractCalls.TxOutcome;
import net.intercomj.host.subnet.op.OpApplier;
import net.intercomj.host.subnet.op.OpResult;
import net.intercomj.host.subnet.op.ViewKeys;
import net.intercomj.host.subnet.op.contract.ContractFixture.FakeContract;
import net.intercomj.host.wallet.PeerWallet;
import org.junit.jupiter.api.Test;

/** {@code tx}: an MSB-settled transaction handed to the contract and indexed (spec §2.5.20). */
class TxOpTest {

    private final FakeContract contract = new FakeContract();
    private final TxOp handler = new TxOp(contract, AcceptingProofs.ACCEPT);

    /** A distinct transaction hash per {@code n}. */
    private static String hash(int n) {
        return String.format("%064x", 0xabc000 + n);
    }

    /** {@code {type: "tx", key, value: {msbsl, dispatch: {type: "ping", value: {msg}}, ipk, wp}}}. */
    private static ObjectNode tx(String key, PeerWallet requester, String msg) {
        ObjectNode op = JsonNodeFactory.instance.objectNode().put("type", "tx").put("key", key);
        ObjectNode value = op.putObject("value").put("msbsl", 42);
        value.putObject("dispatch").put("type", "ping").putObject("value").put("msg", msg);
        value.put("ipk", hex(requester)).put("wp", hex(VALIDATOR));
        return op;
    }

    /** The index keys a tx writes (spec §2.5.20). */
    private static List<String> indexKeys(String key, PeerWallet requester, long n, long m) {
        return List.of(ViewKeys.transaction(n), ViewKeys.TX_COUNT, ViewKeys.transactionIndex(key),
                ViewKeys.userTransaction(hex(requester), m), ViewKeys.userTransactionCount(hex(requester)));
    }

    private static String record(String key, PeerWallet requester, String msg, String err) {
        return "{\"err\":" + err + ",\"ipk\":\"" + hex(requester) + "\",\"tx\":\"" + key
                + "\",\"val\":{\"type\":\"ping\",\"value\":{\"msg\":\"" + msg + "\"}},\"wp\":\"" + hex(VALIDATOR)
                + "\"}";
    }

    // ---- no contract

    @Test
    void withNoContractEveryTxIsRejectedAndNothingIsIndexed() {
        ContractFixture fixture = new ContractFixture();
        fixture.apply(new TxOp(ContractCalls.NONE, AcceptingProofs.ACCEPT), tx(hash(1), ALICE, "hi"))
                .assertRejected("no contract is installed on this peer");
        assertThat(fixture.get(ViewKeys.TX_COUNT)).isEmpty();
        assertThat(ContractCalls.NONE.tx(tx(hash(1), ALICE, "hi"), null))
                .isEqualTo(TxOutcome.notIndexed(ContractCalls.NO_CONTRACT));
        assertThat(handler.type()).isEqualTo("tx");
        assertThat(handler.maxBytes()).isEqualTo(4096);
    }

    // ---- indexed

    @Test
    void anAcceptedTxIsIndexedExactlyAsSpecifiedWithTheContractsWrites() {
        ContractFixture fixture = new ContractFixture();
        contract.onTx = (op, context) -> {
            context.put("app/ping/" + op.get("key").textValue(), op.get("value").get("dispatch").get("value"));
            return TxOutcome.ok();
        };
        String key = hash(1);
        ObjectNode op = tx(key, ALICE, "hi");
        List<String> written = new ArrayList<>(indexKeys(key, ALICE, 0, 0));
        written.add("app/ping/" + key);
        fixture.apply(handler, op).assertApplied().assertWroteExactly(written);
        assertThat(contract.txOps).containsExactly(op);
        assertThat(contract.txOps.get(0)).isSameAs(op);
        assertThat(contract.contexts.get(0).subnet()).isEqualTo(SUBNET);
        assertThat(contract.contexts.get(0).writer()).isEqualTo(Bytes32.of(WRITER.publicKey()));
        assertThat(fixture.get("txi/0")).contains(record(key, ALICE, "hi", "null"));
        assertThat(fixture.get("txl")).contains("1");
        assertThat(fixture.get("tx/" + key)).contains("0");
        assertThat(fixture.get("utxi/" + hex(ALICE) + "/0")).contains("0");
        assertThat(fixture.get("utxl/" + hex(ALICE))).contains("1");
        assertThat(fixture.get("app/ping/" + key)).contains("{\"msg\":\"hi\"}");
    }

    @Test
    void twoTxsFromOneRequesterCountTwiceAndAnotherRequesterCountsApart() {
        ContractFixture fixture = new ContractFixture();
        fixture.apply(handler, tx(hash(1), ALICE, "one")).assertApplied();
        fixture.apply(handler, tx(hash(2), ALICE, "two")).assertApplied()
                .assertWroteExactly(indexKeys(hash(2), ALICE, 1, 1));
        assertThat(fixture.get("txl")).contains("2");
        assertThat(fixture.get("utxl/" + hex(ALICE))).contains("2");
        assertThat(fixture.get("utxi/" + hex(ALICE) + "/0")).contains("0");
        assertThat(fixture.get("utxi/" + hex(ALICE) + "/1")).contains("1");
        assertThat(fixture.get("tx/" + hash(1))).contains("0");
        assertThat(fixture.get("tx/" + hash(2))).contains("1");
        assertThat(fixture.get("txi/1")).contains(record(hash(2), ALICE, "two", "null"));
        fixture.apply(handler, tx(hash(3), BOB, "three")).assertApplied()
                .assertWroteExactly(indexKeys(hash(3), BOB, 2, 0));
        assertThat(fixture.get("txl")).contains("3");
        assertThat(fixture.get("utxl/" + hex(BOB))).contains("1");
        assertThat(fixture.get("utxi/" + hex(BOB) + "/0")).contains("2");
        assertThat(fixture.get("utxl/" + hex(ALICE))).contains("2");
    }

    @Test
    void aSecondTxWithTheSameKeyIsRejectedWithoutCallingTheContract() {
        ContractFixture fixture = new ContractFixture();
        fixture.apply(handler, tx(hash(1), ALICE, "one")).assertApplied();
        fixture.apply(handler, tx(hash(1), BOB, "other")).assertRejected("transaction " + hash(1) + " is already indexed");
        assertThat(contract.txOps).hasSize(1);
        assertThat(fixture.get("txl")).contains("1");
    }

    @Test
    void aFailedFunctionIsIndexedWithItsErrorAndItsWritesAreDropped() {
        // spec §9 item 5: the original kept the writes made before the failure
        ContractFixture fixture = new ContractFixture();
        contract.onTx = (op, context) -> {
            context.put("app/partial", "half done");
            return TxOutcome.failed("insufficient funds");
        };
        fixture.apply(handler, tx(hash(1), ALICE, "one")).assertApplied()
                .assertWroteExactly(indexKeys(hash(1), ALICE, 0, 0));
        assertThat(fixture.get("txi/0")).contains(record(hash(1), ALICE, "one", "\"insufficient funds\""));
        assertThat(fixture.get("app/partial")).isEmpty();
        contract.onTx = (op, context) -> {
            context.put("app/partial", "half done");
            return TxOutcome.failed(42);
        };
        fixture.apply(handler, tx(hash(2), ALICE, "two")).assertApplied();
        assertThat(fixture.get("txi/1")).contains(record(hash(2), ALICE, "two", "42"));
        assertThat(fixture.get("app/partial")).isEmpty();
        assertThat(fixture.get("utxl/" + hex(ALICE))).contains("2");
    }

    @Test
    void aTxTheContractDoesNotIndexIsRejectedWithItsReasonAndLeavesNothing() {
        ContractFixture fixture = new ContractFixture();
        contract.onTx = (op, context) -> {
            context.put("app/partial", "half done");
            return TxOutcome.notIndexed("Function not registered.");
        };
        fixture.apply(handler, tx(hash(1), ALICE, "one")).assertRejected("Function not registered.");
        assertThat(fixture.get("app/partial")).isEmpty();
        // not marked as seen: once the contract knows it, the same tx is indexed
        contract.onTx = (op, context) -> TxOutcome.ok();
        fixture.apply(handler, tx(hash(1), ALICE, "one")).assertApplied();
        assertThat(fixture.get("tx/" + hash(1))).contains("0");
    }

    @Test
    void theContractReadsTheViewAsLeftByEarlierOps() {
        ContractFixture fixture = new ContractFixture().seed("app/counter", "7");
        contract.onTx = (op, context) -> {
            context.put("app/counter", context.counter("app/counter") + 1);
            return TxOutcome.ok();
        };
        fixture.apply(handler, tx(hash(1), ALICE, "one")).assertApplied();
        fixture.apply(handler, tx(hash(2), ALICE, "two")).assertApplied();
        assertThat(fixture.get("app/counter")).contains("9");
    }

    @Test
    void aNullDispatchValueAndTheMsbslBoundsAreAccepted() {
        ContractFixture fixture = new ContractFixture();
        fixture.apply(handler, with(tx(hash(1), ALICE, "x"), "value.dispatch.value", "null")).assertApplied();
        fixture.apply(handler, with(tx(hash(2), ALICE, "x"), "value.msbsl", "0")).assertApplied();
        fixture.apply(handler, with(tx(hash(3), ALICE, "x"), "value.msbsl", "1000000000")).assertApplied();
        assertThat(fixture.get("txi/0")).hasValueSatisfying(text -> assertThat(text).contains("\"val\":{\"type\":\"ping\",\"value\":null}"));
        assertThat(fixture.get("txl")).contains("3");
    }

    // ---- txen

    @Test
    void transactionsMustNotBeDisabled() {
        ContractFixture fixture = new ContractFixture().seed(ViewKeys.TRANSACTIONS_ENABLED, "false");
        fixture.apply(handler, tx(hash(1), ALICE, "one"))
                .assertRejected("transactions are disabled on this subnet (txen)");
        assertThat(contract.txOps).isEmpty();
        fixture.seed(ViewKeys.TRANSACTIONS_ENABLED, "true");
        fixture.apply(handler, tx(hash(1), ALICE, "one")).assertApplied();
    }

    // ---- shape

    @Test
    void everyShapeCheckRejectsWithItsReason() {
        ContractFixture fixture = new ContractFixture();
        ObjectNode valid = tx(hash(1), ALICE, "hi");
        String hashText = "key must be a transaction hash of 64 lowercase hex characters";
        String typeText = "value.dispatch.type must be a string of 1 to 256 characters";
        String msbslText = "value.msbsl must be an integer from 0 to 9007199254740991";
        String ipkText = "value.ipk must be a public key of 64 lowercase hex characters";
        String wpText = "value.wp must be a public key of 64 lowercase hex characters";
        String[][] cases = {
            {"hash", "\"x\"", "the op has an unexpected field hash"},
            {"type", "\"feature\"", "type must be tx"},
            {"key", null, "key is missing"},
            {"key", "\"\"", hashText},
            {"key", "\"abcd\"", hashText},
            {"key", quoted(hash(1).toUpperCase()), hashText},
            {"key", "5", hashText},
            {"value", null, "value is missing"},
            {"value", "\"x\"", "value must be an object"},
            {"value.extra", "1", "value has an unexpected field extra"},
            {"value.msbsl", null, "value.msbsl is missing"},
            {"value.dispatch", null, "value.dispatch is missing"},
            {"value.ipk", null, "value.ipk is missing"},
            {"value.wp", null, "value.wp is missing"},
            {"value.dispatch", "[]", "value.dispatch must be an object"},
            {"value.dispatch.extra", "1", "value.dispatch has an unexpected field extra"},
            {"value.dispatch.type", null, "value.dispatch.type is missing"},
            {"value.dispatch.value", null, "value.dispatch.value is missing"},
            {"value.dispatch.type", "\"\"", typeText},
            {"value.dispatch.type", "3", typeText},
            {"value.dispatch.type", quoted("t".repeat(257)), typeText},
            {"value.msbsl", "-1", msbslText},
            {"value.msbsl", "1.5", msbslText},
            {"value.msbsl", "\"5\"", msbslText},
            {"value.msbsl", "null", msbslText},
            {"value.msbsl", "9007199254740992", msbslText},
            {"value.msbsl", "1000000001", "value.msbsl 1000000001 is over the limit of 1000000000"},
            {"value.msbsl", "9007199254740991", "value.msbsl 9007199254740991 is over the limit of 1000000000"},
            {"value.ipk", "\"abc\"", ipkText},
            {"value.ipk", quoted(hex(ALICE).toUpperCase()), ipkText},
            {"value.ipk", "\"\"", ipkText},
            {"value.wp", "\"" + "0".repeat(63) + "\"", wpText},
            {"value.wp", "null", wpText},
        };
        for (String[] c : cases) {
            ObjectNode op = with(valid, c[0], c[1]);
            assertThat(fixture.apply(handler, op).result()).as(c[0] + " = " + c[1]).isEqualTo(OpResult.rejected(c[2]));
        }
        assertThat(contract.txOps).isEmpty();
        assertThat(fixture.get(ViewKeys.TX_COUNT)).isEmpty();
        fixture.apply(handler, valid).assertApplied();
    }

    // ---- size

    @Test
    void throughTheApplierATxOfExactly4096BytesIsAppliedAndOneByteMoreIsRejected() {
        ContractFixture fixture = new ContractFixture();
        OpApplier applier = StandardOps.applier(SUBNET, contract, AcceptingProofs.ACCEPT);
        int base = CanonicalJson.write(tx(hash(1), ALICE, "")).length();
        String over = CanonicalJson.write(tx(hash(1), ALICE, "x".repeat(4097 - base)));
        String exact = CanonicalJson.write(tx(hash(1), ALICE, "x".repeat(4096 - base)));
        assertThat(over).hasSize(4097);
        assertThat(exact).hasSize(4096);
        assertThat(fixture.apply(applier, over)).isEqualTo(OpResult.rejected("tx op of 4097 bytes is over its limit of 4096"));
        assertThat(contract.txOps).isEmpty();
        assertThat(fixture.apply(applier, exact)).isEqualTo(OpResult.applied(null));
        assertThat(fixture.get("txl")).contains("1");
    }

    @Test
    void throughTheStandardApplierWithoutAContractATxIsRejected() {
        ContractFixture fixture = new ContractFixture();
        JsonNode op = tx(hash(1), ALICE, "hi");
        assertThat(fixture.apply(StandardOps.applier(SUBNET, ContractCalls.NONE, AcceptingProofs.ACCEPT),
                CanonicalJson.write(op))).isEqualTo(OpResult.rejected("no contract is installed on this peer"));
        assertThat(fixture.get(ViewKeys.TX_COUNT)).isEmpty();
    }
}
