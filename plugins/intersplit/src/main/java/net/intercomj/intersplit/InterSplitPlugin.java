package net.intercomj.intersplit;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.intercomj.api.bridge.Bridge;
import net.intercomj.api.network.Registration;
import net.intercomj.api.plugin.IntercomPlugin;
import net.intercomj.api.plugin.PluginContext;
import net.intercomj.api.plugin.Scheduler;
import net.intercomj.api.sidechannel.SidechannelConfig;
import net.intercomj.api.sidechannel.Sidechannels;
import net.intercomj.api.subnet.Subnet;
import net.intercomj.api.wallet.SignatureVerifier;
import net.intercomj.api.wallet.Wallet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The InterSplit plugin's entry point (found through
 * {@code META-INF/services/net.intercomj.api.plugin.IntercomPlugin}).
 *
 * <p>Needs the {@link Sidechannels} service (the sidechannel plugin's), the {@link Wallet} and the
 * {@link SignatureVerifier}. In the distribution this plugin starts before the sidechannel
 * plugin, so it waits for the sidechannel service ({@link PluginContext#whenService}) and wires
 * itself once it is offered. Loads the rooms from {@code <data folder>/expense-split.snapshots.json} ({@link Rooms}),
 * listens to the sidechannels and asks joined channels for their history ({@link ExpenseSplit}),
 * checks every {@link #JOIN_CHECK} for newly joined channels to ask, and adds the terminal
 * commands {@code /expense_add}, {@code /expense_list}, {@code /expense_balance},
 * {@code /expense_clear}, {@code /expense_export}, {@code /expense_persist},
 * {@code /expense_restore} and, when the SC-Bridge runs, the bridge types of the same names.
 * Offers its contract ({@link RoomContract}) from the start: a subnet created with
 * {@code --app intersplit} runs it, and persist needs it.
 */
public final class InterSplitPlugin implements IntercomPlugin {

    /** How often newly joined channels are looked for, to ask them for their history. */
    public static final Duration JOIN_CHECK = Duration.ofSeconds(10);

    private static final Logger LOG = LoggerFactory.getLogger(InterSplitPlugin.class);

    private final List<Registration> registrations = new ArrayList<>();
    private PluginContext context;
    private ExpenseSplit app;

    @Override
    public synchronized void start(PluginContext context) {
        this.context = context;
        // Now, not once wired: the host applies the subnet's log right after the plugins start,
        // and a subnet that pins this app needs its contract then.
        context.addContractApp(new RoomContract());
        // The host starts the jars of its plugins folder in file name order, so in the
        // distribution the sidechannel plugin (intercom-sidechannel.jar) starts after this one.
        registrations.add(context.whenService(Sidechannels.class, this::wire));
    }

    /** Wires the app once the sidechannel plane is there; without a wallet and a verifier, adds nothing. */
    private synchronized void wire(Sidechannels sidechannels) {
        Optional<Wallet> wallet = context.service(Wallet.class);
        Optional<SignatureVerifier> verifier = context.service(SignatureVerifier.class);
        if (wallet.isEmpty() || verifier.isEmpty()) {
            LOG.warn("InterSplit needs a wallet and a signature verifier; not started");
            return;
        }
        Clock clock = context.service(Clock.class).orElse(Clock.systemUTC());
        int maxBytes = context.service(SidechannelConfig.class).map(SidechannelConfig::maxBytes).orElse(1_000_000);
        Rooms rooms = new Rooms(context.dataFolder().resolve(Rooms.FILE_NAME), clock);
        int loaded = rooms.load();
        LOG.info("InterSplit: {} events in {} rooms loaded from {}", loaded, rooms.channels().size(), rooms.file());
        app = new ExpenseSplit(rooms, sidechannels, wallet.get(), verifier.get(), clock, Math.max(4096, maxBytes / 2));
        app.start();
        context.service(Scheduler.class).ifPresent(scheduler ->
                registrations.add(scheduler.every(JOIN_CHECK, app::syncJoinedChannels)));

        context.addCommand(new ExpenseAddCommand(app));
        context.addCommand(new ExpenseListCommand(app));
        context.addCommand(new ExpenseBalanceCommand(app));
        context.addCommand(new ExpenseClearCommand(app));
        context.addCommand(new ExpenseExportCommand(app, clock));
        Optional<RoomPersistence> persistence = context.service(Subnet.class).map(subnet -> new RoomPersistence(app, subnet));
        persistence.ifPresent(store -> {
            context.addCommand(new ExpensePersistCommand(app, store));
            context.addCommand(new ExpenseRestoreCommand(app, store));
        });

        context.service(Bridge.class).ifPresent(bridge -> {
            registrations.add(bridge.handle("expense_add", new ExpenseAddHandler(app)));
            registrations.add(bridge.handle("expense_list", new ExpenseListHandler(app)));
            registrations.add(bridge.handle("expense_balance", new ExpenseBalanceHandler(app)));
            registrations.add(bridge.handle("expense_clear", new ExpenseClearHandler(app)));
            registrations.add(bridge.handle("expense_export", new ExpenseExportHandler(app, clock)));
            persistence.ifPresent(store -> {
                registrations.add(bridge.handle("expense_persist", new ExpensePersistHandler(store)));
                registrations.add(bridge.handle("expense_restore", new ExpenseRestoreHandler(store)));
            });
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
