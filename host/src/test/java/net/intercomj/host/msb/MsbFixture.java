package net.intercomj.host.msb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import net.intercomj.host.msb.ops.Deployment;
import net.intercomj.host.msb.ops.SettlementHashes;
import net.intercomj.host.msb.ops.SettlementOp;
import net.intercomj.host.msb.ops.Transfer;
import net.intercomj.host.msb.ops.TxSettlement;
import net.intercomj.host.msb.ops.ValidatorSeal;
import net.intercomj.host.msb.state.GenesisOp;
import net.intercomj.host.msb.state.MsbLedger;
import net.intercomj.host.msb.state.MsbOps;
import net.intercomj.host.msb.state.SettleOp;
import net.intercomj.host.msb.state.SettlementChecks;
import net.intercomj.host.msb.state.SettlementRejected;
import net.intercomj.host.net.Bytes32;
import net.intercomj.host.subnet.SignedOps;
import net.intercomj.host.subnet.log.LogEntry;
import net.intercomj.host.subnet.op.CanonicalJson;
import net.intercomj.host.subnet.op.OpApplier;
import net.intercomj.host.subnet.op.OpResult;
import net.intercomj.host.subnet.op.ViewOverlay;
import net.intercomj.host.subnet.view.ViewReader;
import net.intercomj.host.wallet.Ed25519Keys;
import net.intercomj.host.wallet.PeerWallet;

/**
 * An MSB without a network: its state machine ({@link MsbOps#applier}) applying log entries on an
 * in-memory view, as every MSB node does with its confirmed ops. The network's bootstrap writer
 * is its first validator ({@link #validator}); genesis gives {@link #supply} base units to
 * {@link #holder}. Requesters sign partial ops here as a peer wallet does, validators complete
 * them as the MSB's validator does, and {@link #settle} appends the completed op as the
 * validator's log entry.
 *
 * <p>The whole state is one {@link ViewOverlay} over an empty store, so {@link #state()} lists
 * every key. Keys and nonces come from a seeded random, so a fixture is deterministic.
 */
public final class MsbFixture {

    static final HexFormat HEX = HexFormat.of();

    final Random random;
    /** The network's bootstrap writer key: its creator, admin writer and first validator. */
    final PeerWallet validator;
    final MsbNetwork network;
    final OpApplier applier;
    final ViewOverlay view = new ViewOverlay(key -> Optional.empty());
    /** The account genesis funds. */
    final PeerWallet holder;
    final BigInteger supply;

    private final SettlementChecks checks;
    private final Map<Bytes32, LogEntry> lastEntry = new HashMap<>();
    private PeerWallet admin;

    /** A fixture whose keys and nonces derive from {@code seed}, with {@code supply} given to {@link #holder}. */
    MsbFixture(long seed, BigInteger supply) {
        this(seed, supply, true);
    }

    /** As above; without {@code withGenesis}, the MSB is just created and no balance was given yet. */
    MsbFixture(long seed, BigInteger supply, boolean withGenesis) {
        this.random = new Random(seed);
        this.validator = wallet();
        this.network = MsbNetwork.development(Bytes32.of(validator.publicKey()));
        this.applier = MsbOps.applier(network);
        this.checks = new SettlementChecks(network);
        this.holder = wallet();
        this.supply = supply;
        applier.genesisIfEmpty(view, view);
        if (!withGenesis) {
            return;
        }
        OpResult genesis = append(validator, GenesisOp.of(holder.address(), supply));
        if (!(genesis instanceof OpResult.Applied)) {
            throw new IllegalStateException("genesis refused: " + genesis);
        }
    }

    /** A fixture with 1000 TNK at genesis. */
    MsbFixture() {
        this(1L, tnk("1000"));
    }

    static BigInteger tnk(String decimal) {
        return Amounts.parse(decimal);
    }

    // ---- keys

    /** A new wallet from the fixture's random. */
    PeerWallet wallet() {
        return PeerWallet.fromSecretKey(Ed25519Keys.secretKey(bytes(32)));
    }

    byte[] bytes(int length) {
        byte[] out = new byte[length];
        random.nextBytes(out);
        return out;
    }

