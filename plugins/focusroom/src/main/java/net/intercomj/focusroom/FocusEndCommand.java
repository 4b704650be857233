package net.intercomj.focusroom;

import net.intercomj.api.command.CommandArgs;
import net.intercomj.api.command.CommandOutput;

/** {@code /focus_end}: End the focus session you host, with an optional summary. */
final class FocusEndCommand extends FocusCommand {

    FocusEndCommand(FocusRoom app) {
        super(app);
    }

    @Override
    public String name() {
        return "/focus_end";
    }

    @Override
    public String usage() {
        return "/focus_end --room \"<name>\" [--summary \"<text>\"]";
    }

    @Override
    public String description() {
        return "End the focus session you host, with an optional summary.";
    }

    @Override
    public void execute(CommandArgs args, CommandOutput out) {
        try {
            print(out, app.end(room(args), args.value("summary", "status", "text").orElse("")));
        } catch (IllegalArgumentException e) {
            failed(out, "focus_end", e);
        }
    }
}
