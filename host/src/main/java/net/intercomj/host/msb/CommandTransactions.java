package net.intercomj.host.msb;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import net.intercomj.api.contract.TxCommand;
import net.intercomj.api.subnet.TxException;
import net.intercomj.api.subnet.TxResult;
import net.intercomj.host.contract.ContractApps;
import net.intercomj.host.contract.ContractPin;
import net.intercomj.host.contract.JsonNodes;
import net.intercomj.host.msb.ops.TxSettlement;
import net.intercomj.host.msb.state.SettlementRejected;
import net.intercomj.host.store.StoreException;
import net.intercomj.host.subnet.SubnetNode;
import net.intercomj.host.subnet.op.ApplyPaused;
import net.intercomj.host.subnet.op.ContractCalls.TxOutcome;

/**
 * A contract transaction from the text of a command, as {@code /tx --command "<cmd>" [--sim 1]}
 * and plugins ({@link net.intercomj.api.subnet.Subnet#tx}) run it (spec §3.2, §3.3): the pinned
 * app's {@code mapTxCommand} turns the text into {@code {type, value}}, this peer's wallet signs
 * it, and the MSB's checks run on this peer's replica. A simulation then runs the contract on a
 * private copy of the unconfirmed view; a real run saves the transaction as pending and waits
 * until a validator accepts it (the original did not wait, spec §9 item 13).
 */
public final class CommandTransactions {

    /** How long a run waits for a validator's answer. */
    public static final Duration DEADLINE = Duration.ofSeconds(30);

    private final SubnetNode subnet;
    private final MsbSource msb;
    private final Payer payer;
    private final ContractApps apps;
    private final Transactions transactions;

    public CommandTransactions(SubnetNode subnet, MsbSource msb, Payer payer, ContractApps apps,
            Transactions transactions) {
        this.subnet = subnet;
        this.msb = msb;
        this.payer = payer;
        this.apps = apps;
        this.transactions = transactions;
    }

    /**
     * Runs {@code command}.
     *
     * @throws TxException with the reason when nothing was run or paid, or when the payment's
     *     fate is unknown (no validator answered: it stays pending and is sent again)
     */
    public TxResult run(String command, boolean simulate) throws TxException {
        if (!subnet.isWriter()) {
            throw new TxException("Peer is not writable.");
        }
        JsonNode dispatch = dispatch(command);
        String ipk = payer.wallet().publicKeyHex();
        try {
            transactions.check(dispatch, ipk);
        } catch (SettlementRejected e) {
            throw new TxException(e.getMessage());
        }
        MsbNode node;
        try {
            node = msb.node();
        } catch (SettlementRejected e) {
            throw new TxException(e.getMessage());
        }
        TxSettlement op = payer.transaction(node, dispatch, subnet.subnet(), subnet.writerKey());
        try {
            node.preflight(op);
        } catch (SettlementRejected e) {
            throw new TxException("Invalid MSB tx: " + e.getMessage());
        }
        if (simulate) {
            return new TxResult.Simulated(dispatch.path("type").asText(), simulate(dispatch, ipk));
        }
        pay(node, op, dispatch);
        return new TxResult.Broadcast(op.tx());
    }

    /** The pinned app's {@code mapTxCommand(command)} as {@code {type, value}}. */
    private JsonNode dispatch(String command) throws TxException {
        ContractPin pin = ContractPin.in(subnet.unconfirmed()).orElseThrow(() -> new TxException(
                "This subnet pins no contract app, so it has no transactions (its creator pins one with --app)."));
        ContractApps.Installed app = apps.installed(pin.app(), pin.hash()).orElseThrow(() -> new TxException(
                "This peer does not run the subnet's contract " + pin.app() + " " + pin.hash() + "."));
        Optional<TxCommand> mapped;
        try {
            mapped = app.app().mapTxCommand(command);
        } catch (RuntimeException e) {
            throw new TxException(pin.app() + "::tx(): mapTxCommand failed: " + e.getMessage());
        }
        return JsonNodes.toNode(mapped.orElseThrow(() -> new TxException(pin.app() + "::tx(): command not found."))
                .toJson());
    }

    /** Runs the contract on a private copy: its refusal as the original printed it, or empty. */
    private Optional<String> simulate(JsonNode dispatch, String ipk) throws TxException {
        TxOutcome outcome;
        try {
            outcome = transactions.simulate(dispatch, ipk);
        } catch (ApplyPaused e) {
            throw new TxException(e.getMessage());
        }
        return switch (outcome) {
            case TxOutcome.NotIndexed notIndexed -> Optional.of(notIndexed.reason());
            case TxOutcome.Indexed indexed when indexed.failed() -> Optional.of(
                    indexed.error().isTextual() ? indexed.error().textValue() : indexed.error().toString());
            case TxOutcome.Indexed indexed -> Optional.empty();
        };
    }

    private void pay(MsbNode node, TxSettlement op, JsonNode dispatch) throws TxException {
        try {
            transactions.pay(node, op, dispatch).get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
        } catch (StoreException e) {
            throw new TxException("Cannot save the pending transaction, so it was not sent: " + e.getMessage());
        } catch (ExecutionException e) {
            if (MsbNode.NO_VALIDATOR.equals(e.getCause().getMessage())) {
                throw new TxException("No MSB validator is connected; transaction " + op.tx()
                        + " stays pending and is sent again.");
            }
            throw new TxException("MSB refused transaction " + op.tx() + ": " + e.getCause().getMessage());
        } catch (TimeoutException e) {
            throw new TxException("No validator answered within " + DEADLINE.toSeconds() + " s; transaction "
                    + op.tx() + " stays pending and is sent again.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TxException("Interrupted; transaction " + op.tx() + " stays pending.");
        }
    }
}
