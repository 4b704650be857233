package net.intercomj.focusroom;

import java.util.List;
import net.intercomj.api.command.CommandArgs;
import net.intercomj.api.command.CommandOutput;
import net.intercomj.api.command.TerminalCommand;
import net.intercomj.api.json.Json;
import net.intercomj.api.json.JsonArray;

/**
 * What the FocusRoom terminal commands share (spec §1.8): the {@code /help} section, the room
 * option ({@code --room}, {@code --channel} or {@code --name}), the minutes option
 * ({@code --minutes}, {@code --min} or {@code --duration}, parsed as JS {@code parseInt}), and
 * value output: the terminal shows indented JSON (the original printed Node's inspect form),
 * the bridge's {@code cli_result} gets the JSON itself.
 */
abstract class FocusCommand implements TerminalCommand {

    /** The app the command works on. */
    protected final FocusRoom app;

    FocusCommand(FocusRoom app) {
        this.app = app;
    }

    @Override
    public String section() {
        return "FocusRoom";
    }

    /** The room the command names; empty when none (the core then says {@code room is required}). */
    static String room(CommandArgs args) {
        return args.value("room", "channel", "name").orElse("");
    }

    /** The minutes given, null when absent or not a number (the default applies). */
    static Long minutes(CommandArgs args) {
        var parsed = Limits.parseInt(args.value("minutes", "min", "duration").orElse(null));
        return parsed.isPresent() ? parsed.getAsLong() : null;
    }

    static void print(CommandOutput out, Json value) {
        out.printValue(value.toJson(), value.toPrettyJson());
    }

    static void print(CommandOutput out, List<? extends Json> values) {
        JsonArray array = Json.array(values);
        print(out, array);
    }

    /** The original's failure line, {@code <command> failed: <error>}. */
    static void failed(CommandOutput out, String action, IllegalArgumentException e) {
        out.println(action + " failed: " + e.getMessage());
    }
}
