package net.intercomj.host.terminal.commands.msb;

import java.math.BigInteger;
import java.util.List;
import net.intercomj.api.command.CommandArgs;
import net.intercomj.api.command.CommandException;
import net.intercomj.api.command.CommandOutput;
import net.intercomj.api.command.TerminalCommand;
import net.intercomj.host.msb.Amounts;
import net.intercomj.host.msb.MsbNode;
import net.intercomj.host.msb.MsbSource;
import net.intercomj.host.msb.Payer;
import net.intercomj.host.msb.ops.Transfer;
import net.intercomj.host.wallet.TracAddress;

/**
 * {@code /transfer <to> <amount>}: pays {@code amount} TNK (plus the 0.03 fee) from this wallet,
 * and waits until the MSB confirms it.
 */
public final class TransferCommand implements TerminalCommand {

    private final MsbSource msb;
    private final Payer payer;

    public TransferCommand(MsbSource msb, Payer payer) {
        this.msb = msb;
        this.payer = payer;
    }

    @Override
    public String name() {
        return "/transfer";
    }

    @Override
    public String usage() {
        return "/transfer <to-address> <amount>";
    }

    @Override
    public String description() {
        return "Pay TNK to an address (the fee of 0.03 comes on top) and wait for confirmation.";
    }

    @Override
    public String section() {
        return "Settlement Commands";
    }

    @Override
    public void execute(CommandArgs args, CommandOutput out) throws CommandException {
        List<String> positional = args.positional();
        String to = positional.size() > 0 ? positional.get(0) : args.value("to").orElse("");
        String amountText = positional.size() > 1 ? positional.get(1) : args.value("amount").orElse("");
        if (to.isEmpty() || amountText.isEmpty()) {
            throw new CommandException("Usage: " + usage());
        }
        MsbNode node = Settle.node(msb);
        try {
            TracAddress.decode(node.network().hrp(), to);
        } catch (IllegalArgumentException e) {
            throw new CommandException("Invalid recipient address " + to + ": " + e.getMessage());
        }
        BigInteger units;
        try {
            units = Amounts.parse(amountText);
        } catch (IllegalArgumentException e) {
            throw new CommandException(e.getMessage());
        }
        if (units.signum() == 0) {
            throw new CommandException("Invalid amount \"" + amountText + "\": a transfer moves more than 0.");
        }
        Transfer transfer = payer.transfer(node, to, units);
        Settle.preflight(node, transfer);
        Settle.submit(node, transfer);
        Settle.confirm(node, transfer);
        out.println("Transfer confirmed: " + Amounts.format(units) + " TNK to " + to + " (tx " + transfer.tx() + ", fee "
                + Amounts.format(Amounts.FEE) + ")");
    }
}
