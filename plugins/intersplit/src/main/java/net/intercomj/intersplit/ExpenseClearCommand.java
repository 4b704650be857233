package net.intercomj.intersplit;

import net.intercomj.api.command.CommandArgs;
import net.intercomj.api.command.CommandOutput;

/** {@code /expense_clear}: clears a room with a signed tombstone, saved and sent to the room (spec §2.7.2). */
final class ExpenseClearCommand extends ExpenseCommand {

    ExpenseClearCommand(ExpenseSplit app) {
        super(app);
    }

    @Override
    public String name() {
        return "/expense_clear";
    }

    @Override
    public String usage() {
        return "/expense_clear --channel \"<name>\"";
    }

    @Override
    public String description() {
        return "Clear a room's ledger here and on the room's peers.";
    }

    @Override
    public void execute(CommandArgs args, CommandOutput out) {
        out.println(prefix(app.clear(channel(args))) + " ledger cleared.");
    }
}
