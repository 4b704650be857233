package net.intercomj.sidechannel.commands;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import net.intercomj.api.command.CommandArgs;
import net.intercomj.api.command.CommandException;
import net.intercomj.api.command.CommandOutput;
import net.intercomj.api.command.TerminalCommand;
import net.intercomj.api.sidechannel.Sidechannels;

/** {@code /sc_invite}: signs an invite to a channel for one peer and prints it, as JSON and as base64. */
public final class ScInviteCommand implements TerminalCommand {

    private final Sidechannels sidechannels;
    private final Duration defaultTtl;

    /** @param defaultTtl {@code --sidechannel-invite-ttl}; zero means {@code --ttl} is required */
    public ScInviteCommand(Sidechannels sidechannels, Duration defaultTtl) {
        this.sidechannels = sidechannels;
        this.defaultTtl = defaultTtl;
    }

    @Override
    public String name() {
        return "/sc_invite";
    }

    @Override
    public String usage() {
        return "/sc_invite --channel \"<name>\" --pubkey \"<peer-pubkey-hex>\" [--ttl <sec>] [--welcome <json|b64|@file>]";
    }

    @Override
    public String description() {
        return "Sign an invite to a sidechannel for one peer.";
    }

    @Override
    public String section() {
        return ScStatsCommand.SECTION;
    }

    @Override
    public void execute(CommandArgs args, CommandOutput out) throws CommandException {
        Optional<String> channel = TokenOptions.channel(args);
        Optional<String> invitee = args.value("pubkey", "invitee", "peer", "key").map(String::trim)
                .filter(k -> !k.isEmpty());
        if (channel.isEmpty() || invitee.isEmpty()) {
            out.println("Usage: " + usage());
            return;
        }
        // The original signed whatever it was given (§4); an invite for a malformed key helps nobody.
        if (!invitee.get().matches("[0-9a-fA-F]{64}")) {
            throw new CommandException("Invalid --pubkey: expected the peer's public key, 64 hex characters.");
        }
        Duration ttl = defaultTtl;
        Optional<String> ttlText = args.value("ttl", "ttl_sec", "ttl_s");
        if (ttlText.isPresent()) {
            ttl = Duration.ofSeconds(parseSeconds(ttlText.get()));
        }
        if (ttl.isNegative() || ttl.isZero()) {
            out.println("Invite TTL is required. Pass --ttl <sec> or set --sidechannel-invite-ttl.");
            return;
        }
        Optional<String> welcome;
        try {
            welcome = TokenOptions.welcome(args, sidechannels).or(() -> sidechannels.welcome(channel.get()));
        } catch (CommandException e) {
            out.println(e.getMessage());
            return;
        }
        String invite = sidechannels.createInvite(channel.get(), invitee.get(), ttl, welcome);
        out.println(invite);
        out.println("invite_b64: " + Base64.getEncoder().encodeToString(invite.getBytes(StandardCharsets.UTF_8)));
    }

    /** As the original's parseInt: leading digits count, anything unreadable is 0 (no TTL). */
    private static long parseSeconds(String text) {
        String digits = text.trim().replaceFirst("^([+-]?\\d+).*$", "$1");
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