    String hex32() {
        return HEX.formatHex(bytes(32));
    }

    Bytes32 msbBootstrap() {
        return network.bootstrap();
    }

    /**
     * A second (third, …) validator: the bootstrap names an admin once, and the admin signs an
     * {@code addIndexer} of the new key, which the bootstrap appends. Changes the txv.
     */
    PeerWallet addValidator() {
        if (admin == null) {
            admin = wallet();
            expectApplied(append(validator, JsonNodeFactory.instance.objectNode().put("type", "addAdmin")
                    .put("key", admin.publicKeyHex())));
        }
        PeerWallet added = wallet();
        expectApplied(append(validator, SignedOps.adminMsgOp(msbBootstrap(), admin, "addIndexer", added.publicKeyHex())));
        return added;
    }

    // ---- reading

    MsbLedger ledger() {
        return new MsbLedger(view);
    }

    /** A ledger over a frozen copy of the state as it is now (e.g. the confirmed view, behind the unconfirmed one). */
    MsbLedger frozenLedger() {
        Map<String, Optional<String>> copy = view.writes();
        ViewReader frozen = key -> copy.getOrDefault(key, Optional.empty());
        return new MsbLedger(frozen);
    }

    String txv() {
        return HEX.formatHex(ledger().txv());
    }

    /** The balance of {@code address}, or null when it has no account. */
    BigInteger balance(String address) {
        return ledger().balance(address).orElse(null);
    }

    BigInteger balance(PeerWallet wallet) {
        return balance(wallet.address());
    }

    BigInteger burned() {
        return ledger().burned();
    }

    long length() {
        return ledger().length();
    }

    /** Every key of the state and its JSON text (an empty value would be a delete). */
    Map<String, Optional<String>> state() {
        return view.writes();
    }

    /** Every account and its balance, sorted by address. */
    Map<String, BigInteger> balances() {
        Map<String, BigInteger> out = new TreeMap<>();
        view.writes().forEach((key, value) -> {
            if (key.startsWith("bal/") && value.isPresent()) {
                out.put(key.substring(4), ledger().balance(key.substring(4)).orElseThrow());
            }
        });
        return out;
    }

    // ---- partial ops, signed by their requester

    Transfer transfer(PeerWallet from, String to, BigInteger amount) {
        return transfer(from, txv(), to, HEX.formatHex(Amounts.toBytes16(amount)));
    }

    Transfer transfer(PeerWallet from, String txv, String to, String am16Hex) {
        String nonce = hex32();
        String tx = HEX.formatHex(SettlementHashes.transfer(network.networkId(), HEX.parseHex(txv), to,
                HEX.parseHex(am16Hex), HEX.parseHex(nonce)));
        return new Transfer(from.address(), tx, txv, to, am16Hex, nonce, sign(from, tx), Optional.empty());
    }

    Deployment deployment(PeerWallet from, Bytes32 subnet) {
        return deployment(from, txv(), subnet.toHex(), HEX.formatHex(SettlementHashes.channel32("subnet-" + subnet.shortHex())));
    }

    Deployment deployment(PeerWallet from, String txv, String bs, String ic) {
        String nonce = hex32();
        String tx = HEX.formatHex(SettlementHashes.deployment(network.networkId(), HEX.parseHex(txv), HEX.parseHex(bs),
                HEX.parseHex(ic), HEX.parseHex(nonce)));
        return new Deployment(from.address(), tx, txv, bs, ic, nonce, sign(from, tx), Optional.empty());
    }

    /** A transaction of subnet {@code subnet} for a ping command, through a random subnet writer. */
    TxSettlement tx(PeerWallet from, Bytes32 subnet) {
        return tx(from, txv(), hex32(), subnet.toHex(), msbBootstrap().toHex());
    }

