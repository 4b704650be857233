package net.intercomj.host.msb.state;

import java.math.BigInteger;
import java.util.HexFormat;
import java.util.Optional;
import net.intercomj.host.msb.Amounts;
import net.intercomj.host.msb.MsbNetwork;
import net.intercomj.host.msb.ops.Deployment;
import net.intercomj.host.msb.ops.SettlementHashes;
import net.intercomj.host.msb.ops.SettlementOp;
import net.intercomj.host.msb.ops.Transfer;
import net.intercomj.host.msb.ops.TxSettlement;
import net.intercomj.host.msb.ops.ValidatorSeal;
import net.intercomj.host.wallet.PeerWallet;
import net.intercomj.host.wallet.TracAddress;

/**
 * The MSB's checks of an op, with the original's messages (spec upstream-contract-subnet-msb
 * §3.9, §4.4, §4.5). {@link #partial} is what a validator runs before completing an op and what a
 * requester runs as preflight on its replica; {@link #complete} is what apply runs on every node,
 * on the op's own view only, so every node decides alike.
 */
public final class SettlementChecks {

    private static final HexFormat HEX = HexFormat.of();

    private final MsbNetwork network;

    public SettlementChecks(MsbNetwork network) {
        this.network = network;
    }

    /**
     * Checks a partial op, spec §4.4 steps 2 to 10 (step 1, the schema, is parsing).
     *
     * @param unconfirmed the MSB's unconfirmed view
     * @param confirmed   its confirmed view
     * @param validator   the checking validator's address; empty in a requester's preflight
     */
    public void partial(SettlementOp op, MsbLedger unconfirmed, MsbLedger confirmed, Optional<String> validator)
            throws SettlementRejected {
        if (validator.isPresent() && validator.get().equals(op.address())) {
            throw new SettlementRejected("Requester address cannot be the same as the validator wallet address.");
        }
        byte[] requester = requesterKey(op);
        if (unconfirmed.record(op.tx()).isPresent()) {
            throw new SettlementRejected("Transaction with hash " + op.tx() + " already exists in the state.");
        }
        hashAndSignature(op, requester);
        if (!op.txv().equals(HEX.formatHex(unconfirmed.txv()))) {
            throw new SettlementRejected("Transaction has expired.");
        }
        if (op.seal().isPresent()) {
            throw new SettlementRejected("Operation must not be completed already (va, vn, vs must be undefined).");
        }
        switch (op) {
            case TxSettlement tx -> {
                fee(op, unconfirmed);
                fee(op, confirmed);
                notMsbBootstrap(tx.bs());
                if (!tx.mbs().equals(network.bootstrap().toHex())) {
                    throw new SettlementRejected("Declared MSB bootstrap is different than network bootstrap in"
                            + " transaction operation: " + tx.mbs());
                }
                if (confirmed.deployment(tx.bs()).isEmpty()) {
                    throw new SettlementRejected("External bootstrap with hash " + tx.bs()
                            + " is not registered as deployment entry.");
                }
            }
            case Deployment deployment -> {
                fee(op, unconfirmed);
                fee(op, confirmed);
                notMsbBootstrap(deployment.bs());
                if (unconfirmed.deployment(deployment.bs()).isPresent()) {
                    throw new SettlementRejected("Subnet bootstrap " + deployment.bs() + " is already deployed.");
                }
            }
            case Transfer transfer -> transferable(transfer, unconfirmed);
        }
    }

