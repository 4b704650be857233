package net.intercomj.host.msb;

import static net.intercomj.host.msb.MsbFixture.HEX;
import static net.intercomj.host.msb.MsbFixture.reason;
import static net.intercomj.host.msb.MsbFixture.tnk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import net.intercomj.host.msb.ops.Deployment;
import net.intercomj.host.msb.ops.SettlementOp;
import net.intercomj.host.msb.ops.SettlementOpCodec;
import net.intercomj.host.msb.ops.Transfer;
import net.intercomj.host.msb.ops.TxSettlement;
import net.intercomj.host.msb.ops.ValidatorSeal;
import net.intercomj.host.msb.state.MsbKeys;
import net.intercomj.host.msb.state.MsbLedger;
import net.intercomj.host.msb.state.SettleOp;
import net.intercomj.host.msb.state.SettlementRejected;
import net.intercomj.host.net.Bytes32;
import net.intercomj.host.subnet.op.OpResult;
import net.intercomj.host.subnet.op.ViewKeys;
import net.intercomj.host.wallet.PeerWallet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The MSB's checks of settlement ops (spec upstream-contract-subnet-msb §3.5, §3.9, §4.4, §4.5):
 * each bad input is refused by the requester's preflight and the validator's check with the
 * original's message, and, when a validator completes and appends it anyway, by apply with no
 * change at all to the state (balances, burned, length, records). And the fee split of each
 * settled op, to the base unit.
 */
class SettlementChecksTest {

    private static final BigInteger FEE = Amounts.FEE;
    private static final BigInteger FEE_50 = tnk("0.015");
    private static final BigInteger FEE_25 = tnk("0.0075");
    private static final BigInteger FEE_75 = tnk("0.0225");

    private MsbFixture msb;
    private PeerWallet holder;
    private PeerWallet validator;
    private Bytes32 subnet;

    @BeforeEach
    void setUp() {
        msb = new MsbFixture();
        holder = msb.holder;
        validator = msb.validator;
        subnet = Bytes32.of(msb.bytes(32));
    }

    // ---- helpers

    /** A new account funded with {@code amount} by the genesis holder. */
    private PeerWallet funded(String amount) {
        PeerWallet wallet = msb.wallet();
        msb.settleValid(msb.transfer(holder, wallet.address(), tnk(amount)));
        return wallet;
    }

    /** Subnet {@link #subnet} deployed by {@code deployer}. */
    private void deployed(PeerWallet deployer) {
        msb.settleValid(msb.deployment(deployer, subnet));
    }

    /** Both partial checks (the requester's preflight and the validator's) refuse {@code op} with {@code reason}. */
    private void assertPartialRefused(SettlementOp op, String reason) {
        assertThatThrownBy(() -> msb.preflight(op)).isInstanceOf(SettlementRejected.class).hasMessage(reason);
        assertThatThrownBy(() -> msb.validate(op, validator)).isInstanceOf(SettlementRejected.class).hasMessage(reason);
    }

    /** Appending {@code completed} by {@code appender} is rejected with {@code reason} and changes nothing. */
    private void assertSettleRefused(SettlementOp completed, PeerWallet appender, String reason) {
        assertAppendRefused(appender, SettleOp.wrap(completed), reason);
    }

    private void assertSettleRefused(SettlementOp completed, String reason) {
        assertSettleRefused(completed, validator, reason);
    }

    private void assertAppendRefused(PeerWallet appender, JsonNode op, String reason) {
        Map<String, Optional<String>> before = msb.state();
        Map<String, BigInteger> balances = msb.balances();
        BigInteger burned = msb.burned();
        long length = msb.length();
        OpResult result = msb.append(appender, op);
        assertThat(reason(result)).isEqualTo(reason);
        assertThat(msb.balances()).isEqualTo(balances);
        assertThat(msb.burned()).isEqualTo(burned);
        assertThat(msb.length()).isEqualTo(length);
        assertThat(msb.state()).isEqualTo(before);
    }

    /** Partial checks and apply both refuse {@code op} with {@code reason}. */
    private void assertRefusedEverywhere(SettlementOp op, String reason) {
        assertPartialRefused(op, reason);
        assertSettleRefused(msb.complete(op), reason);
    }

