package net.intercomj.sidechannel.commands;

import java.util.Optional;
import net.intercomj.api.command.CommandArgs;
import net.intercomj.api.command.CommandException;
import net.intercomj.api.command.CommandOutput;
import net.intercomj.api.sidechannel.Sidechannels;

/** The {@code --invite} and {@code --welcome} options the sidechannel commands share, in all their spellings. */
final class TokenOptions {

    static final String INVALID_INVITE = "Invalid invite. Pass JSON, base64, or @file.";
    static final String INVALID_WELCOME = "Invalid welcome. Pass JSON, base64, or @file.";

    private TokenOptions() {}

    /** The invite and welcome of a command line, both as JSON text when given. */
    record Given(Optional<String> invite, Optional<String> welcome) {}

    /**
     * Reads both options; when one cannot be read, prints the original's line for it (not as a
     * failure, as the original does) and returns empty.
     */
    static Optional<Given> read(CommandArgs args, Sidechannels sidechannels, CommandOutput out) {
        try {
            return Optional.of(new Given(invite(args, sidechannels), welcome(args, sidechannels)));
        } catch (CommandException e) {
            out.println(e.getMessage());
            return Optional.empty();
        }
    }

    /** The {@code --channel} option (aliases {@code --ch}, {@code --name}), trimmed; empty when not given. */
    static Optional<String> channel(CommandArgs args) {
        return args.value("channel", "ch", "name").map(String::trim).filter(c -> !c.isEmpty());
    }

    /** The invite given, as JSON text; empty when none was given. */
    static Optional<String> invite(CommandArgs args, Sidechannels sidechannels) throws CommandException {
        return decode(args.value("invite", "invite_b64", "invitebase64"), sidechannels, INVALID_INVITE);
    }

    /** The welcome given, as JSON text; empty when none was given. */
    static Optional<String> welcome(CommandArgs args, Sidechannels sidechannels) throws CommandException {
        return decode(args.value("welcome", "welcome_b64", "welcomebase64"), sidechannels, INVALID_WELCOME);
    }

    private static Optional<String> decode(Optional<String> given, Sidechannels sidechannels, String invalid)
            throws CommandException {
        if (given.isEmpty() || given.get().isBlank()) {
            return Optional.empty();
        }
        Optional<String> decoded = sidechannels.decodeToken(given.get());
        if (decoded.isEmpty()) {
            throw new CommandException(invalid);
        }
        return decoded;
    }
}
