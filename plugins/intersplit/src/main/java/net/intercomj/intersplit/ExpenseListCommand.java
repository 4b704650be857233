package net.intercomj.intersplit;

import java.time.Instant;
import java.util.List;
import net.intercomj.api.command.CommandArgs;
import net.intercomj.api.command.CommandOutput;

/** {@code /expense_list}: prints a room's events, oldest first (spec §2.7.2). */
final class ExpenseListCommand extends ExpenseCommand {

    ExpenseListCommand(ExpenseSplit app) {
        super(app);
    }

    @Override
    public String name() {
        return "/expense_list";
    }

    @Override
    public String usage() {
        return "/expense_list --channel \"<name>\"";
    }

    @Override
    public String description() {
        return "List a room's expenses.";
    }

    @Override
    public void execute(CommandArgs args, CommandOutput out) {
        String channel = channel(args);
        List<Expense> events = app.list(channel);
        if (events.isEmpty()) {
            out.println(prefix(channel) + " no expenses yet.");
            return;
        }
        out.println(prefix(channel) + " entries=" + events.size());
        for (Expense event : events) {
            out.println("- " + Exports.isoTimestamp(Instant.ofEpochMilli(event.ts())) + " | " + event.payer() + " paid "
                    + Amounts.format(event.amountCents()) + " | split=" + String.join(",", event.split()) + " | note="
                    + (event.note().isEmpty() ? "-" : event.note()));
        }
    }
}
