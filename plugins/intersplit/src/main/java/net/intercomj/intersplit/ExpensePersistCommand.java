package net.intercomj.intersplit;

import net.intercomj.api.command.CommandArgs;
import net.intercomj.api.command.CommandException;
import net.intercomj.api.command.CommandOutput;

/**
 * {@code /expense_persist [--sim 1]}: writes the room's snapshot to the subnet through a paid
 * transaction of {@link RoomContract} (spec §2.7.2), or with {@code --sim 1} only runs the
 * contract on a private copy. Prints {@code [expense:<ch>] persisted. tx=<hex>} once a validator
 * accepted the payment; the peer prints {@code MSB TX confirmed: …} when the MSB confirms it.
 */
final class ExpensePersistCommand extends ExpenseCommand {

    static final String NOT_WRITABLE = "Peer is not writable; cannot persist contract state.";

    private final RoomPersistence persistence;

    ExpensePersistCommand(ExpenseSplit app, RoomPersistence persistence) {
        super(app);
        this.persistence = persistence;
    }

    @Override
    public String name() {
        return "/expense_persist";
    }

    @Override
    public String usage() {
        return "/expense_persist --channel \"<name>\" [--sim 1]";
    }

    @Override
    public String description() {
        return "Write a room's snapshot to the subnet's state (a paid transaction); --sim 1 only simulates it.";
    }

    @Override
    public void execute(CommandArgs args, CommandOutput out) throws CommandException {
        if (!persistence.writable()) {
            throw new CommandException(NOT_WRITABLE);
        }
        RoomPersistence.Persisted persisted;
        try {
            persisted = persistence.persist(channel(args), args.flag("sim"));
        } catch (IllegalArgumentException e) {
            throw new CommandException(e.getMessage());
        }
        String prefix = prefix(persisted.channel());
        out.println(persisted.tx().map(tx -> prefix + " persisted. tx=" + tx)
                .orElse(prefix + " persist simulated. events=" + persisted.events() + "; nothing was paid."));
    }
}
