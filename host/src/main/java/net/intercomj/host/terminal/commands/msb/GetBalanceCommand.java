package net.intercomj.host.terminal.commands.msb;

import java.math.BigInteger;
import java.util.Optional;
import net.intercomj.api.command.CommandArgs;
import net.intercomj.api.command.CommandException;
import net.intercomj.api.command.CommandOutput;
import net.intercomj.api.command.TerminalCommand;
import net.intercomj.host.msb.Amounts;
import net.intercomj.host.msb.MsbNode;
import net.intercomj.host.msb.MsbSource;
import net.intercomj.host.wallet.TracAddress;

/**
 * {@code /get_balance [<address>] [--confirmed 0]}: an account's balance in TNK, confirmed unless
 * told otherwise; without an address, this wallet's.
 */
public final class GetBalanceCommand implements TerminalCommand {

    private final MsbSource msb;
    private final String ownAddress;

    public GetBalanceCommand(MsbSource msb, String ownAddress) {
        this.msb = msb;
        this.ownAddress = ownAddress;
    }

    @Override
    public String name() {
        return "/get_balance";
    }

    @Override
    public String usage() {
        return "/get_balance [<address>] [--confirmed 1|0]";
    }

    @Override
    public String description() {
        return "Show an account's MSB balance (this wallet's without an address).";
    }

    @Override
    public String section() {
        return "Settlement Commands";
    }

    @Override
    public void execute(CommandArgs args, CommandOutput out) throws CommandException {
        MsbNode node = Settle.node(msb);
        String address = args.positional().isEmpty() ? args.value("address").orElse(ownAddress) : args.positional().getFirst();
        try {
            TracAddress.decode(node.network().hrp(), address);
        } catch (IllegalArgumentException e) {
            throw new CommandException("Invalid address " + address + ": " + e.getMessage());
        }
        boolean confirmed = args.value("confirmed").map(value -> !value.equals("0") && !value.equals("false")).orElse(true);
        Optional<BigInteger> balance = (confirmed ? node.confirmed() : node.unconfirmed()).balance(address);
        out.println(address + ": " + Amounts.format(balance.orElse(BigInteger.ZERO)) + " TNK"
                + (balance.isEmpty() ? " (no account)" : "") + (confirmed ? "" : " (unconfirmed)"));
    }
}