    /**
     * Checks a completed op as apply does, on the view it applies to (spec §4.5).
     *
     * @param appender the writer key that appended it: the validator must be that key and a validator
     */
    public void complete(SettlementOp op, MsbLedger view, String appender) throws SettlementRejected {
        ValidatorSeal seal = op.seal().orElseThrow(() -> new SettlementRejected("The operation is not completed by a validator."));
        if (seal.address().equals(op.address())) {
            throw new SettlementRejected("Addresses should be different.");
        }
        if (seal.nonce().equals(op.nonce()) || seal.signature().equals(op.signature())) {
            throw new SettlementRejected("The validator's nonce and signature must differ from the requester's.");
        }
        byte[] requester = requesterKey(op);
        hashAndSignature(op, requester);
        byte[] validator = key(seal.address(), "Invalid validator address in payload.");
        if (!HEX.formatHex(validator).equals(appender)) {
            throw new SettlementRejected("The validator " + seal.address() + " is not the node that appended the operation.");
        }
        if (!view.validators().contains(appender)) {
            throw new SettlementRejected("The validator " + seal.address() + " is not a validator of this MSB.");
        }
        byte[] message = SettlementHashes.validatorMessage(network.networkId(), HEX.parseHex(op.tx()),
                HEX.parseHex(seal.nonce()), op.type());
        if (!PeerWallet.verify(HEX.parseHex(seal.signature()), message, validator)) {
            throw new SettlementRejected("Invalid validator signature in payload.");
        }
        if (!op.txv().equals(HEX.formatHex(view.txv()))) {
            throw new SettlementRejected("Transaction has expired.");
        }
        if (view.record(op.tx()).isPresent()) {
            throw new SettlementRejected("Transaction with hash " + op.tx() + " already exists in the state.");
        }
        switch (op) {
            case TxSettlement tx -> {
                notMsbBootstrap(tx.bs());
                if (!tx.mbs().equals(network.bootstrap().toHex())) {
                    throw new SettlementRejected("Declared MSB bootstrap is different than network bootstrap in"
                            + " transaction operation: " + tx.mbs());
                }
                if (view.deployment(tx.bs()).isEmpty()) {
                    throw new SettlementRejected("External bootstrap with hash " + tx.bs()
                            + " is not registered as deployment entry.");
                }
                fee(op, view);
            }
            case Deployment deployment -> {
                notMsbBootstrap(deployment.bs());
                if (view.deployment(deployment.bs()).isPresent()) {
                    throw new SettlementRejected("Subnet bootstrap " + deployment.bs() + " is already deployed.");
                }
                fee(op, view);
            }
            case Transfer transfer -> transferable(transfer, view);
        }
    }

    private byte[] requesterKey(SettlementOp op) throws SettlementRejected {
        return key(op.address(), "Invalid requesting address in payload.");
    }

    private byte[] key(String address, String message) throws SettlementRejected {
        try {
            return TracAddress.decode(network.hrp(), address);
        } catch (IllegalArgumentException e) {
            throw new SettlementRejected(message);
        }
    }

    private void hashAndSignature(SettlementOp op, byte[] requester) throws SettlementRejected {
        if (!HEX.formatHex(SettlementHashes.recompute(network.networkId(), op)).equals(op.tx())) {
            throw new SettlementRejected("Regenerated transaction does not match incoming transaction in payload.");
        }
        if (!PeerWallet.verify(HEX.parseHex(op.signature()), HEX.parseHex(op.tx()), requester)) {
            throw new SettlementRejected("Invalid signature in payload.");
        }
    }

    private void notMsbBootstrap(String bootstrap) throws SettlementRejected {
        if (bootstrap.equals(network.bootstrap().toHex())) {
            throw new SettlementRejected("External bootstrap is the same as MSB bootstrap: " + bootstrap);
        }
    }

    private static void fee(SettlementOp op, MsbLedger view) throws SettlementRejected {
        BigInteger balance = view.balance(op.address())
                .orElseThrow(() -> new SettlementRejected("Requester address not found in state"));
        if (balance.compareTo(Amounts.FEE) < 0) {
            throw new SettlementRejected("Insufficient balance to cover transaction fee.");
        }
    }

    private void transferable(Transfer transfer, MsbLedger view) throws SettlementRejected {
        try {
            TracAddress.decode(network.hrp(), transfer.to());
        } catch (IllegalArgumentException e) {
            throw new SettlementRejected("Invalid recipient address in payload: " + transfer.to());
        }
        BigInteger amount = Amounts.fromBytes16(HEX.parseHex(transfer.am()));
        BigInteger balance = view.balance(transfer.address())
                .orElseThrow(() -> new SettlementRejected("Sender address not found in state"));
        boolean self = transfer.to().equals(transfer.address());
        BigInteger cost = self ? Amounts.FEE : amount.add(Amounts.FEE);
        if (balance.compareTo(cost) < 0) {
            throw new SettlementRejected("Insufficient balance for transfer + fee");
        }
        if (!self && view.balance(transfer.to()).orElse(BigInteger.ZERO).add(amount).compareTo(Amounts.MAX) > 0) {
            throw new SettlementRejected("Transfer would overflow the recipient's balance.");
        }
    }
}
