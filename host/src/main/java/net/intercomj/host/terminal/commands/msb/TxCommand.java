package net.intercomj.host.terminal.commands.msb;

import net.intercomj.api.command.CommandArgs;
import net.intercomj.api.command.CommandException;
import net.intercomj.api.command.CommandOutput;
import net.intercomj.api.command.TerminalCommand;
import net.intercomj.api.subnet.TxException;
import net.intercomj.api.subnet.TxResult;
import net.intercomj.host.msb.CommandTransactions;
import net.intercomj.host.subnet.SubnetNode;

/**
 * {@code /tx --command "<cmd>" [--sim 1]}: a contract transaction, paid on the MSB (spec §3.2,
 * §3.3), run by {@link CommandTransactions}. With {@code --sim 1} the contract runs on a private
 * copy of the unconfirmed view and the result is shown; nothing is paid or appended. Otherwise a
 * validator must accept the payment (its reason is shown when it refuses, spec §9 item 13), and
 * the relay appends the subnet's {@code tx} op once the MSB confirms it.
 */
public final class TxCommand implements TerminalCommand {

    private final SubnetNode subnet;
    private final CommandTransactions transactions;

    public TxCommand(SubnetNode subnet, CommandTransactions transactions) {
        this.subnet = subnet;
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
        TxResult result;
        try {
            result = transactions.run(command, simulate);
        } catch (TxException e) {
            throw new CommandException(e.getMessage());
        }
        out.println(switch (result) {
            // A refusal is the simulation's result, printed as the original printed it.
            case TxResult.Simulated simulated -> simulated.error().orElse("Simulation OK: " + simulated.type()
                    + " runs without error. Nothing was paid or appended.");
            case TxResult.Broadcast broadcast -> "MSB TX broadcasted: " + broadcast.tx();
        });
    }
}
