package net.intercomj.sidechannel.commands;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Predicate;
import net.intercomj.api.command.CommandArgs;
import net.intercomj.api.command.CommandOutput;
import net.intercomj.api.command.TerminalCommand;
import net.intercomj.api.sidechannel.Sidechannels;

/** {@code /sc_welcome}: signs this peer's welcome for a channel it owns and prints it, as JSON and as base64. */
public final class ScWelcomeCommand implements TerminalCommand {

    private final Sidechannels sidechannels;
    private final Predicate<String> ownsChannel;

    /** @param ownsChannel whether {@code --sidechannel-owner} names this peer for a channel */
    public ScWelcomeCommand(Sidechannels sidechannels, Predicate<String> ownsChannel) {
        this.sidechannels = sidechannels;
        this.ownsChannel = ownsChannel;
    }

    @Override
    public String name() {
        return "/sc_welcome";
    }

    @Override
    public String usage() {
        return "/sc_welcome --channel \"<name>\" --text \"<message>\"";
    }

    @Override
    public String description() {
        return "Sign the welcome of a sidechannel this peer owns.";
    }

    @Override
    public String section() {
        return ScStatsCommand.SECTION;
    }

    @Override
    public void execute(CommandArgs args, CommandOutput out) {
        Optional<String> channel = TokenOptions.channel(args);
        Optional<String> text = args.value("text", "message", "msg");
        if (channel.isEmpty() || text.isEmpty()) {
            out.println("Usage: " + usage());
            return;
        }
        String welcome = sidechannels.createWelcome(channel.get(), text.get());
        out.println(welcome);
        out.println("welcome_b64: " + Base64.getEncoder().encodeToString(welcome.getBytes(StandardCharsets.UTF_8)));
        // The original kept it silently or not at all (§6.8): say which.
        if (!ownsChannel.test(channel.get())) {
            out.println("Not kept: --sidechannel-owner does not name this peer for " + channel.get()
                    + ", so peers will not accept this welcome.");
        }
    }
}
