package net.intercomj.intersplit;

import net.intercomj.api.command.CommandArgs;
import net.intercomj.api.command.CommandException;
import net.intercomj.api.command.CommandOutput;

/**
 * {@code /expense_restore [--confirmed 1|0] [--unconfirmed] [--replace 1]}: imports the room's
 * snapshot from the subnet's confirmed view (the default) or its unconfirmed one, merging by
 * {@code txId} unless {@code --replace 1}; from the local file when the subnet holds none (spec
 * §2.7.2). Every event is verified against its author's key first.
 */
final class ExpenseRestoreCommand extends ExpenseCommand {

    private final RoomPersistence persistence;

    ExpenseRestoreCommand(ExpenseSplit app, RoomPersistence persistence) {
        super(app);
        this.persistence = persistence;
    }

    @Override
    public String name() {
        return "/expense_restore";
    }

    @Override
    public String usage() {
        return "/expense_restore --channel \"<name>\" [--confirmed 1|0] [--replace 1]";
    }

    @Override
    public String description() {
        return "Bring back a room's persisted snapshot (merged; --replace 1 replaces the local entries).";
    }

    @Override
    public void execute(CommandArgs args, CommandOutput out) throws CommandException {
        String channel = channel(args);
        // Any --unconfirmed, even without a value, asks for the unconfirmed view, as in the original.
        boolean confirmed = !args.has("unconfirmed") && (!args.has("confirmed") || args.flag("confirmed"));
        boolean replace = args.flag("replace");
        RoomPersistence.Restored restored;
        try {
            restored = persistence.restore(channel, confirmed, replace);
        } catch (IllegalArgumentException e) {
            if (e.getMessage().equals(RoomPersistence.NOT_FOUND)) {
                out.println(prefix(channel) + " no persisted snapshot found.");
                return;
            }
            throw new CommandException(e.getMessage());
        }
        ExpenseSplit.Imported imported = restored.imported();
        String counts = "added=" + imported.added() + " total=" + imported.total();
        String refused = imported.refused() == 0 ? "" : " refused=" + imported.refused();
        String replaced = " replace=" + (replace ? 1 : 0);
        out.println(switch (restored.source()) {
            case LOCAL -> prefix(channel) + " restored from local snapshot " + counts + replaced + refused;
            case CONTRACT -> prefix(channel) + " restored " + counts + " source=" + (confirmed ? "signed" : "view")
                    + replaced + refused;
        });
    }
}
