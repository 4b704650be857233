package net.intercomj.focusroom;

import net.intercomj.api.command.CommandArgs;
import net.intercomj.api.command.CommandOutput;

/** {@code /focus_history}: List the finished focus sessions, newest first (kept across restarts). */
final class FocusHistoryCommand extends FocusCommand {

    FocusHistoryCommand(FocusRoom app) {
        super(app);
    }

    @Override
    public String name() {
        return "/focus_history";
    }

    @Override
    public String usage() {
        return "/focus_history";
    }

    @Override
    public String description() {
        return "List the finished focus sessions, newest first (kept across restarts).";
    }

    @Override
    public void execute(CommandArgs args, CommandOutput out) {
        print(out, app.history().stream().map(HistoryEntry::toJson).toList());
    }
}