    private static String am(BigInteger units) {
        return HEX.formatHex(Amounts.toBytes16(units));
    }

    private static ObjectNode settle(JsonNode op) {
        ObjectNode settle = JsonNodeFactory.instance.objectNode().put("type", SettleOp.TYPE);
        settle.set("op", op);
        return settle;
    }

    // ---- balances

    @Nested
    class Balance {

        @Test
        void txFeeAboveBalance() {
            deployed(holder);
            PeerWallet poor = funded("0.029999999999999999");
            assertRefusedEverywhere(msb.tx(poor, subnet), "Insufficient balance to cover transaction fee.");
        }

        @Test
        void deploymentFeeAboveBalance() {
            PeerWallet poor = funded("0.01");
            assertRefusedEverywhere(msb.deployment(poor, subnet), "Insufficient balance to cover transaction fee.");
        }

        @Test
        void exactlyTheFeeIsEnough() {
            deployed(holder);
            PeerWallet exact = funded("0.03");
            msb.settleValid(msb.tx(exact, subnet));
            assertThat(msb.balance(exact)).isZero();
            assertRefusedEverywhere(msb.tx(exact, subnet), "Insufficient balance to cover transaction fee.");
        }

        @Test
        void requesterWithoutAccount() {
            deployed(holder);
            PeerWallet nobody = msb.wallet();
            assertRefusedEverywhere(msb.tx(nobody, subnet), "Requester address not found in state");
            assertRefusedEverywhere(msb.deployment(nobody, Bytes32.of(msb.bytes(32))), "Requester address not found in state");
        }

        @Test
        void feeMustBeCoveredInTheConfirmedViewToo() {
            deployed(holder);
            MsbLedger confirmed = msb.frozenLedger();
            PeerWallet fresh = funded("1");
            TxSettlement op = msb.tx(fresh, subnet);
            assertThatThrownBy(() -> msb.checks().partial(op, msb.ledger(), confirmed, Optional.empty()))
                    .isInstanceOf(SettlementRejected.class).hasMessage("Requester address not found in state");
        }

        @Test
        void transferOfAmountPlusFeeAboveBalance() {
            PeerWallet sender = funded("1");
            assertRefusedEverywhere(msb.transfer(sender, msb.wallet().address(), tnk("0.970000000000000001")),
                    "Insufficient balance for transfer + fee");
            assertRefusedEverywhere(msb.transfer(sender, holder.address(), tnk("1")), "Insufficient balance for transfer + fee");
        }

        @Test
        void transferOfTheWholeBalanceLessTheFee() {
            PeerWallet sender = funded("1");
            PeerWallet to = msb.wallet();
            msb.settleValid(msb.transfer(sender, to.address(), tnk("0.97")));
            assertThat(msb.balance(sender)).isZero();
            assertThat(msb.balance(to)).isEqualTo(tnk("0.97"));
        }

        @Test
        void selfTransferNeedsTheFeeOnly() {
            PeerWallet sender = funded("0.02");
            assertRefusedEverywhere(msb.transfer(sender, sender.address(), tnk("0.01")),
                    "Insufficient balance for transfer + fee");
            PeerWallet richer = funded("0.05");
            // a self-transfer of more than the balance: only the fee is paid, so it settles
            msb.settleValid(msb.transfer(richer, richer.address(), tnk("500")));
            assertThat(msb.balance(richer)).isEqualTo(tnk("0.02"));
        }

        @Test
        void senderWithoutAccount() {
            assertRefusedEverywhere(msb.transfer(msb.wallet(), holder.address(), tnk("1")), "Sender address not found in state");
        }
    }

    // ---- signatures, hashes, replays

    @Nested
    class Integrity {

        @Test
        void signatureByAnotherKey() {
            Transfer good = msb.transfer(holder, msb.wallet().address(), tnk("1"));
            Transfer forged = new Transfer(good.address(), good.tx(), good.txv(), good.to(), good.am(), good.nonce(),
                    MsbFixture.sign(msb.wallet(), good.tx()), Optional.empty());
            assertRefusedEverywhere(forged, "Invalid signature in payload.");
        }

