package net.intercomj.focusroom;

import net.intercomj.api.command.CommandArgs;
import net.intercomj.api.command.CommandOutput;

/** {@code /focus_rooms}: List the focus rooms: status, participant count, goal and end time. */
final class FocusRoomsCommand extends FocusCommand {

    FocusRoomsCommand(FocusRoom app) {
        super(app);
    }

    @Override
    public String name() {
        return "/focus_rooms";
    }

    @Override
    public String usage() {
        return "/focus_rooms";
    }

    @Override
    public String description() {
        return "List the focus rooms: status, participant count, goal and end time.";
    }

    @Override
    public void execute(CommandArgs args, CommandOutput out) {
        print(out, app.rooms());
    }
}
