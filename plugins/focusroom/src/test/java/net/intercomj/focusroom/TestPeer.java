package net.intercomj.focusroom;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import net.intercomj.api.json.JsonObject;
import net.intercomj.testkit.FakeSidechannels;
import net.intercomj.testkit.MutableClock;
import net.intercomj.testkit.TestWallet;

/**
 * One FocusRoom peer for tests: its own wallet, clock (so tests can skew it), fake sidechannels
 * on a shared hub, store in {@code folder}, and the events it emitted.
 */
final class TestPeer {

    final TestWallet wallet;
    final FakeSidechannels sidechannels;
    final MutableClock clock;
    final Path folder;
    final FocusStore store;
    final FocusRoom app;
    final List<JsonObject> events = new CopyOnWriteArrayList<>();
    final List<String> lines = new CopyOnWriteArrayList<>();

    TestPeer(FakeSidechannels.Hub hub, MutableClock clock, Path folder) {
        this(hub, clock, folder, new TestWallet());
    }

    /** A peer with {@code wallet}: the same identity again, as after a restart. */
    TestPeer(FakeSidechannels.Hub hub, MutableClock clock, Path folder, TestWallet wallet) {
        this.wallet = wallet;
        this.sidechannels = new FakeSidechannels(hub, wallet.publicKeyHex());
        this.clock = clock;
        this.folder = folder;
        this.store = new FocusStore(folder.resolve(FocusStore.FILE_NAME));
        store.load();
        this.app = new FocusRoom(store, sidechannels, wallet, TestWallet.VERIFIER, clock, (event, line) -> {
            events.add(event);
            lines.add(line);
        }, 8192);
        app.start();
    }

    String key() {
        return wallet.publicKeyHex();
    }

    /** The {@code eventType}s emitted, in order, with their source: {@code session_start/local}. */
    List<String> eventTypes() {
        return events.stream().map(e -> e.string("eventType") + "/" + e.string("source")).toList();
    }

    JsonObject room(String name) {
        return app.status(name).orElseThrow();
    }
}