        @Test
        void signatureOfAnotherHash() {
            deployed(holder);
            TxSettlement good = msb.tx(holder, subnet);
            TxSettlement forged = new TxSettlement(good.address(), good.tx(), good.txv(), good.iw(), good.ch(), good.bs(),
                    good.mbs(), good.nonce(), MsbFixture.sign(holder, msb.hex32()), Optional.empty());
            assertRefusedEverywhere(forged, "Invalid signature in payload.");
        }

        @Test
        void tamperedAmount() {
            Transfer good = msb.transfer(holder, msb.wallet().address(), tnk("1"));
            Transfer tampered = new Transfer(good.address(), good.tx(), good.txv(), good.to(), am(tnk("100")),
                    good.nonce(), good.signature(), Optional.empty());
            assertRefusedEverywhere(tampered, "Regenerated transaction does not match incoming transaction in payload.");
        }

        @Test
        void tamperedRecipient() {
            Transfer good = msb.transfer(holder, msb.wallet().address(), tnk("1"));
            Transfer tampered = new Transfer(good.address(), good.tx(), good.txv(), msb.wallet().address(), good.am(),
                    good.nonce(), good.signature(), Optional.empty());
            assertRefusedEverywhere(tampered, "Regenerated transaction does not match incoming transaction in payload.");
        }

        @Test
        void tamperedContentHash() {
            deployed(holder);
            TxSettlement good = msb.tx(holder, subnet);
            TxSettlement tampered = new TxSettlement(good.address(), good.tx(), good.txv(), good.iw(), msb.hex32(),
                    good.bs(), good.mbs(), good.nonce(), good.signature(), Optional.empty());
            assertRefusedEverywhere(tampered, "Regenerated transaction does not match incoming transaction in payload.");
        }

        @Test
        void tamperedChannel() {
            Deployment good = msb.deployment(holder, subnet);
            Deployment tampered = new Deployment(good.address(), good.tx(), good.txv(), good.bs(), msb.hex32(),
                    good.nonce(), good.signature(), Optional.empty());
            assertRefusedEverywhere(tampered, "Regenerated transaction does not match incoming transaction in payload.");
        }

        @Test
        void requesterAddressOfAnotherNetwork() {
            PeerWallet other = PeerWallet.fromSecretKey("testtrac", holder.secretKey());
            Transfer good = msb.transfer(holder, msb.wallet().address(), tnk("1"));
            Transfer moved = new Transfer(other.address(), good.tx(), good.txv(), good.to(), good.am(), good.nonce(),
                    good.signature(), Optional.empty());
            assertRefusedEverywhere(moved, "Invalid requesting address in payload.");
        }

        @Test
        void replayedTransfer() {
            PeerWallet to = msb.wallet();
            Transfer op = msb.transfer(holder, to.address(), tnk("1"));
            SettlementOp completed = msb.complete(op);
            MsbFixture.expectApplied(msb.settle(completed));
            String reason = "Transaction with hash " + op.tx() + " already exists in the state.";
            assertSettleRefused(completed, reason);
            // completed again, with a fresh validator nonce and signature
            assertSettleRefused(msb.complete(op), reason);
            assertPartialRefused(op, reason);
            assertThat(msb.balance(to)).isEqualTo(tnk("1"));
        }

        @Test
        void replayedTransaction() {
            deployed(holder);
            TxSettlement op = msb.tx(holder, subnet);
            SettlementOp completed = msb.complete(op);
            MsbFixture.expectApplied(msb.settle(completed));
            assertSettleRefused(completed, "Transaction with hash " + op.tx() + " already exists in the state.");
            assertPartialRefused(op, "Transaction with hash " + op.tx() + " already exists in the state.");
        }

        @Test
        void replayedDeploymentIsAReplayFirst() {
            Deployment op = msb.deployment(holder, subnet);
            SettlementOp completed = msb.complete(op);
            MsbFixture.expectApplied(msb.settle(completed));
            assertSettleRefused(completed, "Transaction with hash " + op.tx() + " already exists in the state.");
        }

        @Test
        void builtAgainstAnotherTxv() {
            Transfer op = msb.transfer(holder, msb.hex32(), msb.wallet().address(), am(tnk("1")));
            assertRefusedEverywhere(op, "Transaction has expired.");
        }

