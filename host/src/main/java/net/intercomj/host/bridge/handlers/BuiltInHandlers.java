package net.intercomj.host.bridge.handlers;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import net.intercomj.api.sidechannel.Sidechannels;
import net.intercomj.host.bridge.BridgeHandler;
import net.intercomj.host.bridge.BridgeSettings;
import net.intercomj.host.terminal.CommandRegistry;

/** The bridge's own message types (spec §3.5). */
public final class BuiltInHandlers {

    private BuiltInHandlers() {}

    /**
     * @param sidechannels the sidechannel plane, when a plugin offers it
     * @param info         the peer's public facts
     * @param commands     the terminal's commands, for {@code cli}
     */
    public static List<BridgeHandler> all(BridgeSettings settings, Clock clock,
            Supplier<Optional<Sidechannels>> sidechannels, Supplier<PeerInfo> info, CommandRegistry commands) {
        return List.of(
                new PingHandler(clock),
                new SetFilterHandler(),
                new ClearFilterHandler(),
                new SubscribeHandler(),
                new UnsubscribeHandler(),
                new SendHandler(sidechannels),
                new JoinHandler(sidechannels),
                new LeaveHandler(sidechannels),
                new OpenHandler(sidechannels),
                new StatsHandler(sidechannels),
                new InfoHandler(info),
                new CliHandler(settings.cli(), settings.cliUnsafe(), commands));
    }
}
