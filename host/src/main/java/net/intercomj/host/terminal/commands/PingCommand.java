package net.intercomj.host.terminal.commands;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeoutException;
import net.intercomj.api.command.CommandArgs;
import net.intercomj.api.command.CommandException;
import net.intercomj.api.command.CommandOutput;
import net.intercomj.api.command.TerminalCommand;
import net.intercomj.host.net.Bytes32;
import net.intercomj.host.net.PeerNetwork;
import net.intercomj.host.net.ping.Pinger;
import net.intercomj.host.net.swarm.PeerConnection;

/** {@code /ping [pubkey]}: the round trip to one connected peer, or to each. */
public final class PingCommand implements TerminalCommand {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private final PeerNetwork network;

    public PingCommand(PeerNetwork network) {
        this.network = network;
    }

    @Override
    public String name() {
        return "/ping";
    }

    @Override
    public String usage() {
        return "/ping [<pubkey hex>]";
    }

    @Override
    public String description() {
        return "Measure the round trip to a connected peer, or to every connected peer.";
    }

    @Override
    public void execute(CommandArgs args, CommandOutput out) throws CommandException {
        List<String> words = args.positional();
        List<Bytes32> targets;
        if (words.isEmpty()) {
            targets = network.swarm().connections().stream().map(PeerConnection::remotePublicKey).toList();
            if (targets.isEmpty()) {
                out.println("No connected peers.");
                return;
            }
        } else {
            try {
                targets = List.of(Bytes32.fromHex(words.get(0).trim().toLowerCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new CommandException("Invalid public key \"" + words.get(0) + "\": expected 64 hex characters.");
            }
        }
        for (Bytes32 target : targets) {
            java.util.Optional<Pinger> found = network.pinger(target);
            if (found.isEmpty()) {
                if (targets.size() == 1) {
                    throw new CommandException("Not connected to " + target.toHex() + ".");
                }
                out.println("No longer connected to " + target.toHex() + ".");
                continue;
            }
            Pinger pinger = found.get();
            try {
                Duration rtt = pinger.ping(32, TIMEOUT);
                out.println(String.format(Locale.ROOT, "Pong from %s in %.3f ms", target.toHex(), rtt.toNanos() / 1e6));
            } catch (TimeoutException e) {
                out.println("No pong from " + target.toHex() + ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
