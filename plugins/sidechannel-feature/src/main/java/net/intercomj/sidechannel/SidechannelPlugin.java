package net.intercomj.sidechannel;

import java.nio.file.Path;
import java.util.function.LongSupplier;
import net.intercomj.api.network.Network;
import net.intercomj.api.plugin.IntercomPlugin;
import net.intercomj.api.plugin.PeerConsole;
import net.intercomj.api.plugin.PluginContext;
import net.intercomj.api.sidechannel.SidechannelConfig;
import net.intercomj.api.sidechannel.Sidechannels;
import net.intercomj.api.wallet.SignatureVerifier;
import net.intercomj.api.wallet.Wallet;
import net.intercomj.sidechannel.commands.ScInviteCommand;
import net.intercomj.sidechannel.commands.ScJoinCommand;
import net.intercomj.sidechannel.commands.ScOpenCommand;
import net.intercomj.sidechannel.commands.ScSendCommand;
import net.intercomj.sidechannel.commands.ScStatsCommand;
import net.intercomj.sidechannel.commands.ScWelcomeCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sidechannel plugin: offers {@link Sidechannels}, adds the {@code /sc_*} commands, and joins
 * the start-up channels in the background, printing {@code Sidechannel: ready} once done.
 */
public final class SidechannelPlugin implements IntercomPlugin {

    private static final Logger LOG = LoggerFactory.getLogger(SidechannelPlugin.class);

    private final LongSupplier clock;
    private SidechannelPlane plane;

    /** The plugin as the host creates it, on the system clock. */
    public SidechannelPlugin() {
        this(System::currentTimeMillis);
    }

    /** On {@code clock} (epoch milliseconds): tests move time to expire blocks and invites. */
    SidechannelPlugin(LongSupplier clock) {
        this.clock = clock;
    }

    /** The running plane; for tests in this package. */
    SidechannelPlane plane() {
        return plane;
    }

    @Override
    public void start(PluginContext context) {
        Wallet wallet = require(context, Wallet.class);
        SignatureVerifier verifier = require(context, SignatureVerifier.class);
        Network network = require(context, Network.class);
        PeerConsole console = require(context, PeerConsole.class);
        SidechannelConfig config = context.service(SidechannelConfig.class).orElse(SidechannelConfig.defaults());
        Policy policy = Policy.of(config, wallet.publicKeyHex());
        if (config.welcomeRequired() && policy.owner(Sidechannels.ENTRY_CHANNEL).isEmpty()) {
            console.warn("[sidechannel] welcome required for non-entry channels; entry \"0000intercom\" is open"
                    + " and does not require owner/welcome.");
        }
        plane = new SidechannelPlane(policy, wallet, verifier, network, console, clock, Path.of(""));
        context.provide(Sidechannels.class, plane);
        context.addCommand(new ScJoinCommand(plane));
        context.addCommand(new ScOpenCommand(plane));
        context.addCommand(new ScSendCommand(plane));
        context.addCommand(new ScInviteCommand(plane, config.inviteTtl()));
        context.addCommand(new ScWelcomeCommand(plane, policy::isOwner));
        context.addCommand(new ScStatsCommand(plane));
        SidechannelPlane starting = plane;
        // Discovery may take up to 10 s: the peer's terminal does not wait for it.
        Thread.ofVirtual().name("sidechannel-start").start(() -> {
            try {
                starting.start();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                LOG.error("Sidechannel failed to start: {}", e.getMessage(), e);
                console.warn("Sidechannel failed to start: " + e.getMessage());
            }
        });
    }

    private static <T> T require(PluginContext context, Class<T> type) {
        return context.service(type).orElseThrow(() -> new IllegalStateException(
                "The host offers no " + type.getSimpleName() + " service"));
    }

    @Override
    public void stop() {
        if (plane != null) {
            plane.stop();
        }
    }
}
