package net.intercomj.host.terminal.commands.msb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import net.intercomj.api.command.CommandArgs;
import net.intercomj.api.command.CommandException;
import net.intercomj.api.command.CommandOutput;
import net.intercomj.api.command.TerminalCommand;
import net.intercomj.host.contract.ContractApps;
import net.intercomj.host.contract.ContractPin;
import net.intercomj.host.contract.JsonNodes;
import net.intercomj.host.contract.PinnedContract;
import net.intercomj.host.msb.MsbNode;
import net.intercomj.host.msb.MsbSource;
import net.intercomj.host.msb.Payer;
import net.intercomj.host.msb.PendingTxs;
import net.intercomj.host.msb.TxRelay;
import net.intercomj.host.msb.ops.TxSettlement;
import net.intercomj.host.store.StoreException;
import net.intercomj.host.subnet.SubnetNode;
import net.intercomj.host.subnet.log.LogEntry;
import net.intercomj.host.subnet.op.ApplyPaused;
import net.intercomj.host.subnet.op.CanonicalJson;
import net.intercomj.host.subnet.op.ContractCalls.TxOutcome;
import net.intercomj.host.subnet.op.OpContext;
import net.intercomj.host.subnet.op.ViewKeys;
import net.intercomj.host.subnet.op.ViewOverlay;
import net.intercomj.host.subnet.op.contract.TxOp;

/**
 * {@code /tx --command "<cmd>" [--sim 1]}: a contract transaction, paid on the MSB (spec §3.2,
 * §3.3). The pinned app's {@code mapTxCommand} turns the command into {@code {type, value}}; this
 * wallet signs it; the MSB's checks run on this peer's replica. With {@code --sim 1} the contract
 * then runs on a private copy of the unconfirmed view and the result is shown; nothing is paid
 * or appended. Otherwise the transaction is saved as pending, a validator must accept it
 * (its reason is shown when it refuses), and the relay appends the subnet's {@code tx} op once
 * the MSB confirms it. Unlike the original, a command whose subnet op would be over the size
 * limit is refused before anything is paid (spec §9 item 15).
 */
public final class TxCommand implements TerminalCommand {

    private static final String ZERO_HASH = "0".repeat(64);

    private final SubnetNode subnet;
    private final MsbSource msb;
    private final Payer payer;
    private final ContractApps apps;
    private final TxRelay relay;
    private final LogEntry.Signer writerSigner;

    /** @param writerSigner signs the entry that carries a simulation's context (never stored or sent) */
    public TxCommand(SubnetNode subnet, MsbSource msb, Payer payer, ContractApps apps, TxRelay relay,
            LogEntry.Signer writerSigner) {
        this.subnet = subnet;
        this.msb = msb;
        this.payer = payer;
        this.apps = apps;
        this.relay = relay;
        this.writerSigner = writerSigner;
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
        boolean simulate = args.value("sim").map(value -> value.trim().matches("^1(\\D.*)?$")).orElse(false);
        JsonNode dispatch = dispatch(command);
        if (subnet.unconfirmed().get(ViewKeys.TRANSACTIONS_ENABLED).map(value -> !value.equals("true")).orElse(false)) {
            throw new CommandException("Tx is not enabled.");
        }
        MsbNode node = Settle.node(msb);
        TxSettlement op = payer.transaction(node, dispatch, subnet.subnet(), subnet.writerKey());
        int size = subnetOp(op.tx(), Long.MAX_VALUE / 1000, dispatch, payer.wallet().publicKeyHex(), ZERO_HASH)
                .getBytes(StandardCharsets.UTF_8).length;
        if (size > TxOp.MAX_BYTES) {
            throw new CommandException("The command is too large: its subnet tx op would be " + size
                    + " bytes, over the limit of " + TxOp.MAX_BYTES + ". Nothing was paid.");
        }
        Settle.preflight(node, op);
        if (simulate) {
            simulate(dispatch, out);
            return;
        }
        try {
            relay.add(new PendingTxs.Pending(op, dispatch));
        } catch (StoreException e) {
            throw new CommandException("Cannot save the pending transaction, so it was not sent: " + e.getMessage());
        }
        try {
            Settle.submit(node, op);
        } catch (CommandException e) {
            if (e.getMessage().startsWith("MSB refused")) {
                relay.drop(op.tx());
            }
            throw e;
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

    /**
     * Runs the contract on a private copy of the unconfirmed view, as the original's simulation
     * (with a deleted key reading as deleted: spec §9 item 18), and prints its outcome.
     */
    private void simulate(JsonNode dispatch, CommandOutput out) throws CommandException {
        ObjectNode op = (ObjectNode) parse(subnetOp(ZERO_HASH, 0, dispatch, payer.wallet().publicKeyHex(), ZERO_HASH));
        LogEntry carrier = LogEntry.append(subnet.subnet(), subnet.writerKey(), null, List.of(),
                System.currentTimeMillis(), CanonicalJson.write(op), writerSigner);
        OpContext context = new OpContext(subnet.subnet(), carrier, new ViewOverlay(subnet.unconfirmed()));
        TxOutcome outcome;
        try {
            outcome = new PinnedContract(apps).tx(op, context.child());
        } catch (ApplyPaused e) {
            throw new CommandException(e.getMessage());
        } catch (RuntimeException e) {
            throw new CommandException("Error in contract: " + e.getMessage());
        }
        switch (outcome) {
            case TxOutcome.NotIndexed notIndexed -> out.println(notIndexed.reason());
            case TxOutcome.Indexed indexed when indexed.failed() -> out.println(indexed.error().isTextual()
                    ? indexed.error().textValue() : indexed.error().toString());
            case TxOutcome.Indexed indexed -> out.println("Simulation OK: " + dispatch.path("type").asText()
                    + " runs without error. Nothing was paid or appended.");
        }
    }

    private static String subnetOp(String key, long msbsl, JsonNode dispatch, String ipk, String wp) {
        ObjectNode op = JsonNodeFactory.instance.objectNode().put("type", TxOp.TYPE).put("key", key);
        op.putObject("value").put("msbsl", msbsl).<ObjectNode>set("dispatch", dispatch).put("ipk", ipk).put("wp", wp);
        return CanonicalJson.write(op);
    }

    private static JsonNode parse(String text) {
        try {
            return CanonicalJson.parse(text);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Our own op is not JSON", e);
        }
    }
}