    TxSettlement tx(PeerWallet from, String txv, String iw, String bs, String mbs) {
        String ch = HEX.formatHex(SettlementHashes.contentHash("{\"type\":\"ping\",\"value\":{\"n\":\"" + hex32() + "\"}}"));
        String nonce = hex32();
        String tx = HEX.formatHex(SettlementHashes.tx(network.networkId(), HEX.parseHex(txv), HEX.parseHex(iw),
                HEX.parseHex(ch), HEX.parseHex(bs), HEX.parseHex(mbs), HEX.parseHex(nonce)));
        return new TxSettlement(from.address(), tx, txv, iw, ch, bs, mbs, nonce, sign(from, tx), Optional.empty());
    }

    static String sign(PeerWallet signer, String txHex) {
        return HEX.formatHex(signer.sign(HEX.parseHex(txHex)));
    }

    // ---- the requester's preflight and the validator's check

    /** The requester's preflight on its replica: the state as unconfirmed and as confirmed view. */
    void preflight(SettlementOp op) throws SettlementRejected {
        checks.partial(op, ledger(), ledger(), Optional.empty());
    }

    /** What {@code by} checks before completing {@code op}. */
    void validate(SettlementOp op, PeerWallet by) throws SettlementRejected {
        checks.partial(op, ledger(), ledger(), Optional.of(network.address(by.publicKey())));
    }

    /** Apply's checks of a completed op appended by {@code appender}, without applying it. */
    void checkComplete(SettlementOp op, PeerWallet appender) throws SettlementRejected {
        checks.complete(op, ledger(), appender.publicKeyHex());
    }

    SettlementChecks checks() {
        return checks;
    }

    // ---- completing and settling

    /** {@code op} completed by {@link #validator}. */
    SettlementOp complete(SettlementOp op) {
        return complete(op, validator);
    }

    /** {@code op} completed by {@code by}, as a validator does: its address, a fresh nonce, its signature. */
    SettlementOp complete(SettlementOp op, PeerWallet by) {
        byte[] vn = bytes(32);
        byte[] message = SettlementHashes.validatorMessage(network.networkId(), HEX.parseHex(op.tx()), vn, op.type());
        return op.withSeal(new ValidatorSeal(network.address(by.publicKey()), HEX.formatHex(vn),
                HEX.formatHex(by.sign(message))));
    }

    /** Appends {@code completed} as a {@code settle} op by the validator named in its seal (or {@link #validator}). */
    OpResult settle(SettlementOp completed) {
        return settle(completed, validator);
    }

    /** Appends {@code completed} as a {@code settle} op by {@code appender}. */
    OpResult settle(SettlementOp completed, PeerWallet appender) {
        return append(appender, SettleOp.wrap(completed));
    }

    /** Validates, completes and settles {@code op} with {@link #validator}; fails the test if any step refuses. */
    OpResult settleValid(SettlementOp op) {
        return settleValid(op, validator);
    }

    OpResult settleValid(SettlementOp op, PeerWallet by) {
        try {
            preflight(op);
            validate(op, by);
        } catch (SettlementRejected e) {
            throw new AssertionError("refused before settling: " + e.getMessage(), e);
        }
        return expectApplied(settle(complete(op, by), by));
    }

    /** Appends {@code op} as the next entry of {@code writer}'s log and applies it. */
    OpResult append(PeerWallet writer, JsonNode op) {
        return appendText(writer, CanonicalJson.write(op));
    }

    /** Appends the op text {@code opText} (need not be valid JSON) as the next entry of {@code writer}'s log. */
    OpResult appendText(PeerWallet writer, String opText) {
        Bytes32 key = Bytes32.of(writer.publicKey());
        LogEntry entry = LogEntry.append(msbBootstrap(), key, lastEntry.get(key), java.util.List.of(), 0, opText,
                writer::sign);
        lastEntry.put(key, entry);
        return applier.apply(entry, view);
    }

    static OpResult expectApplied(OpResult result) {
        if (!(result instanceof OpResult.Applied)) {
            throw new AssertionError("expected the op to apply, but: " + result);
        }
        return result;
    }

    /** The reason of a rejected result; fails the test if it applied. */
    static String reason(OpResult result) {
        if (!(result instanceof OpResult.Rejected rejected)) {
            throw new AssertionError("expected the op to be rejected, but it applied");
        }
        return rejected.reason();
    }
}
