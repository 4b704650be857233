package net.intercomj.focusroom;

import net.intercomj.api.command.CommandArgs;
import net.intercomj.api.command.CommandOutput;

/** {@code /focus_start}: Start a focus session in a room, as its host, and announce it to the room. */
final class FocusStartCommand extends FocusCommand {

    FocusStartCommand(FocusRoom app) {
        super(app);
    }

    @Override
    public String name() {
        return "/focus_start";
    }

    @Override
    public String usage() {
        return "/focus_start --room \"<name>\" [--minutes <1-1440, default 25>] [--goal \"<text>\"]";
    }

    @Override
    public String description() {
        return "Start a focus session in a room, as its host, and announce it to the room.";
    }

    @Override
    public void execute(CommandArgs args, CommandOutput out) {
        try {
            print(out, app.start(room(args), minutes(args), args.value("goal", "text").orElse("")));
        } catch (IllegalArgumentException e) {
            failed(out, "focus_start", e);
        }
    }
}
