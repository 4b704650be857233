package net.intercomj.host.apps.services;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import net.intercomj.api.json.Json;
import net.intercomj.api.subnet.Subnet;
import net.intercomj.api.subnet.TxException;
import net.intercomj.api.subnet.TxResult;
import net.intercomj.host.contract.JsonNodes;
import net.intercomj.host.msb.CommandTransactions;
import net.intercomj.host.subnet.SubnetException;
import net.intercomj.host.subnet.SubnetNode;
import net.intercomj.host.subnet.op.ViewKeys;
import net.intercomj.host.subnet.op.contract.FeatureOp;
import net.intercomj.host.subnet.view.ViewReader;
import net.intercomj.host.wallet.PeerWallet;

/**
 * The {@link Subnet} service over this peer's {@link SubnetNode}, which opens after the plugins
 * start: until then every method says the subnet is not open.
 */
public final class SubnetService implements Subnet {

    /** The original's text for a feature that cannot append. */
    public static final String NOT_WRITABLE = "Peer running features not writable.";

    private final Supplier<Optional<SubnetNode>> subnet;
    private final Supplier<Optional<CommandTransactions>> transactions;
    private final PeerWallet wallet;

    /**
     * @param subnet the subnet node, once open
     * @param transactions what runs contract transactions, once the settlement plane started
     */
    public SubnetService(Supplier<Optional<SubnetNode>> subnet, Supplier<Optional<CommandTransactions>> transactions,
            PeerWallet wallet) {
        this.subnet = Objects.requireNonNull(subnet, "subnet");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.wallet = Objects.requireNonNull(wallet, "wallet");
    }

    private SubnetNode node() {
        return subnet.get().orElseThrow(() -> new IllegalStateException("The subnet is not open yet."));
    }

    @Override
    public Optional<Json> get(String key) {
        return read(node().unconfirmed(), key);
    }

    @Override
    public Optional<Json> getConfirmed(String key) {
        return read(node().confirmed(), key);
    }

    private static Optional<Json> read(ViewReader view, String key) {
        return view.get(Objects.requireNonNull(key, "key")).map(Json::parse);
    }

    @Override
    public boolean isAdmin() {
        // The view holds the admin as a JSON string; a hex key needs no escaping.
        return node().unconfirmed().get(ViewKeys.ADMIN).map(admin -> admin.equals("\"" + wallet.publicKeyHex() + "\""))
                .orElse(false);
    }

    @Override
    public boolean isWritable() {
        return node().isWriter();
    }

    @Override
    public void appendFeature(String featureKey, String key, Json value) {
        Objects.requireNonNull(featureKey, "featureKey");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        SubnetNode node = node();
        if (!node.isWriter()) {
            throw new IllegalStateException(NOT_WRITABLE);
        }
        try {
            node.append(FeatureOp.sign(node.subnet(), featureKey, key, JsonNodes.toNode(value), wallet.publicKeyHex(),
                    wallet::sign));
        } catch (SubnetException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    @Override
    public TxResult tx(String command, boolean simulate) throws TxException {
        Objects.requireNonNull(command, "command");
        CommandTransactions runner = transactions.get()
                .orElseThrow(() -> new TxException("Transactions are not available yet: the subnet is still opening."));
        return runner.run(command, simulate);
    }
}
