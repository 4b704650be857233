package net.intercomj.focusroom;

import net.intercomj.api.command.CommandArgs;
import net.intercomj.api.command.CommandOutput;
import net.intercomj.api.json.Json;

/** {@code /focus_status}: Show one focus room (null when unknown), or every room. */
final class FocusStatusCommand extends FocusCommand {

    FocusStatusCommand(FocusRoom app) {
        super(app);
    }

    @Override
    public String name() {
        return "/focus_status";
    }

    @Override
    public String usage() {
        return "/focus_status [--room \"<name>\"]";
    }

    @Override
    public String description() {
        return "Show one focus room (null when unknown), or every room.";
    }

    @Override
    public void execute(CommandArgs args, CommandOutput out) {
        String room = room(args);
        if (room.isBlank() && !args.positional().isEmpty()) {
            room = args.positional().get(0);
        }
        if (room.isBlank()) {
            print(out, app.statusAll());
        } else {
            print(out, app.status(room).<Json>map(r -> r).orElse(Json.NULL));
        }
    }
}