        @Test
        void expiredWhenTheValidatorsChange() {
            Transfer op = msb.transfer(holder, msb.wallet().address(), tnk("1"));
            SettlementOp completed = msb.complete(op);
            String before = msb.txv();
            msb.addValidator();
            assertThat(msb.txv()).isNotEqualTo(before);
            assertPartialRefused(op, "Transaction has expired.");
            assertSettleRefused(completed, "Transaction has expired.");
        }
    }

    // ---- subnets and bootstraps

    @Nested
    class Subnets {

        @Test
        void transactionOfAnUndeployedSubnet() {
            TxSettlement op = msb.tx(holder, subnet);
            assertRefusedEverywhere(op, "External bootstrap with hash " + subnet.toHex()
                    + " is not registered as deployment entry.");
        }

        @Test
        void deployedInTheUnconfirmedViewOnly() {
            MsbLedger confirmed = msb.frozenLedger();
            deployed(holder);
            TxSettlement op = msb.tx(holder, subnet);
            assertThatThrownBy(() -> msb.checks().partial(op, msb.ledger(), confirmed, Optional.empty()))
                    .isInstanceOf(SettlementRejected.class)
                    .hasMessage("External bootstrap with hash " + subnet.toHex() + " is not registered as deployment entry.");
        }

        @Test
        void declaredMsbBootstrapIsAnother() {
            deployed(holder);
            String wrong = msb.hex32();
            TxSettlement op = msb.tx(holder, msb.txv(), msb.hex32(), subnet.toHex(), wrong);
            assertRefusedEverywhere(op, "Declared MSB bootstrap is different than network bootstrap in transaction"
                    + " operation: " + wrong);
        }

        @Test
        void transactionOfTheMsbItself() {
            String msbHex = msb.msbBootstrap().toHex();
            TxSettlement op = msb.tx(holder, msb.txv(), msb.hex32(), msbHex, msbHex);
            assertRefusedEverywhere(op, "External bootstrap is the same as MSB bootstrap: " + msbHex);
        }

        @Test
        void deploymentOfTheMsbItself() {
            Deployment op = msb.deployment(holder, msb.msbBootstrap());
            assertRefusedEverywhere(op, "External bootstrap is the same as MSB bootstrap: " + msb.msbBootstrap().toHex());
        }

        @Test
        void deployedTwice() {
            deployed(holder);
            PeerWallet other = funded("1");
            Deployment again = msb.deployment(other, subnet);
            assertRefusedEverywhere(again, "Subnet bootstrap " + subnet.toHex() + " is already deployed.");
            Deployment sameDeployer = msb.deployment(holder, subnet);
            assertRefusedEverywhere(sameDeployer, "Subnet bootstrap " + subnet.toHex() + " is already deployed.");
            assertThat(msb.ledger().deployment(subnet.toHex()).orElseThrow().deployer()).isEqualTo(holder.address());
        }
    }

    // ---- recipients and amounts

    @Nested
    class RecipientsAndAmounts {

        @Test
        void transferToAMalformedAddress() {
            for (String to : new String[] {"trac1qqqqqqqq", "trac", PeerWallet.fromSecretKey("testtrac",
                    msb.wallet().secretKey()).address()}) {
                Transfer op = msb.transfer(holder, to, tnk("1"));
                assertRefusedEverywhere(op, "Invalid recipient address in payload: " + to);
            }
        }

