package net.intercomj.focusroom;

import net.intercomj.api.command.CommandArgs;
import net.intercomj.api.command.CommandOutput;

/** {@code /focus_streaks}: List finished focus sessions per participant (kept across restarts). */
final class FocusStreaksCommand extends FocusCommand {

    FocusStreaksCommand(FocusRoom app) {
        super(app);
    }

    @Override
    public String name() {
        return "/focus_streaks";
    }

    @Override
    public String usage() {
        return "/focus_streaks";
    }

    @Override
    public String description() {
        return "List finished focus sessions per participant (kept across restarts).";
    }

    @Override
    public void execute(CommandArgs args, CommandOutput out) {
        print(out, app.streaks().stream().map(Streak::toJson).toList());
    }
}
