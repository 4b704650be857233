package net.intercomj.focusroom;

import net.intercomj.api.command.CommandArgs;
import net.intercomj.api.command.CommandOutput;

/** {@code /focus_join}: Join a focus room (its running session, or the next one). */
final class FocusJoinCommand extends FocusCommand {

    FocusJoinCommand(FocusRoom app) {
        super(app);
    }

    @Override
    public String name() {
        return "/focus_join";
    }

    @Override
    public String usage() {
        return "/focus_join --room \"<name>\"";
    }

    @Override
    public String description() {
        return "Join a focus room (its running session, or the next one).";
    }

    @Override
    public void execute(CommandArgs args, CommandOutput out) {
        try {
            print(out, app.join(room(args)));
        } catch (IllegalArgumentException e) {
            failed(out, "focus_join", e);
        }
    }
}
