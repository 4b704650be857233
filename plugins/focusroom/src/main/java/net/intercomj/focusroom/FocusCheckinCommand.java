package net.intercomj.focusroom;

import net.intercomj.api.command.CommandArgs;
import net.intercomj.api.command.CommandOutput;

/** {@code /focus_checkin}: Check in to a running focus session with a short status. */
final class FocusCheckinCommand extends FocusCommand {

    FocusCheckinCommand(FocusRoom app) {
        super(app);
    }

    @Override
    public String name() {
        return "/focus_checkin";
    }

    @Override
    public String usage() {
        return "/focus_checkin --room \"<name>\" --status \"<text>\"";
    }

    @Override
    public String description() {
        return "Check in to a running focus session with a short status.";
    }

    @Override
    public void execute(CommandArgs args, CommandOutput out) {
        try {
            print(out, app.checkin(room(args), args.value("status", "message", "text").orElse("")));
        } catch (IllegalArgumentException e) {
            failed(out, "focus_checkin", e);
        }
    }
}
