package net.intercomj.intersplit;

import net.intercomj.api.command.CommandArgs;
import net.intercomj.api.command.TerminalCommand;

/**
 * What the InterSplit terminal commands share: the {@code /help} section and the channel
 * option ({@code --channel}, {@code --ch} or {@code --room}; the entry channel when absent),
 * always in its canonical form (W1: the original lowercased only some commands).
 */
abstract class ExpenseCommand implements TerminalCommand {

    /** The app the command works on. */
    protected final ExpenseSplit app;

    ExpenseCommand(ExpenseSplit app) {
        this.app = app;
    }

    @Override
    public String section() {
        return "InterSplit";
    }

    /** The canonical channel the command names. */
    static String channel(CommandArgs args) {
        return Channels.canonical(args.value("channel", "ch", "room").orElse(Channels.DEFAULT));
    }

    /** The prefix of the original's output lines, {@code [expense:<ch>]}. */
    static String prefix(String channel) {
        return "[expense:" + channel + "]";
    }
}
