package net.intercomj.intersplit;

import net.intercomj.api.command.CommandArgs;
import net.intercomj.api.command.CommandOutput;

/** {@code /expense_add}: adds an expense to a room and broadcasts it (spec §2.7.2). */
final class ExpenseAddCommand extends ExpenseCommand {

    static final String USAGE = "Usage: /expense_add --channel \"<name>\" --payer \"<name>\" --amount \"<n>\" --split \"a,b,c\" [--note \"<text>\"]";

    ExpenseAddCommand(ExpenseSplit app) {
        super(app);
    }

    @Override
    public String name() {
        return "/expense_add";
    }

    @Override
    public String usage() {
        return "/expense_add --channel \"<name>\" --payer \"<name>\" --amount \"<n>\" --split \"a,b,c\" [--note \"<text>\"]";
    }

    @Override
    public String description() {
        return "Add a shared expense to a room's ledger and send it to the room.";
    }

    @Override
    public void execute(CommandArgs args, CommandOutput out) {
        String payer = args.value("payer", "p").orElse("");
        String amount = args.value("amount", "a").orElse("");
        String split = args.value("split", "members", "with").orElse("");
        if (payer.isBlank() || amount.isBlank() || split.isBlank()) {
            out.println(USAGE);
            return;
        }
        try {
            ExpenseSplit.Added added = app.add(channel(args), payer, amount, Names.parseList(split),
                    args.value("note", "memo").orElse(""));
            Expense event = added.event().event();
            out.println(prefix(added.channel()) + " added " + Amounts.format(event.amountCents()) + " by " + event.payer()
                    + " split=" + String.join(",", event.split()));
        } catch (IllegalArgumentException e) {
            out.println(e.getMessage());
        }
    }
}
