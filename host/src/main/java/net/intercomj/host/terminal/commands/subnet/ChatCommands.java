package net.intercomj.host.terminal.commands.subnet;

import java.util.List;
import net.intercomj.api.command.TerminalCommand;

/** The subnet's chat and moderation commands. */
public final class ChatCommands {

    private ChatCommands() {}

    public static List<TerminalCommand> all(SubnetCommands subnet) {
        return List.of(new PostCommand(subnet), new SetNickCommand(subnet), new MuteStatusCommand(subnet),
                new SetModCommand(subnet), new DeleteMessageCommand(subnet), new PinMessageCommand(subnet),
                new UnpinMessageCommand(subnet), new EnableWhitelistCommand(subnet), new SetWhitelistStatusCommand(subnet));
    }
}