        @Test
        void amountAboveTheLargest() {
            String overMax = "340282366920938463463.374607431768211456";
            assertThatThrownBy(() -> Amounts.parse(overMax)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("Invalid amount \"340282366920938463463.374607431768211456\": above the largest amount, "
                            + "340282366920938463463.374607431768211455.");
            assertThat(Amounts.parse("340282366920938463463.374607431768211455")).isEqualTo(Amounts.MAX);
            assertThatThrownBy(() -> Amounts.toBytes16(Amounts.MAX.add(BigInteger.ONE)))
                    .isInstanceOf(IllegalArgumentException.class);
            // 17 bytes on the wire: refused by the schema, nothing moves
            ObjectNode json = SettlementOpCodec.write(msb.complete(msb.transfer(holder, msb.wallet().address(), tnk("1"))));
            ((ObjectNode) json.get("tro")).put("am", "01" + "00".repeat(16));
            assertAppendRefused(validator, settle(json), "Payload is invalid. (tro.am must be 16 bytes of lowercase hex)");
        }

        @Test
        void amountWithTooManyDecimals() {
            assertThatThrownBy(() -> Amounts.parse("1.0000000000000000001")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("Invalid amount \"1.0000000000000000001\": at most 18 decimals.");
            assertThatThrownBy(() -> Amounts.parse("0.0000000000000000000")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("Invalid amount \"0.0000000000000000000\": at most 18 decimals.");
        }

        @Test
        void negativeAmount() {
            assertThatThrownBy(() -> Amounts.parse("-1")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("Invalid amount \"-1\": amounts are not negative.");
            assertThatThrownBy(() -> Amounts.parse("-0.5")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("Invalid amount \"-0.5\": amounts are not negative.");
            assertThatThrownBy(() -> Amounts.parse(null)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("Invalid amount null: amounts are not negative.");
            assertThatThrownBy(() -> Amounts.parse("1,5")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("Invalid amount \"1,5\": expected digits with an optional decimal point, such as 12.5.");
            assertThatThrownBy(() -> Amounts.parse("\u0663")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("expected digits");
        }

        @Test
        void zeroAmountIsRefusedByTheSchema() {
            Transfer op = msb.transfer(holder, msb.txv(), msb.wallet().address(), am(BigInteger.ZERO));
            assertAppendRefused(validator, SettleOp.wrap(msb.complete(op)), "Payload is invalid. (tro.am must not be all zero)");
        }
    }

    // ---- validators

    @Nested
    class Validators {

        @Test
        void requesterIsTheCheckingValidator() {
            Transfer op = msb.transfer(holder, msb.wallet().address(), tnk("1"));
            assertThatThrownBy(() -> msb.validate(op, holder)).isInstanceOf(SettlementRejected.class)
                    .hasMessage("Requester address cannot be the same as the validator wallet address.");
        }

        @Test
        void validatorCompletesItsOwnOp() {
            msb.settleValid(msb.transfer(holder, validator.address(), tnk("10")));
            Transfer own = msb.transfer(validator, holder.address(), tnk("1"));
            assertThatThrownBy(() -> msb.validate(own, validator)).isInstanceOf(SettlementRejected.class)
                    .hasMessage("Requester address cannot be the same as the validator wallet address.");
            assertSettleRefused(msb.complete(own, validator), "Addresses should be different.");
        }

        @Test
        void completedByAnotherValidatorThanTheAppender() {
            PeerWallet second = msb.addValidator();
            Transfer op = msb.transfer(holder, msb.wallet().address(), tnk("1"));
            SettlementOp byFirst = msb.complete(op, validator);
            assertSettleRefused(byFirst, second, "The validator " + validator.address()
                    + " is not the node that appended the operation.");
            SettlementOp bySecond = msb.complete(op, second);
            assertSettleRefused(bySecond, validator, "The validator " + second.address()
                    + " is not the node that appended the operation.");
            // each settles when it appends its own completion
            MsbFixture.expectApplied(msb.settle(bySecond, second));
            assertThat(msb.balance(second)).isEqualTo(FEE_75);
        }

        @Test
        void completedByAWriterThatIsNotAValidator() {
            PeerWallet writer = msb.wallet();
            // no MSB op makes a plain writer; seed one to reach apply's check
            msb.view.put(ViewKeys.writer(writer.publicKeyHex()), "{\"indexer\":false}");
            Transfer op = msb.transfer(holder, msb.wallet().address(), tnk("1"));
            SettlementOp completed = msb.complete(op, writer);
            assertSettleRefused(completed, writer, "The validator " + writer.address() + " is not a validator of this MSB.");
        }

        @Test
        void completedByAStranger() {
            PeerWallet stranger = msb.wallet();
            Transfer op = msb.transfer(holder, msb.wallet().address(), tnk("1"));
            SettlementOp completed = msb.complete(op, stranger);
            assertThatThrownBy(() -> msb.checkComplete(completed, stranger)).isInstanceOf(SettlementRejected.class)
                    .hasMessage("The validator " + stranger.address() + " is not a validator of this MSB.");
            // through the log, a key that is no writer cannot even append
            assertSettleRefused(completed, stranger, "appended by " + stranger.publicKeyHex()
                    + ", which is not a writer of this subnet");
        }

        @Test
        void validatorSignatureByAnotherKey() {
            Transfer op = msb.transfer(holder, msb.wallet().address(), tnk("1"));
            SettlementOp real = msb.complete(op);
            SettlementOp forged = msb.complete(op, msb.wallet());
            ValidatorSeal mixed = new ValidatorSeal(real.seal().orElseThrow().address(), forged.seal().orElseThrow().nonce(),
                    forged.seal().orElseThrow().signature());
            assertSettleRefused(op.withSeal(mixed), "Invalid validator signature in payload.");
        }

        @Test
        void validatorSignatureOfAnotherNonce() {
            Transfer op = msb.transfer(holder, msb.wallet().address(), tnk("1"));
            ValidatorSeal real = msb.complete(op).seal().orElseThrow();
            assertSettleRefused(op.withSeal(new ValidatorSeal(real.address(), msb.hex32(), real.signature())),
                    "Invalid validator signature in payload.");
        }

        @Test
        void validatorAddressNotAnAddress() {
            Transfer op = msb.transfer(holder, msb.wallet().address(), tnk("1"));
            ValidatorSeal real = msb.complete(op).seal().orElseThrow();
            assertSettleRefused(op.withSeal(new ValidatorSeal("trac1abc", real.nonce(), real.signature())),
                    "Invalid validator address in payload.");
        }

        @Test
        void validatorReusesTheRequesterNonceOrSignature() {
            Transfer op = msb.transfer(holder, msb.wallet().address(), tnk("1"));
            ValidatorSeal real = msb.complete(op).seal().orElseThrow();
            String reason = "The validator's nonce and signature must differ from the requester's.";
            assertSettleRefused(op.withSeal(new ValidatorSeal(real.address(), op.nonce(), real.signature())), reason);
            assertSettleRefused(op.withSeal(new ValidatorSeal(real.address(), real.nonce(), op.signature())), reason);
        }

        @Test
        void notCompleted() {
            Transfer op = msb.transfer(holder, msb.wallet().address(), tnk("1"));
            assertSettleRefused(op, "The operation is not completed by a validator.");
        }

        @Test
        void alreadyCompletedOpInAPartialCheck() {
            Transfer op = msb.transfer(holder, msb.wallet().address(), tnk("1"));
            assertPartialRefused(msb.complete(op), "Operation must not be completed already (va, vn, vs must be undefined).");
            deployed(holder);
            assertPartialRefused(msb.complete(msb.tx(holder, subnet)),
                    "Operation must not be completed already (va, vn, vs must be undefined).");
        }
    }

    // ---- the schema

    @Nested
    class Schema {

        @BeforeEach
        void deploy() {
            deployed(holder);
        }

        private ObjectNode completedTx() {
            return SettlementOpCodec.write(msb.complete(msb.tx(holder, subnet)));
        }

        private void assertSchemaRefused(JsonNode json, String reason) {
            assertThatThrownBy(() -> SettlementOpCodec.parse(json)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(reason);
            assertAppendRefused(validator, settle(json), reason);
        }

        private ObjectNode mutated(Consumer<ObjectNode> body) {
            ObjectNode json = completedTx();
            body.accept((ObjectNode) json.get("txo"));
            return json;
        }

        @Test
        void theUnmutatedOpSettles() {
            ObjectNode json = completedTx();
            MsbFixture.expectApplied(msb.append(validator, settle(json)));
        }

        @Test
        void missingField() {
            assertSchemaRefused(mutated(o -> o.remove("in")), "Payload is invalid. (txo.in is missing)");
            assertSchemaRefused(mutated(o -> o.remove("mbs")), "Payload is invalid. (txo.mbs is missing)");
            ObjectNode noAddress = completedTx();
            noAddress.remove("address");
            assertSchemaRefused(noAddress, "Payload is invalid. (address must be an account address)");
            ObjectNode noBody = completedTx();
            noBody.remove("txo");
            assertSchemaRefused(noBody, "Payload is invalid. (txo must be an object)");
        }

        @Test
        void extraField() {
            assertSchemaRefused(mutated(o -> o.put("extra", "00")), "Payload is invalid. (unexpected field txo.extra)");
            ObjectNode top = completedTx();
            top.put("tro", "x");
            assertSchemaRefused(top, "Payload is invalid. (unexpected field tro)");
        }

        @Test
        void wrongHexLength() {
            assertSchemaRefused(mutated(o -> o.put("tx", o.get("tx").textValue().substring(2))),
                    "Payload is invalid. (txo.tx must be 32 bytes of lowercase hex)");
            assertSchemaRefused(mutated(o -> o.put("is", o.get("is").textValue() + "00")),
                    "Payload is invalid. (txo.is must be 64 bytes of lowercase hex)");
            assertSchemaRefused(mutated(o -> o.put("ch", o.get("ch").textValue().toUpperCase())),
                    "Payload is invalid. (txo.ch must be 32 bytes of lowercase hex)");
        }

        @Test
        void allZeroValue() {
            assertSchemaRefused(mutated(o -> o.put("iw", "00".repeat(32))), "Payload is invalid. (txo.iw must not be all zero)");
            assertSchemaRefused(mutated(o -> o.put("vn", "00".repeat(32))), "Payload is invalid. (txo.vn must not be all zero)");
        }

        @Test
        void partialSeal() {
            assertSchemaRefused(mutated(o -> o.remove("vs")),
                    "Payload is invalid. (txo.va, vn and vs must be all present or all absent)");
            assertSchemaRefused(mutated(o -> {
                o.remove("vn");
                o.remove("vs");
            }), "Payload is invalid. (txo.va, vn and vs must be all present or all absent)");
        }

        @Test
        void unknownOrMissingType() {
            ObjectNode json = completedTx();
            json.put("type", 14);
            assertSchemaRefused(json, "Unknown operation type: 14");
            json.put("type", "12");
            assertSchemaRefused(json, "Payload is invalid. (type must be 11, 12 or 13)");
        }

        @Test
        void settleOpWithMoreThanTheOp() {
            ObjectNode op = settle(completedTx());
            op.put("extra", true);
            assertAppendRefused(validator, op, "a settle op holds exactly type and op");
        }
    }

    // ---- what settles, to the base unit

    @Nested
    class Fees {

        @Test
        void deploymentPaysTheValidator75AndBurns25() {
            Deployment op = msb.deployment(holder, subnet);
            SettlementOp completed = msb.complete(op);
            MsbFixture.expectApplied(msb.settle(completed));
            assertThat(msb.balance(holder)).isEqualTo(tnk("1000").subtract(FEE));
            assertThat(msb.balance(validator)).isEqualTo(FEE_75);
            assertThat(msb.burned()).isEqualTo(FEE_25);
            assertThat(msb.length()).isEqualTo(1);
            MsbLedger.DeploymentEntry entry = msb.ledger().deployment(subnet.toHex()).orElseThrow();
            assertThat(entry).isEqualTo(new MsbLedger.DeploymentEntry(op.tx(), holder.address()));
            MsbLedger.SettledRecord record = msb.ledger().record(op.tx()).orElseThrow();
            assertThat(record.seq()).isZero();
            assertThat(record.op()).isEqualTo(SettlementOpCodec.write(completed));
            assertThat(SettlementOpCodec.parse(record.op())).isEqualTo(completed);
        }

        @Test
        void transactionOfTheDeployerPaysTheValidator50AndBurns50() {
            PeerWallet deployer = funded("10");
            deployed(deployer);
            BigInteger validatorBefore = msb.balance(validator);
            BigInteger burnedBefore = msb.burned();
            TxSettlement op = msb.tx(deployer, subnet);
            msb.settleValid(op);
            assertThat(msb.balance(deployer)).isEqualTo(tnk("10").subtract(FEE).subtract(FEE));
            assertThat(msb.balance(validator)).isEqualTo(validatorBefore.add(FEE_50));
            assertThat(msb.burned()).isEqualTo(burnedBefore.add(FEE_50));
            assertThat(msb.length()).isEqualTo(3);
            assertThat(msb.ledger().record(op.tx()).orElseThrow().seq()).isEqualTo(2);
        }

        @Test
        void transactionOfAnotherAccountPaysTheDeployer25() {
            PeerWallet deployer = funded("10");
            PeerWallet requester = funded("10");
            deployed(deployer);
            BigInteger validatorBefore = msb.balance(validator);
            BigInteger burnedBefore = msb.burned();
            msb.settleValid(msb.tx(requester, subnet));
            assertThat(msb.balance(requester)).isEqualTo(tnk("10").subtract(FEE));
            assertThat(msb.balance(deployer)).isEqualTo(tnk("10").subtract(FEE).add(FEE_25));
            assertThat(msb.balance(validator)).isEqualTo(validatorBefore.add(FEE_50));
            assertThat(msb.burned()).isEqualTo(burnedBefore.add(FEE_25));
        }

        @Test
        void transactionOfASubnetTheValidatorDeployedPaysIt75() {
            PeerWallet second = msb.addValidator();
            msb.settleValid(msb.transfer(holder, validator.address(), tnk("1")));
            // the first validator's account deploys; the second validator completes it
            msb.settleValid(msb.deployment(validator, subnet), second);
            assertThat(msb.ledger().deployment(subnet.toHex()).orElseThrow().deployer()).isEqualTo(validator.address());
            BigInteger validatorBefore = msb.balance(validator);
            BigInteger holderBefore = msb.balance(holder);
            BigInteger burnedBefore = msb.burned();
            msb.settleValid(msb.tx(holder, subnet), validator);
            assertThat(msb.balance(holder)).isEqualTo(holderBefore.subtract(FEE));
            assertThat(msb.balance(validator)).isEqualTo(validatorBefore.add(FEE_75));
            assertThat(msb.burned()).isEqualTo(burnedBefore.add(FEE_25));
        }

        @Test
        void transferToANewAccount() {
            PeerWallet to = msb.wallet();
            assertThat(msb.balance(to)).isNull();
            msb.settleValid(msb.transfer(holder, to.address(), tnk("12.5")));
            assertThat(msb.balance(to)).isEqualTo(tnk("12.5"));
            assertThat(msb.balance(holder)).isEqualTo(tnk("1000").subtract(tnk("12.5")).subtract(FEE));
            assertThat(msb.balance(validator)).isEqualTo(FEE_75);
            assertThat(msb.burned()).isEqualTo(FEE_25);
            assertThat(msb.state()).containsKey(MsbKeys.balance(to.address()));
        }

        @Test
        void transferToAnExistingAccount() {
            PeerWallet to = funded("1");
            msb.settleValid(msb.transfer(holder, to.address(), tnk("0.000000000000000001")));
            assertThat(msb.balance(to)).isEqualTo(tnk("1.000000000000000001"));
        }

        @Test
        void transferToTheValidator() {
            msb.settleValid(msb.transfer(holder, validator.address(), tnk("2")));
            assertThat(msb.balance(validator)).isEqualTo(tnk("2").add(FEE_75));
            assertThat(msb.balance(holder)).isEqualTo(tnk("998").subtract(FEE));
        }

        @Test
        void selfTransferPaysOnlyTheFee() {
            msb.settleValid(msb.transfer(holder, holder.address(), tnk("400")));
            assertThat(msb.balance(holder)).isEqualTo(tnk("1000").subtract(FEE));
            assertThat(msb.balance(validator)).isEqualTo(FEE_75);
            assertThat(msb.burned()).isEqualTo(FEE_25);
        }

        @Test
        void theWholeSupplyCanMove() {
            MsbFixture all = new MsbFixture(9, Amounts.MAX);
            PeerWallet to = all.wallet();
            all.settleValid(all.transfer(all.holder, to.address(), Amounts.MAX.subtract(FEE)));
            assertThat(all.balance(to)).isEqualTo(Amounts.MAX.subtract(FEE));
            assertThat(all.balance(all.holder)).isZero();
            assertThat(all.balance(all.validator).add(all.burned())).isEqualTo(FEE);
        }

        @Test
        void feeSharesAddUp() {
            assertThat(FEE_50.add(FEE_50)).isEqualTo(FEE);
            assertThat(FEE_75.add(FEE_25)).isEqualTo(FEE);
            assertThat(FEE_50.add(FEE_25).add(FEE_25)).isEqualTo(FEE);
        }
    }
}
