package net.intercomj.host.terminal.commands.msb;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import net.intercomj.api.command.CommandArgs;
import net.intercomj.api.command.CommandException;
import net.intercomj.api.command.CommandOutput;
import net.intercomj.api.command.TerminalCommand;
import net.intercomj.host.contract.ContractApps;
import net.intercomj.host.contract.ContractPin;
import net.intercomj.host.contract.JsonNodes;
import net.intercomj.host.msb.MsbNode;
import net.intercomj.host.msb.MsbSource;
import net.intercomj.host.msb.Payer;
import net.intercomj.host.msb.Transactions;
import net.intercomj.host.msb.ops.TxSettlement;
import net.intercomj.host.msb.state.SettlementRejected;
import net.intercomj.host.store.StoreException;
import net.intercomj.host.subnet.SubnetNode;
import net.intercomj.host.subnet.op.ApplyPaused;
import net.intercomj.host.subnet.op.ContractCalls.TxOutcome;

/**
 * {@code /tx --command "<cmd>" [--sim 1]}: a contract transaction, paid on the MSB (spec §3.2,
 * §3.3). The pinned app's {@code mapTxCommand} turns the command into {@code {type, value}}; this
 * wallet signs it; the MSB's checks run on this peer's replica. With {@code --sim 1} the contract
 * then runs on a private copy of the unconfirmed view and the result is shown; nothing is paid
 * or appended. Otherwise the transaction is saved as pending, a validator must accept it (its
 * reason is shown when it refuses, spec §9 item 13), and the relay appends the subnet's
 * {@code tx} op once the MSB confirms it.
 */
public final class TxCommand implements TerminalCommand {

    private final SubnetNode subnet;
    private final MsbSource msb;
    private final Payer payer;
    private final ContractApps apps;
    private final Transactions transactions;

    public TxCommand(SubnetNode subnet, MsbSource msb, Payer payer, ContractApps apps, Transactions transactions) {
        this.subnet = subnet;
        this.msb = msb;
        this.payer = payer;
        this.apps = apps;
        this.transactions = transactions;
    }

    @Override
    public String name() {
        return "/tx";
    }

    @Override
    public String usage() {
        return "/tx --command \"<command>\" [--sim 1]";
    }

    @Override
    public String description() {
        return "Run a contract transaction, paid on the MSB; --sim 1 only simulates it, paying nothing.";
    }

    @Override
    public void execute(CommandArgs args, CommandOutput out) throws CommandException {
        if (!subnet.isWriter()) {
            throw new CommandException("Peer is not writable.");
        }
        String command = args.value("command")
                .orElseThrow(() -> new CommandException("Missing option. Please use the --command flag."));
        // The original's parseInt(x) === 1: "1", "1 ", "1abc".
        boolean simulate = args.value("sim").map(value -> value.trim().matches("^1(\\D.*)?$")).orElse(false);
        JsonNode dispatch = dispatch(command);
        String ipk = payer.wallet().publicKeyHex();
        try {
            transactions.check(dispatch, ipk);
        } catch (SettlementRejected e) {
            throw new CommandException(e.getMessage());
        }
        MsbNode node = Settle.node(msb);
        TxSettlement op = payer.transaction(node, dispatch, subnet.subnet(), subnet.writerKey());
        Settle.preflight(node, op);
        if (simulate) {
            out.println(simulation(dispatch, ipk));
            return;
        }
        try {
            transactions.pay(node, op, dispatch).get(Settle.DEADLINE.toSeconds(), TimeUnit.SECONDS);
        } catch (StoreException e) {
            throw new CommandException("Cannot save the pending transaction, so it was not sent: " + e.getMessage());
        } catch (ExecutionException e) {
            if (MsbNode.NO_VALIDATOR.equals(e.getCause().getMessage())) {
                throw new CommandException("No MSB validator is connected; transaction " + op.tx()
                        + " stays pending and is sent again.");
            }
            throw new CommandException("MSB refused transaction " + op.tx() + ": " + e.getCause().getMessage());
        } catch (TimeoutException e) {
            throw new CommandException("No validator answered within " + Settle.DEADLINE.toSeconds() + " s; transaction "
                    + op.tx() + " stays pending and is sent again.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CommandException("Interrupted; transaction " + op.tx() + " stays pending.");
        }
        out.println("MSB TX broadcasted: " + op.tx());
    }

    /** The pinned app's {@code mapTxCommand(command)} as {@code {type, value}}. */
    private JsonNode dispatch(String command) throws CommandException {
        ContractPin pin = ContractPin.in(subnet.unconfirmed()).orElseThrow(() -> new CommandException(
                "This subnet pins no contract app, so it has no transactions (its creator pins one with --app)."));
        ContractApps.Installed app = apps.installed(pin.app(), pin.hash()).orElseThrow(() -> new CommandException(
                "This peer does not run the subnet's contract " + pin.app() + " " + pin.hash() + "."));
        Optional<net.intercomj.api.contract.TxCommand> mapped;
        try {
            mapped = app.app().mapTxCommand(command);
        } catch (RuntimeException e) {
            throw new CommandException(pin.app() + "::tx(): mapTxCommand failed: " + e.getMessage());
        }
        return JsonNodes.toNode(mapped.orElseThrow(() -> new CommandException(pin.app() + "::tx(): command not found."))
                .toJson());
    }

    /** The simulation's outcome: the contract's error as the original printed it, or that it passed. */
    private String simulation(JsonNode dispatch, String ipk) throws CommandException {
        TxOutcome outcome;
        try {
            outcome = transactions.simulate(dispatch, ipk);
        } catch (ApplyPaused e) {
            throw new CommandException(e.getMessage());
        }
        return switch (outcome) {
            case TxOutcome.NotIndexed notIndexed -> notIndexed.reason();
            case TxOutcome.Indexed indexed when indexed.failed() ->
                    indexed.error().isTextual() ? indexed.error().textValue() : indexed.error().toString();
            case TxOutcome.Indexed indexed -> "Simulation OK: " + dispatch.path("type").asText()
                    + " runs without error. Nothing was paid or appended.";
        };
    }
}
