package net.intercomj.focusroom;

import net.intercomj.api.command.CommandArgs;
import net.intercomj.api.command.CommandOutput;

/** {@code /focus_extend}: Extend the focus session you host. */
final class FocusExtendCommand extends FocusCommand {

    FocusExtendCommand(FocusRoom app) {
        super(app);
    }

    @Override
    public String name() {
        return "/focus_extend";
    }

    @Override
    public String usage() {
        return "/focus_extend --room \"<name>\" [--minutes <1-1440, default 5>]";
    }

    @Override
    public String description() {
        return "Extend the focus session you host.";
    }

    @Override
    public void execute(CommandArgs args, CommandOutput out) {
        try {
            print(out, app.extend(room(args), minutes(args)));
        } catch (IllegalArgumentException e) {
            failed(out, "focus_extend", e);
        }
    }
}
