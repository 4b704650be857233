package net.intercomj.focusroom;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.intercomj.api.bridge.Bridge;
import net.intercomj.api.json.Json;
import net.intercomj.api.network.Registration;
import net.intercomj.api.plugin.IntercomPlugin;
import net.intercomj.api.plugin.PeerConsole;
import net.intercomj.api.plugin.PluginContext;
import net.intercomj.api.plugin.Scheduler;
import net.intercomj.api.sidechannel.SidechannelConfig;
import net.intercomj.api.sidechannel.Sidechannels;
import net.intercomj.api.wallet.SignatureVerifier;
import net.intercomj.api.wallet.Wallet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The FocusRoom plugin's entry point (found through
 * {@code META-INF/services/net.intercomj.api.plugin.IntercomPlugin}).
 *
 * <p>Needs the {@link Sidechannels} service (the sidechannel plugin's), the {@link Wallet} and the
 * {@link SignatureVerifier}. The host starts the jars of its plugins folder in file name order,
 * so in the distribution this plugin ({@code intercom-focusroom.jar}) starts before the
 * sidechannel plugin: it waits for the sidechannel service ({@link PluginContext#whenService})
 * and wires itself once it is offered. Wiring loads the streaks and history from {@code <data folder>/focus-room.json}
 * ({@link FocusStore}), listens to the sidechannels, runs the expiry clock every {@link #TICK},
 * asks newly joined channels for their rooms every {@link #JOIN_CHECK}, and adds the terminal
 * commands {@code /focus_*} and, when the SC-Bridge runs, its eight {@code focus_*} types, the
 * {@code focusBridgeActions} field of {@code hello} and the {@code focus_event} pushes. The
 * proof dashboard ({@code web/index.html}) is served by the host at {@code /apps/focusroom/}.
 */
public final class FocusRoomPlugin implements IntercomPlugin {

    /** The bridge types, in the original's {@code hello.focusBridgeActions} order. */
    public static final List<String> BRIDGE_ACTIONS = List.of("focus_start", "focus_join", "focus_checkin", "focus_end",
            "focus_extend", "focus_status", "focus_rooms", "focus_streaks");

    /** How often deadlines are checked: a session ends at most this long after its deadline. */
    public static final Duration TICK = Duration.ofSeconds(1);

    /** How often newly joined channels are looked for, to ask them for their rooms. */
    public static final Duration JOIN_CHECK = Duration.ofSeconds(5);

    private static final Logger LOG = LoggerFactory.getLogger(FocusRoomPlugin.class);

    private final List<Registration> registrations = new ArrayList<>();
    private PluginContext context;
    private FocusRoom app;

    @Override
    public synchronized void start(PluginContext context) {
        this.context = context;
        registrations.add(context.whenService(Sidechannels.class, this::wire));
    }

    /** Wires the app once the sidechannel plane is there; without a wallet and a verifier, adds nothing. */
    private synchronized void wire(Sidechannels sidechannels) {
        Optional<Wallet> wallet = context.service(Wallet.class);
        Optional<SignatureVerifier> verifier = context.service(SignatureVerifier.class);
        if (wallet.isEmpty() || verifier.isEmpty()) {
            LOG.warn("FocusRoom needs a wallet and a signature verifier; not started");
            return;
        }
        Clock clock = context.service(Clock.class).orElse(Clock.systemUTC());
        int maxBytes = context.service(SidechannelConfig.class).map(SidechannelConfig::maxBytes).orElse(1_000_000);
        FocusStore store = new FocusStore(context.dataFolder().resolve(FocusStore.FILE_NAME));
        store.load();
        LOG.info("FocusRoom: {} finished sessions loaded from {}", store.history().size(), store.file());
        Optional<Bridge> bridge = context.service(Bridge.class);
        Optional<PeerConsole> console = context.service(PeerConsole.class);
        FocusRoom.Events events = (event, line) -> {
            bridge.ifPresent(b -> b.pushToAll(event.toJson()));
            console.ifPresentOrElse(c -> c.println(line), () -> LOG.info(line));
        };
        app = new FocusRoom(store, sidechannels, wallet.get(), verifier.get(), clock, events,
                Math.max(4096, maxBytes / 2));
        app.start();
        context.service(Scheduler.class).ifPresent(scheduler -> {
            registrations.add(scheduler.every(TICK, app::tick));
            registrations.add(scheduler.every(JOIN_CHECK, app::syncJoinedChannels));
        });

        context.addCommand(new FocusStartCommand(app));
        context.addCommand(new FocusJoinCommand(app));
        context.addCommand(new FocusCheckinCommand(app));
        context.addCommand(new FocusEndCommand(app));
        context.addCommand(new FocusExtendCommand(app));
        context.addCommand(new FocusStatusCommand(app));
        context.addCommand(new FocusRoomsCommand(app));
        context.addCommand(new FocusStreaksCommand(app));
        context.addCommand(new FocusHistoryCommand(app));

        bridge.ifPresent(b -> {
            registrations.add(b.handle("focus_start", new FocusStartHandler(app)));
            registrations.add(b.handle("focus_join", new FocusJoinHandler(app)));
            registrations.add(b.handle("focus_checkin", new FocusCheckinHandler(app)));
            registrations.add(b.handle("focus_end", new FocusEndHandler(app)));
            registrations.add(b.handle("focus_extend", new FocusExtendHandler(app)));
            registrations.add(b.handle("focus_status", new FocusStatusHandler(app)));
            registrations.add(b.handle("focus_rooms", new FocusRoomsHandler(app)));
            registrations.add(b.handle("focus_streaks", new FocusStreaksHandler(app)));
            registrations.add(b.helloField("focusBridgeActions",
                    Json.array(BRIDGE_ACTIONS.stream().map(Json::of).toList()).toJson()));
        });
    }

    @Override
    public synchronized void stop() {
        for (Registration registration : registrations) {
            registration.close();
        }
        registrations.clear();
        if (app != null) {
            app.close();
            app = null;
        }
    }
}
