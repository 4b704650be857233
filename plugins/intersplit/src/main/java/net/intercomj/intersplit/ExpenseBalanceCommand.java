package net.intercomj.intersplit;

import net.intercomj.api.command.CommandArgs;
import net.intercomj.api.command.CommandOutput;

/** {@code /expense_balance}: prints a room's balances and settlement plan (spec §2.7.2). */
final class ExpenseBalanceCommand extends ExpenseCommand {

    ExpenseBalanceCommand(ExpenseSplit app) {
        super(app);
    }

    @Override
    public String name() {
        return "/expense_balance";
    }

    @Override
    public String usage() {
        return "/expense_balance --channel \"<name>\"";
    }

    @Override
    public String description() {
        return "Show a room's balances and who pays whom to settle.";
    }

    @Override
    public void execute(CommandArgs args, CommandOutput out) {
        Summary summary = app.summary(channel(args));
        out.println(prefix(summary.channel()) + " entries=" + summary.eventCount() + " total="
                + Amounts.format(summary.totalCents()));
        if (summary.balances().isEmpty()) {
            out.println("- no balances yet.");
            return;
        }
        out.println("- balances:");
        for (Balance balance : summary.balances()) {
            out.println("  " + balance.member() + ": " + Amounts.formatSigned(balance.cents()));
        }
        if (summary.settlements().isEmpty()) {
            out.println("- settlements: none");
            return;
        }
        out.println("- settlements:");
        for (Transfer transfer : summary.settlements()) {
            out.println("  " + transfer.from() + " -> " + transfer.to() + ": " + Amounts.format(transfer.amountCents()));
        }
    }
}
